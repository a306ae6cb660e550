package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.ClosedForm;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.PathSolver;
import org.gfn4j.objective.Objective;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.objective.LogSoftmax;
import org.gfn4j.runtime.Profile;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;

/**
 * What an evaluation measures of the current policy itself, as opposed to the training trackers:
 * the {@link Evaluator}'s metrics, the shortest-path solver's (path_scrambles), and log Z learned
 * and true.
 */
final class PolicyMetrics implements AutoCloseable {
  private final Environment env;
  private final StateSpace space;
  private final Objective objective;
  private final PolicyTrainer policy;
  private final long seed;
  final Evaluator evaluator;
  /** Solves fixed scrambles with PB at each evaluation (path_scrambles > 0), else null. */
  private final PathSolver pathSolver;

  /** Refuses settings it cannot measure before the run allocates anything. */
  static void check(TrainConfig config, Objective objective) {
    if (config.getInt(TrainKey.PATH_SCRAMBLES) > 0
        && (!objective.learnsBackwardPolicy() || TrainSetup.backwardChoice(config).separateNetwork())) {
      throw new IllegalArgumentException("path_scrambles solves with the policy's backward head: it needs a learned PB"
          + " there (train_backward=true, backward_policy auto or naive) and an objective that learns it");
    }
  }

  /**
   * {@code uniformBackward}: whether ELBO and EUBO are taken under the uniform backward policy
   * (the policy's own PB is not learned, or a separate PB network is).
   */
  PolicyMetrics(TrainConfig config, Environment env, StateSpace space, Objective objective, PolicyTrainer policy,
      boolean uniformBackward) {
    this.env = env;
    this.space = space;
    this.objective = objective;
    this.policy = policy;
    this.seed = config.getLong(TrainKey.SEED);
    int evalBatch = config.getInt(TrainKey.EVAL_BATCH);
    int[] groundTruth = space == null ? null
        : Profile.time("evaluation setup", () -> TrainSetup.groundTruth(space, evalBatch, seed));
    int corr = config.getInt(TrainKey.CORR_OBJECTS);
    int[] testObjects = corr == 0 ? null : env.testObjects().map(t -> TrainSetup.spread(t, env.stateWidth(), corr))
        .orElse(space == null ? null : TrainSetup.testObjects(space, corr, seed));
    this.evaluator = Profile.time("evaluation setup", () -> new Evaluator(env, space, knownLogZ(), seed, evalBatch,
        config.getInt(TrainKey.EVAL_ROUNDS), uniformBackward, groundTruth, testObjects, space == null ? corr : 0,
        TrainSetup.transport(space, config.getInt(TrainKey.OT_MAX_STATES))));
    int scrambles = config.getInt(TrainKey.PATH_SCRAMBLES);
    this.pathSolver = scrambles == 0 ? null : new PathSolver(env, scrambles, config.getInt(TrainKey.PATH_SAMPLES),
        config.getInt(TrainKey.PATH_DEPTH), seed);
  }

  /**
   * The evaluator's and the path solver's metrics of {@code online}, then log_z_learned and
   * log_z_true; {@code mlp} (null: none) is {@code online} as a native MLP forward, which lets the
   * evaluator sample in one native call per round.
   */
  Map<String, Double> evaluate(PolicyFn online, MlpForward mlp) {
    Map<String, Double> out = new LinkedHashMap<>(evaluator.evaluate(online, mlp));
    if (pathSolver != null) { // the same sampling noise at every evaluation, like the evaluator's
      out.putAll(pathSolver.solve(online, new Sampler(seed ^ 0x50A7L), -3L));
    }
    out.put("log_z_learned", learnedLogZ(online));
    if (space != null || env.closedForm().isPresent()) {
      out.put("log_z_true", knownLogZ());
    }
    return out;
  }

  /** Exact log Z where known (closed form or enumeration), else 0. */
  double knownLogZ() {
    if (space != null) {
      return space.logZ();
    }
    return env.closedForm().map(ClosedForm::logZ).orElse(0.0);
  }

  /** The run's estimate of log Z, as the objective says its model holds it ({@link org.gfn4j.objective.LogZEstimate}). */
  double learnedLogZ(PolicyFn online) {
    if (objective.usesLogZ()) {
      return policy.logZ().value();
    }
    try (Trajectories one = Trajectories.of(env, 2, 1);
        HeadBlock h = HeadBlock.like(one)) {
      StateBatch s0 = one.states(0);
      env.reset(s0);
      env.observe(s0, one.obs(0));
      online.evaluate(one.obs(0), h.forwardLogits(0, 1), h.backwardLogits(0, 1), h.logFlow(0, 1));
      switch (objective.logZEstimate()) {
        case LOG_FLOW_PLUS_LOG_REWARD_AT_S0:
          return h.logFlow.get(0) + env.logRewards(s0.cells(0), 1)[0];
        case STOP_PROBABILITY_AT_S0:
          env.forwardMask(s0, one.forwardMask(0));
          return env.logRewards(s0.cells(0), 1)[0]
              - logProbability(h.forwardLogits, one.forwardMask, env.stopAction().orElseThrow());
        default:
          return h.logFlow.get(0);
      }
    }
  }

  /** log softmax of row 0 of {@code logits} over the actions {@code invalid} allows, at {@code action}. */
  private static double logProbability(FloatTensor logits, ByteTensor invalid, int action) {
    int n = (int) logits.dim(2);
    double[] row = new double[n];
    byte[] mask = new byte[n];
    for (int a = 0; a < n; a++) {
      row[a] = logits.get(a);
      mask[a] = invalid.get(a);
    }
    return LogSoftmax.logProb(row, 0, LogSoftmax.lse(row, 0, mask, 0, n), action);
  }

  @Override
  public void close() {
    evaluator.close();
    if (pathSolver != null) {
      pathSolver.close();
    }
  }
}
