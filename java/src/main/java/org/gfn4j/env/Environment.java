package org.gfn4j.env;

import java.util.Optional;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A batched GFlowNet environment with gfnx semantics. Every method processes a whole
 * {@link StateBatch} in one call; masks are invalid masks (1 = forbidden); a forward step from a
 * terminal state (or a backward step from the initial state) is a padding step that copies the
 * state and sets its pad flag. Buffers are caller-owned; outputs may be the inputs (in place).
 * Shapes are checked before any native call and mismatches throw IllegalArgumentException.
 */
public interface Environment {
  /** The canonical spec, with every parameter spelled out. */
  EnvSpec spec();

  Backend backend();

  int numActions();

  int numBackwardActions();

  /** Shape of one observation (float32). */
  int[] observationShape();

  default int observationSize() {
    int n = 1;
    for (int d : observationShape()) {
      n *= d;
    }
    return n;
  }

  /** Upper bound on forward steps of a trajectory (gfnx {@code max_steps_in_episode}). */
  int maxSteps();

  /** int32 cells per state. */
  int stateWidth();

  default StateBatch newBatch(int batchSize) {
    return StateBatch.allocate(batchSize, stateWidth());
  }

  /** Sets every state to the initial state. */
  void reset(StateBatch states);

  /**
   * Forward step: {@code next} receives the successor of each state under {@code actions} [B];
   * {@code logReward} [B] receives log R where a state newly terminates, else 0.
   */
  void step(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward);

  /** Backward step: {@code prev} receives the parents; {@code done} [B] = reached the initial state. */
  void backwardStep(StateBatch states, IntTensor actions, StateBatch prev, ByteTensor done);

  /** Invalid forward actions, [B, numActions]. */
  void forwardMask(StateBatch states, ByteTensor invalid);

  /** Invalid backward actions, [B, numBackwardActions]. */
  void backwardMask(StateBatch states, ByteTensor invalid);

  /** Observations, [B, observationSize] float32, written in place (the policy's input buffer). */
  void observe(StateBatch states, FloatTensor obs);

  /** For forward transitions {@code states --actions--> next}: the backward action undoing each. */
  void backwardActions(StateBatch states, IntTensor actions, StateBatch next, IntTensor out);

  /** For backward transitions {@code states --actions--> prev}: the forward action redoing each. */
  void forwardActions(StateBatch states, IntTensor backwardActions, StateBatch prev, IntTensor out);

  /** Parses a terminal object from its text form; IllegalArgumentException if invalid. */
  int[] parseObject(String text);

  String formatObject(int[] cells);

  /** Writes a validated state into slot {@code b} of {@code states}. */
  void setState(StateBatch states, int b, int[] cells, boolean terminal);

  /** Natural-log rewards of {@code count} terminal objects given as concatenated cells. */
  double[] logRewards(int[] cells, int count);

  /** Exact enumeration hooks, present when the terminal space can be enumerated. */
  default Optional<EnumerableEnvironment> enumerable() {
    return Optional.empty();
  }
}
