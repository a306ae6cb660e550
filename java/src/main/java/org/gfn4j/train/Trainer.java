package org.gfn4j.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.backward.BackwardChoice;
import org.gfn4j.backward.BackwardPolicyTrainer;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;
import org.gfn4j.localsearch.LocalSearch;
import org.gfn4j.localsearch.LocalSearchSettings;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.Profile;
import org.gfn4j.objective.Objective;
import org.gfn4j.objective.ObjectiveGrads;
import org.gfn4j.objective.ObjectiveInputs;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.TargetNetwork;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.NativeRollout;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.EpsilonSchedule;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * One GFlowNet training run in memory: each iteration rolls out a batch with the current policy
 * (environment → rollout), computes the objective and its upstream gradients natively
 * (→ objective), runs ONNX Runtime's training step and optimizer (→ policy update) and feeds the
 * trackers (→ metrics). Evaluation and persistence are driven by {@link TrainRun}.
 */
public final class Trainer extends NativeResource {
  final TrainConfig config;
  final Environment env;
  /** Every state of the environment, where small enough to enumerate (exact metrics); else null. */
  final StateSpace space;
  private final DeltaScore deltaScore;
  /** Per-row first-edge log PF under a non-uniform start distribution (null when the edge is uniform or absent). */
  private final org.gfn4j.rollout.FirstEdgeRows firstEdgeRows;
  final Objective objective;
  final PolicyTrainer policy;
  final TargetNetwork target;
  final TrainingTrackers trackers;
  final StepTimes times = new StepTimes();
  /** The current policy for rollouts and evaluation: the native MLP forward where it applies, else ORT. */
  private final NetworkPolicy online;
  /** The native forward's parameter copy, refreshed after every optimizer step (null: ORT forward). */
  final MlpForward nativeForward;
  /** The online policy as the per-slot rollout sees it: counts the rows it evaluates. */
  private final PolicyFn rolloutPolicy;
  final TargetPolicy targetPolicy;
  private final EpsilonSchedule epsilon;
  private final LearningRateSchedule learningRate;
  private final ForwardRollout rollout;
  /** The whole rollout in one native call, where the environment and policy allow it (else null). */
  private final NativeRollout fusedRollout;
  private final Trajectories block;
  private final HeadBlock heads;
  private final HeadBlock grads;
  private final HeadBlock targetHeads;
  private final FloatTensor delta;
  /** Train step and optimizer step of one block. */
  private final PolicyStep policyStep;
  /** Stored transitions for off-policy updates (replay=uniform|prioritized), else null. */
  final TransitionReplay replay;
  /** The evaluator, the shortest-path solver and log Z: what an evaluation measures of the policy. */
  private final PolicyMetrics metrics;
  /** A separate learned PB (backward_policy=tlm|pessimistic), else null; the forward loss reads its target. */
  final BackwardPolicyTrainer backwardPolicy;
  /** The learned reward the environment scores with (reward_model), else null. */
  final RewardLearner learner;
  private final HeadBlock backwardHeads;
  /** The local-search data collector (ls_iterations > 0), else null; the update then trains on its block. */
  final LocalSearch localSearch;
  /** Per kind of block (rollout, replay draw, local-search block): where its gradients and extra heads go. */
  private final UpdateBuffers onlineBuffers;
  private final UpdateBuffers replayBuffers;
  private final UpdateBuffers lsBuffers;
  /** MENTS tree search (mcts_* settings); inactive with mcts=none. */
  private final TreeTraining trees;
  private long step;

  /** Gradients, target and PB̄ heads of one kind of block, whether its padding rows are compacted away, and whether it carries importance weights. */
  private record UpdateBuffers(HeadBlock grads, HeadBlock target, HeadBlock backward, boolean compact,
      boolean prioritized) {}

