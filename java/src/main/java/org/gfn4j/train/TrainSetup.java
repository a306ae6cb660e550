package org.gfn4j.train;

import java.nio.file.Path;
import org.gfn4j.backward.BackwardChoice;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.GroundTruthSampler;
import org.gfn4j.objective.Objective;
import org.gfn4j.objective.ObjectiveSettings;
import org.gfn4j.objective.Objectives;
import org.gfn4j.runtime.Backend;

/**
 * What a training config builds before the first iteration: the environment on its backend, the
 * objective with the settings it reads, the backward-policy choice, ONNX Runtime's thread count,
 * and the fixed object sets of the evaluation (ground truth, correlation test set).
 */
final class TrainSetup {
  private TrainSetup() {}

  /** The environment a config names, on the backend its {@code backend} setting selects. */
  static Environment environment(TrainConfig config, Path dataDir) {
    String spec = config.get(TrainKey.ENV);
    if (spec.isBlank()) {
      throw new IllegalArgumentException("no environment given: use --env SPEC or a preset");
    }
    return Environments.create(spec, Backend.valueOf(config.get(TrainKey.BACKEND).toUpperCase(java.util.Locale.ROOT)),
        dataDir);
  }

  /**
   * Whether the policy trains from the hidden activations its rollout kept: an MLP the backward
   * graph supports, rolled out by the fused native rollout (reuse_activations, native_forward),
   * updated on the rollout's own block (no replay, no local search, no tree search in the
   * rollout: their blocks would need a second forward pass to get activations).
   */
  static boolean trainsFromActivations(TrainConfig config, org.gfn4j.policy.PolicySpec spec, Environment env) {
    return config.getBoolean(TrainKey.REUSE_ACTIVATIONS) && config.getBoolean(TrainKey.NATIVE_FORWARD)
        && config.get(TrainKey.REPLAY).equals("none") && localSearch(config) == null
        && !MctsSetup.settings(config, env).mode().searchesInTraining()
        && org.gfn4j.policy.onnx.MlpBackwardGraph.supports(spec) && org.gfn4j.rollout.NativeRollout.supports(env, spec);
  }

  /**
   * ONNX Runtime's intra-op threads: the threads setting from batch 64 up; below, a train step
   * holds too few rows (about batch × mean trajectory length) for a second thread to pay for its
   * hand-offs, so ORT runs on one and the native pool keeps the setting.
   */
  static int onnxThreads(TrainConfig config) {
    return config.getInt(TrainKey.BATCH) >= 64 ? config.getInt(TrainKey.THREADS) : 1;
  }

  /** The objective the config names, with the settings it reads and the environment's stop action. */
  static Objective objective(TrainConfig c, Environment env) {
    String lambda = c.get(TrainKey.SOFTDQN_LAMBDA);
    BackwardChoice backward = backwardChoice(c);
    boolean dqn = Objectives.backwardPolicyIsReward(c.get(TrainKey.OBJECTIVE));
    if (dqn && backward == BackwardChoice.NAIVE && !c.get(TrainKey.BACKWARD_POLICY).equals("auto")) {
      throw new IllegalArgumentException(c.get(TrainKey.OBJECTIVE) + " cannot train PB through its loss:"
          + " use backward_policy uniform, tlm or pessimistic");
    }
    // soft-DQN's PB is a reward, never a trained head: it is uniform unless fitted apart
    boolean learnedBackward = backward.separateNetwork() || backward == BackwardChoice.NAIVE && !dqn;
    return Objectives.create(c.get(TrainKey.OBJECTIVE), new ObjectiveSettings(learnedBackward,
        c.getDouble(TrainKey.SUBTB_LAMBDA), c.getDouble(TrainKey.LEAF_COEFF), env.stopAction(),
        c.getDouble(TrainKey.MDQN_ALPHA), c.getDouble(TrainKey.MDQN_L0),
        lambda.equals("auto") ? Double.NaN : Double.parseDouble(lambda), c.getBoolean(TrainKey.DOUBLE_DQN),
        CycleTraining.settings(c, env)), Backend.NATIVE);
  }

  /** The local-search settings of a config, or null when ls_iterations is 0 (off). */
  static org.gfn4j.localsearch.LocalSearchSettings localSearch(TrainConfig c) {
    int rounds = c.getInt(TrainKey.LS_ITERATIONS);
    if (rounds == 0) {
      return null;
    }
    if (!c.get(TrainKey.REPLAY).equals("none")) {
      throw new IllegalArgumentException("local search keeps its own reward-prioritised replay: use replay=none");
    }
    if (!c.get(TrainKey.MCTS).equals("none")) {
      throw new IllegalArgumentException("local search and mcts both choose what the update trains on: use one");
    }
    return new org.gfn4j.localsearch.LocalSearchSettings(rounds, c.getInt(TrainKey.LS_BACKTRACK),
        org.gfn4j.localsearch.Acceptance.parse(c.get(TrainKey.LS_ACCEPT)), c.getInt(TrainKey.LS_REPLAY_BATCH),
        c.getInt(TrainKey.LS_REPLAY_CAPACITY), c.getDouble(TrainKey.LS_REPLAY_TOP));
  }

  static BackwardChoice backwardChoice(TrainConfig c) {
    return BackwardChoice.parse(c.get(TrainKey.BACKWARD_POLICY), c.getBoolean(TrainKey.TRAIN_BACKWARD));
  }

  /**
   * The optimal-transport oracle of an enumerated environment with a fixed first edge and at most
   * {@code maxStates} states (exact W1 by min-cost flow, solved here once), else null.
   */
  static org.gfn4j.metrics.TransportOracle transport(StateSpace space, int maxStates) {
    if (space == null || space.environment().firstEdge().isEmpty()
        || (long) space.numStates() + space.numTerminalStates() > maxStates) {
      return null;
    }
    return new org.gfn4j.metrics.TransportOracle(space, org.gfn4j.metrics.CyclicExactDistribution.startLaw(space));
  }

  static int[] groundTruth(StateSpace space, int n, long seed) {
    int width = space.stateWidth();
    int[] objects = new int[n * width];
    int[] indices = GroundTruthSampler.of(space).sample(n, seed + 2); // gfnx's eval_init_seed offset
    for (int i = 0; i < n; i++) {
      System.arraycopy(space.terminalState(indices[i]), 0, objects, i * width, width);
    }
    return objects;
  }

  /** At most {@code n} objects of an environment's test set, evenly spaced through it. */
  static int[] spread(int[] set, int width, int n) {
    int size = set.length / width;
    if (size <= n) {
      return set;
    }
    int[] out = new int[n * width];
    for (int i = 0; i < n; i++) {
      System.arraycopy(set, (int) ((long) i * size / n) * width, out, i * width, width);
    }
    return out;
  }

  /** A fixed test set for the correlation metric: terminal objects drawn uniformly. */
  static int[] testObjects(StateSpace space, int n, long seed) {
    int width = space.stateWidth();
    long count = space.numTerminalStates();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed + 3);
    int[] objects = new int[n * width];
    for (int i = 0; i < n; i++) {
      System.arraycopy(space.terminalState((int) rng.nextLong(count)), 0, objects, i * width, width);
    }
    return objects;
  }

}
