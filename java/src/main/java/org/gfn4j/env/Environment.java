package org.gfn4j.env;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * A batched GFlowNet environment with gfnx semantics: the contract everything outside
 * {@code org.gfn4j.env} programs against. Every method processes a whole {@link StateBatch} in
 * one call; masks are invalid masks (1 = forbidden); a forward step from a terminal state (or a
 * backward step from the initial state) is a padding step that copies the state and sets its pad
 * flag. Buffers are caller-owned; outputs may be the inputs (in place). Shapes are checked before
 * any native call and mismatches throw IllegalArgumentException. Besides the dynamics, an
 * environment declares what the rest of the library needs to know about it: its observations,
 * its reward module, its stop action, delta scores for forward-looking objectives, a distance
 * and modes between objects, the text form of objects and the plots it can draw.
 */
public interface Environment {
  /** The canonical spec, with every parameter spelled out. */
  EnvSpec spec();

  Backend backend();

  int numActions();

  int numBackwardActions();

  /** What one observation is: float features or integer tokens, and how many. */
  ObservationSpec observationSpec();

  /** Elements of one observation. */
  default int observationSize() {
    return observationSpec().size();
  }

  /**
   * The step cap of a rollout (gfnx {@code max_steps_in_episode}): a trajectory still not
   * terminal after this many forward steps is truncated (see {@link #alwaysTerminates()}).
   */
  int maxSteps();

  /** Every trajectory reaches a terminal state within {@link #maxSteps()} forward steps (acyclic, bounded). */
  default boolean alwaysTerminates() {
    return true;
  }

  /**
   * The fixed first edge s0 → s1 of a non-acyclic environment, where it has one (then forward
   * rollouts draw s1 from it; see {@link FirstEdge}).
   */
  default java.util.Optional<FirstEdge> firstEdge() {
    return java.util.Optional.empty();
  }

  /** int32 cells per state. */
  int stateWidth();

  default StateBatch newBatch(int batchSize) {
    return StateBatch.allocate(batchSize, stateWidth());
  }

  /** Sets every state to the initial state. */
  void reset(StateBatch states);

  /**
   * Forward step: {@code next} receives the successor of each state under {@code actions} [B];
   * {@code logReward} [B] receives log R where a state newly terminates (asked of the
   * {@link #reward()} module in one call), else 0.
   */
  void step(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward);

  /** Backward step: {@code prev} receives the parents; {@code done} [B] = reached the initial state. */
  void backwardStep(StateBatch states, IntTensor actions, StateBatch prev, ByteTensor done);

  /** Invalid forward actions, [B, numActions]. */
  void forwardMask(StateBatch states, ByteTensor invalid);

  /** Invalid backward actions, [B, numBackwardActions]. */
  void backwardMask(StateBatch states, ByteTensor invalid);

  /**
   * Observations [B, observationSize], written in place (the policy's input buffer): a
   * FloatTensor for feature observations, an IntTensor for token observations.
   */
  void observe(StateBatch states, Tensor<?> obs);

  /** For forward transitions {@code states --actions--> next}: the backward action undoing each. */
  void backwardActions(StateBatch states, IntTensor actions, StateBatch next, IntTensor out);

  /** For backward transitions {@code states --actions--> prev}: the forward action redoing each. */
  void forwardActions(StateBatch states, IntTensor backwardActions, StateBatch prev, IntTensor out);

  /** Parses a terminal object from its text form; IllegalArgumentException if invalid. */
  int[] parseObject(String text);

  String formatObject(int[] cells);

  /** Writes a validated state into slot {@code b} of {@code states}. */
  void setState(StateBatch states, int b, int[] cells, boolean terminal);

  /** The reward module {@link #step} asks for newly terminal states. */
  RewardModule reward();

  /** This environment with its reward replaced by {@code reward} (same dynamics and spec). */
  Environment withReward(RewardModule reward);

  /** Natural-log rewards of {@code count} terminal objects given as concatenated cells (validated). */
  double[] logRewards(int[] cells, int count);

  /** The forward action that stops (moves to a terminal copy), where the environment has one. */
  default OptionalInt stopAction() {
    return OptionalInt.empty();
  }

  /**
   * Per-transition scores Δ(s→s′) for the forward-looking objectives (FL-DB, MDB), where the
   * environment defines them: log R(s′) − log R(s) for rewards defined on every state, or a
   * local score change.
   */
  default Optional<DeltaScore> deltaScore() {
    return Optional.empty();
  }

  /**
   * Exact move distances between states, where the environment's moves form a graph small enough
   * to search (permutations up to n = 10, the 2×2×2 cube): the oracle of the shortest-path metrics.
   */
  default Optional<ShortestPaths> shortestPaths() {
    return Optional.empty();
  }

  /** The distance between objects used by diversity and modes metrics. */
  default ObjectDistance distance() {
    return ObjectDistance.HAMMING;
  }

  /**
   * The environment's modes, where it defines them. Without a mode set, enumerable environments
   * count the objects of maximal reward, visited exactly.
   */
  default Optional<ModeSet> modes() {
    return Optional.empty();
  }

  /**
   * A fixed test set of terminal objects (concatenated cells) for the log P̂(x) vs log R(x)
   * correlation, where the environment defines one (gfnx's bitseq test set); without one,
   * enumerable environments draw test objects from their state space.
   */
  default Optional<int[]> testObjects() {
    return Optional.empty();
  }

  /** Plots of a terminal distribution this environment can draw (the hypergrid's heat map). */
  default List<DistributionPlot> plots() {
    return List.of();
  }

  /**
   * Metrics of its own that the environment reads off an exact terminal distribution
   * ({@code learned}, indexed like {@code space}'s terminal objects), e.g. the permutations' L1
   * error of the fixed-point law; reported with the exact metrics.
   */
  default java.util.Map<String, Double> exactMetrics(StateSpace space, double[] learned) {
    return java.util.Map.of();
  }

  /**
   * Closed-form facts about the terminal space (log Z, counts), where known without enumeration.
   * Enumeration itself goes through {@link StateSpace#enumerate}.
   */
  default Optional<ClosedForm> closedForm() {
    return Optional.empty();
  }

  /**
   * An upper bound on the number of states (non-terminal plus terminal) used to decide, without
   * trying, that a state space is too large to enumerate; empty when unknown (then
   * exact metrics search the space until their limit). Environments with huge spaces must declare
   * one, or every training run would search up to the limit first.
   */
  default OptionalLong stateCountBound() {
    return OptionalLong.empty();
  }

  /**
   * Named d×d-style summaries of a terminal distribution over an enumerated space, where the
   * environment defines them (a DAG's edge, path and Markov-blanket marginals): {@code gfn4j
   * exact} prints those of the target distribution, and training correlates the learned ones
   * with the target ones. {@code distribution} is indexed like {@code space}'s terminal states.
   */
  default Map<String, double[][]> summaries(StateSpace space, double[] distribution) {
    return Map.of();
  }
}