  private Trainer(TrainConfig config, Environment given, PolicyTrainer resumed, long step) {
    this.config = config;
    this.objective = TrainSetup.objective(config, given);
    BackwardChoice backward = TrainSetup.backwardChoice(config);
    this.learner = RewardLearners.create(config, given,
        !objective.learnsBackwardPolicy() || backward.separateNetwork());
    Environment env = learner == null ? given : given.withReward(learner.reward());
    this.env = env;
    this.deltaScore = objective.needsDeltaScores() ? env.deltaScore().orElseThrow() : null;
    this.firstEdgeRows = env.firstEdge().filter(e -> !e.uniform()).map(org.gfn4j.rollout.FirstEdgeRows::new)
        .orElse(null);
    if (objective.needsWholeTrajectories() && !env.alwaysTerminates()) {
      throw new IllegalArgumentException(objective.name() + " needs complete trajectories, but " + env.spec()
          + " can truncate them at its step cap: use a transition objective (db, fldb, mdb, softdqn)");
    }
    LocalSearchSettings ls = TrainSetup.localSearch(config); // checked before anything is allocated
    if (ls != null) {
      LocalSearch.requireAcyclic(env);
    }
    PolicyMetrics.check(config, objective);
    // A learned reward changes every iteration: no enumeration would stay the target.
    this.space = learner != null ? null
        : Profile.time("evaluation setup", () -> Evaluator.enumerate(env, config.getInt(TrainKey.ENUM_MAX_STATES)));
    int threads = config.getInt(TrainKey.THREADS);
    long seed = config.getLong(TrainKey.SEED);
    PolicySpec spec = PolicyFactory.spec(config, env);
    this.policy = resumed != null ? resumed
        : PolicyTrainer.create(spec, PolicyFactory.optimizer(config, objective.usesLogZ()), seed,
            TrainSetup.onnxThreads(config), TrainSetup.trainsFromActivations(config, spec, env));
    this.target = objective.usesTargetNetwork() ? policy.newTargetNetwork() : null;
    this.backwardPolicy = backward.separateNetwork() ? new BackwardPolicyTrainer(new BackwardPolicyTrainer.Settings(
        backward, config.getDouble(TrainKey.PB_LR), config.getDouble(TrainKey.PB_LR_DECAY),
        config.getDouble(TrainKey.PB_TAU), config.getInt(TrainKey.PB_RECENT_BATCHES)), PolicyFactory.spec(config, env),
        env, config.getInt(TrainKey.BATCH), seed, threads) : null;
    if (NativeLibrary.numThreads() != threads) {
      NativeLibrary.setNumThreads(threads);
    }
    this.nativeForward = config.getBoolean(TrainKey.NATIVE_FORWARD) && policy.spec().kind() == PolicySpec.Kind.MLP
        ? MlpForward.create(policy.spec(), Backend.NATIVE) : null;
    if (nativeForward != null) {
      nativeForward.sync(policy);
    }
    this.online = new NetworkPolicy(nativeForward != null ? nativeForward : policy);
    this.rolloutPolicy = new RowCountingPolicy(online, times, nativeForward != null);
    this.targetPolicy = target == null ? null : new TargetPolicy(target, policy.spec(), nativeForward != null);
    int batch = config.getInt(TrainKey.BATCH);
    this.epsilon = config.getInt(TrainKey.EPS_STEPS) == 0
        ? EpsilonSchedule.constant((float) config.getDouble(TrainKey.EPS_START))
        : EpsilonSchedule.linear((float) config.getDouble(TrainKey.EPS_START),
            (float) config.getDouble(TrainKey.EPS_END), config.getInt(TrainKey.EPS_STEPS));
    this.learningRate = LearningRateSchedule.of(config);
    this.rollout = new ForwardRollout(env, new Sampler(seed), batch);
    this.trees = new TreeTraining(config, env, space, targetPolicy, online, batch, seed);
    this.fusedRollout = trees.rolloutHook() == null && nativeForward != null
        && NativeRollout.supports(env, policy.spec()) ? new NativeRollout(env, new Sampler(seed), batch) : null;
    this.block = Trajectories.forRollouts(env, batch);
    this.heads = HeadBlock.like(block);
    this.grads = HeadBlock.like(block);
    this.targetHeads = target == null ? null : HeadBlock.like(block);
    this.policyStep = new PolicyStep(policy, objective.usesLogZ(), nativeForward, times, env, block.slots() * batch,
        fusedRollout != null);
    this.replay = TransitionReplay.create(config, env, target != null, backwardPolicy != null);
    this.backwardHeads = backwardPolicy != null ? HeadBlock.like(block) : null;
    this.localSearch = ls == null ? null
        : new LocalSearch(env, ls, batch, backward == BackwardChoice.UNIFORM
            || !objective.learnsBackwardPolicy() && !backward.separateNetwork(), seed);
    this.onlineBuffers = new UpdateBuffers(grads, targetHeads, backwardHeads, true, false);
    this.replayBuffers = replay == null ? null : new UpdateBuffers(replay.grads, replay.targetHeads,
        replay.backwardHeads, false, replay.prioritized != null);
    this.lsBuffers = ls == null ? null : new UpdateBuffers(HeadBlock.like(localSearch.block()),
        target == null ? null : HeadBlock.like(localSearch.block()),
        backwardPolicy == null ? null : HeadBlock.like(localSearch.block()), false, false);
    this.delta = FloatTensor.allocate(Math.max(Math.max(block.slots() * batch, 2 * config.getInt(TrainKey.REPLAY_BATCH)),
        ls == null ? 0 : localSearch.block().slots() * localSearch.block().batch()));
    this.trackers = new TrainingTrackers(env, space, config.getInt(TrainKey.METRIC_BUFFER));
    this.metrics = new PolicyMetrics(config, env, space, objective, policy,
        !objective.learnsBackwardPolicy() || backwardPolicy != null);
    this.step = step;
  }

  /** A fresh run of {@code config} on the native environment its {@code env} setting names. */
  public static Trainer start(TrainConfig config, Path dataDir) {
    return new Trainer(config, TrainSetup.environment(config, dataDir), null, 0);
  }

  /**
   * A fresh run of {@code config} on {@code env}, any environment (a user's own, or one with its
   * reward replaced); the config's {@code env} setting is then only a label.
   */
  public static Trainer start(TrainConfig config, Environment env) {
    return new Trainer(config, env, null, 0);
  }

  /** Continues a run whose policy checkpoint was saved after {@code step} iterations. */
  static Trainer resume(TrainConfig config, Path dataDir, Path checkpoint, long step) {
    Environment env = TrainSetup.environment(config, dataDir);
    PolicyTrainer p = PolicyTrainer.resume(checkpoint, TrainSetup.onnxThreads(config),
        TrainSetup.trainsFromActivations(config, PolicyFactory.spec(config, env), env));
    try {
      return new Trainer(config, env, p, step);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  public long step() {
    return step;
  }

  public TrainConfig config() {
    return config;
  }

  public StepTimes times() {
    return times;
  }

  /** The architecture of the trained policy. */
  public PolicySpec policySpec() {
    return policy.spec();
  }

  /**
   * One training iteration: a rollout with the current policy, then one update on it (on-policy)
   * or, with replay, on a batch drawn from the buffer once it holds replay_min transitions.
   * Returns the loss (NaN for an iteration that only collected).
   */
  public double iterate() {
    ensureOpen();
    if (!learningRate.isConstant()) {
      policy.setLearningRate(learningRate.at(step));
    }
    float eps = epsilon.at(step);
    ForwardRollout.Exploration exploration =
        new ForwardRollout.Exploration(eps, (float) config.getDouble(TrainKey.TEMPERATURE), step);
    int used = fusedRollout != null ? fusedRollout.run(block, heads, nativeForward, exploration, times, policyStep.keep())
        : rollout.run(block, heads, rolloutPolicy, exploration, times, trees.rolloutHook());
    Trajectories prefix = block.prefix(used);
    times.transitions += BlockStats.realTransitions(prefix);
    if (fusedRollout != null) {
      times.forwardRows += used * (long) block.batch() - prefix.pad.countNonZero(); // rows of padding steps are skipped
    }
    if (objective.needsWholeTrajectories() && BlockStats.anyTruncated(block)) {
      throw new IllegalStateException(env.spec() + " truncated a trajectory, which " + objective.name()
          + " cannot train on");
    }
    if (learner != null) {
      long t0 = System.nanoTime();
      learner.beforeUpdate(online, step);
      times.rewardModelNanos += System.nanoTime() - t0;
    }
    java.util.SplittableRandom pbRng = new java.util.SplittableRandom(config.getLong(TrainKey.SEED) * 37 + step);
    boolean pbFirst = config.getBoolean(TrainKey.PB_FIRST);
    if (backwardPolicy != null && pbFirst) {
      backwardPolicy.fit(block, used, pbRng);
    }
    double loss = Double.NaN;
    if (localSearch != null) {
      int n = localSearch.collect(block, used,
          backwardPolicy == null ? rolloutPolicy : backwardPolicy.withTargetBackward(rolloutPolicy), step);
      loss = update(localSearch.block().prefix(n), localSearch.heads(), n, lsBuffers);
    } else if (replay == null) {
      loss = update(prefix, heads, used, onlineBuffers);
    } else {
      java.util.SplittableRandom rng = new java.util.SplittableRandom(config.getLong(TrainKey.SEED) * 31 + step);
      replay.add(prefix, used);
      if (replay.ready()) {
        replay.draw(rng, step);
        long t0 = System.nanoTime();
        HeadBlock rh = replay.heads;
        online.evaluate(replay.block.obsRows(), rh.forwardLogits(0, 2), rh.backwardLogits(0, 2), rh.logFlow(0, 2));
        times.policyNanos += System.nanoTime() - t0;
        times.forwardRows += replay.block.obsRows().dim(0);
        loss = update(replay.block, rh, 2, replayBuffers);
      }
    }
    if (backwardPolicy != null) {
      if (!pbFirst) {
        backwardPolicy.fit(block, used, pbRng);
      }
      backwardPolicy.updateTarget();
    }
    if (learner != null) { // the batch was rolled out and scored before any update of this iteration
      long t0 = System.nanoTime();
      learner.afterUpdate(block, heads, used, step);
      times.rewardModelNanos += System.nanoTime() - t0;
    }
    step++;
    if (target != null && step % config.getInt(TrainKey.TARGET_EVERY) == 0) {
      targetPolicy.update(policy, config.getDouble(TrainKey.TARGET_TAU));
    }
    times.iterations++;
    trackers.record(block.states(used - 1), block.truncated, BlockStats.finalLogRewards(prefix, used), loss);
    return loss;
  }

  /** Objective, upstream gradients, ONNX Runtime train step and optimizer step on one block. */
  private double update(Trajectories b, HeadBlock h, int used, UpdateBuffers buffers) {
    if (trees.regresses() && buffers == onlineBuffers) {
      long t0 = System.nanoTime();
      double loss = trees.regressionLoss(b, used, h, grads);
      times.objectiveNanos += System.nanoTime() - t0;
      policyStep.run(b, ObjectiveGrads.of(grads.forwardLogits(0, used), grads.backwardLogits(0, used),
          grads.logFlow(0, used)), used, true, true);
      return loss;
    }
    long t0 = System.nanoTime();
    ObjectiveInputs.Builder in = ObjectiveInputs.builder(b)
        .forwardLogits(h.forwardLogits(0, used))
        .backwardLogits(h.backwardLogits(0, used))
        .logFlow(h.logFlow(0, used))
        .logZ(objective.usesLogZ() ? policy.logZ().value() : 0.0);
    Tensor<?> obs = b.obsRows();
    HeadBlock tgt = buffers.target();
    if (target != null) {
      t0 += targetPolicy.evaluateBlock(b, tgt, used, times); // a forward pass, not objective work
      in.targetForwardLogits(tgt.forwardLogits(0, used))
          .targetBackwardLogits(tgt.backwardLogits(0, used))
          .targetLogFlow(tgt.logFlow(0, used));
      if (buffers == onlineBuffers) {
        trees.bootstrap(tgt.logFlow(0, used), used);
      }
    }
    if (backwardPolicy != null) { // the forward loss reads PB̄, as a constant
      HeadBlock pb = buffers.backward();
      long tf = System.nanoTime();
      backwardPolicy.targetBackwardLogits(obs, pb.backwardLogits(0, used), pb.forwardLogits(0, used),
          pb.logFlow(0, used));
      times.policyNanos += System.nanoTime() - tf;
      t0 += System.nanoTime() - tf;
      in.backwardLogits(pb.backwardLogits(0, used)).targetBackwardLogits(pb.backwardLogits(0, used));
    }
    if (firstEdgeRows != null) { // a non-uniform source: each row's drawn start has its own fixed log PF
      in.firstEdgeLogPF(firstEdgeRows.of(b, used));
    }
    if (deltaScore != null) {
      in.deltaScore(DeltaScores.compute(deltaScore, b, delta.view(0, used, b.batch())));
    }
    HeadBlock gh = buffers.grads();
    ObjectiveGrads g = ObjectiveGrads.of(gh.forwardLogits(0, used), gh.backwardLogits(0, used), gh.logFlow(0, used));
    boolean prioritizedBatch = buffers.prioritized();
    if (prioritizedBatch) {
      in.weights(replay.weights);
      g.withTdErrors(replay.residuals);
    }
    double loss = objective.loss(in.build(), g);
    if (backwardPolicy != null) {
      g.dBackwardLogits().fill(0f); // PB̄ is not the forward network's head
    }
    if (prioritizedBatch) {
      replay.prioritized.updatePriorities(replay.residuals);
    }
    long t1 = System.nanoTime();
    times.objectiveNanos += t1 - t0;
    // Only the rollout's own block has the activations the rollout kept (not replayed or searched blocks).
    policyStep.run(b, g, used, buffers.compact(), buffers == onlineBuffers && localSearch == null);
    return loss;
  }

  /** Metrics of the current policy and the training trackers, gfnx names. */
  public Map<String, Double> evaluate() {
    ensureOpen();
    Map<String, Double> out = new LinkedHashMap<>();
    out.putAll(trackers.report());
    out.putAll(metrics.evaluate(online, nativeForward));
    if (learner != null) {
      out.putAll(learner.metrics());
    }
    out.putAll(trees.evaluate(online, step));
    out.put("epsilon", (double) epsilon.at(step));
    out.put("lr", policy.learningRate());
    if (localSearch != null) {
      out.put("ls_acceptance", localSearch.takeAcceptanceRate());
    }
    return out;
  }

  /** The exact terminal distribution of the current policy (null when not enumerable). */
  public double[] exactDistribution() {
    return metrics.evaluator.exactDistribution(online);
  }

  @Override
  protected String describe() {
    return "trainer of " + env.spec();
  }

  /** Releases every buffer, session and network of the run (the policy's session last). */
  @Override
  protected void free() {
    AutoCloseable[] owned = {metrics, firstEdgeRows, learner, rollout, fusedRollout, block, heads, grads, targetHeads,
        backwardPolicy, backwardHeads, replay, trees, localSearch, lsBuffers == null ? null : lsBuffers.grads(),
        lsBuffers == null ? null : lsBuffers.target(), lsBuffers == null ? null : lsBuffers.backward(), targetPolicy,
        delta, policyStep, target, nativeForward, policy};
    for (AutoCloseable c : owned) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
