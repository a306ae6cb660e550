package org.gfn4j.backward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.TargetNetwork;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.ReplayBuffer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * A learned backward policy apart from the forward one (TLM and its pessimistic variant): its own
 * network with the backward head's output layer initialised to zero (PB starts uniform), its own
 * Adam whose learning rate decays by {@code decay} per step (TLM only), and a Polyak target PB̄
 * that the forward objective reads. {@link #fit} makes one likelihood step: TLM on the fresh
 * batch it is given, pessimistic on as many transitions drawn from the most recent
 * {@code recentBatches} batches.
 */
public final class BackwardPolicyTrainer extends NativeResource {
  /** Settings of the backward network. */
  public record Settings(BackwardChoice choice, double lr, double decay, double tau, int recentBatches) {
    public Settings {
      if (!choice.separateNetwork()) {
        throw new IllegalArgumentException("no separate backward network for " + choice);
      }
      if (!(lr > 0) || !(decay > 0 && decay <= 1) || !(tau >= 0 && tau <= 1) || recentBatches < 1) {
        throw new IllegalArgumentException("bad backward-policy settings " + this);
      }
    }
  }

  private final Settings settings;
  private final PolicyTrainer network;
  private final TargetNetwork target;
  private final HeadBlock heads;
  private final HeadBlock upstream;
  private final ReplayBuffer recent;
  private final Trajectories recentBlock;
  private final HeadBlock recentHeads;
  private final HeadBlock recentUpstream;
  private final int[] batchSizes;
  private int batchesSeen;
  private double lr;

  public BackwardPolicyTrainer(Settings settings, PolicySpec spec, Environment env, int batch, long seed, int threads) {
    this.settings = settings;
    this.network = PolicyTrainer.create(spec, OptimizerConfig.adam(settings.lr()), seed + 7, threads);
    this.lr = settings.lr();
    zeroBackwardHead(network, spec);
    this.target = network.newTargetNetwork();
    Trajectories shape = Trajectories.forRollouts(env, batch);
    this.heads = HeadBlock.like(shape);
    this.upstream = HeadBlock.like(shape);
    int maxTransitions = (shape.slots() - 1) * batch;
    shape.close();
    boolean pessimistic = settings.choice() == BackwardChoice.PESSIMISTIC;
    this.recent = pessimistic ? new ReplayBuffer(settings.recentBatches() * maxTransitions, env.stateWidth(),
        env.observationSpec(), env.numActions(), env.numBackwardActions()) : null;
    this.recentBlock = pessimistic ? Trajectories.of(env, 2, maxTransitions) : null;
    this.recentHeads = pessimistic ? HeadBlock.like(recentBlock) : null;
    this.recentUpstream = pessimistic ? HeadBlock.like(recentBlock) : null;
    this.batchSizes = new int[settings.recentBatches()];
  }

  /** Zeroes the weights and bias of the backward head's output layer (Gritsaev et al.'s uniform_init). */
  static void zeroBackwardHead(PolicyTrainer network, PolicySpec spec) {
    List<ParameterSpec> params = NetworkGraph.of(spec).parameters();
    try (FloatTensor flat = FloatTensor.allocate(network.parameterCount())) {
      network.copyParametersTo(flat);
      long offset = 0;
      for (ParameterSpec p : params) {
        if (p.name().startsWith("head." + PolicyKind.BACKWARD + ".")) {
          for (long i = offset; i < offset + p.size(); i++) {
            flat.set(i, 0f);
          }
        }
        offset += p.size();
      }
      network.copyParametersFrom(flat);
    }
  }

  /** One likelihood step on the fresh batch (first {@code used} slots of {@code block}); returns its loss. */
  public double fit(Trajectories block, int used, SplittableRandom rng) {
    ensureOpen();
    if (recent != null) {
      int added = recent.add(block, used);
      batchSizes[batchesSeen++ % batchSizes.length] = added;
      int window = 0;
      for (int n : batchSizes) {
        window += n;
      }
      if (window == 0) {
        return Double.NaN; // no inner transition yet: nothing to fit
      }
      recent.sampleRecent(rng, recentBlock, Math.min(window, recent.size()));
      return step(recentBlock, 2, recentHeads, recentUpstream);
    }
    double loss = step(block.prefix(used), used, heads, upstream);
    lr *= settings.decay();
    network.setLearningRate(lr);
    return loss;
  }

  /** The TLM loss of the current (online) PB on the first {@code used} slots of {@code block}, without a step. */
  public double evaluate(Trajectories block, int used) {
    ensureOpen();
    Trajectories b = block.prefix(used);
    network.forward(b.obsRows(), wrap(heads.forwardLogits(0, used), heads.backwardLogits(0, used),
        heads.logFlow(0, used)));
    return TrajectoryLikelihood.loss(b, used, heads.backwardLogits(0, used), upstream.backwardLogits(0, used));
  }

  private double step(Trajectories b, int used, HeadBlock h, HeadBlock up) {
    Tensor<?> obs = b.obsRows();
    FloatTensor logits = h.backwardLogits(0, used);
    network.forward(obs, wrap(h.forwardLogits(0, used), logits, h.logFlow(0, used)));
    FloatTensor d = up.backwardLogits(0, used);
    double loss = TrajectoryLikelihood.loss(b, used, logits, d);
    FloatTensor dForward = up.forwardLogits(0, used);
    FloatTensor dFlow = up.logFlow(0, used);
    dForward.fill(0f);
    dFlow.fill(0f);
    network.accumulate(obs, wrap(dForward, d, dFlow));
    network.step();
    return loss;
  }

  private static Heads wrap(FloatTensor forward, FloatTensor backward, FloatTensor flow) {
    Map<String, FloatTensor> m = new LinkedHashMap<>();
    m.put(PolicyKind.FORWARD, forward);
    m.put(PolicyKind.BACKWARD, backward);
    m.put(PolicyKind.LOG_FLOW, flow);
    return Heads.wrap(m);
  }

  /** PB̄'s backward logits at {@code obs} (rows of a block) into {@code out}; the other heads go to scratch. */
  public void targetBackwardLogits(Tensor<?> obs, FloatTensor out, FloatTensor scratchForward, FloatTensor scratchFlow) {
    ensureOpen();
    target.forward(obs, wrap(scratchForward, out, scratchFlow));
  }

  /**
   * {@code forward} with its backward logits replaced by PB̄'s: the policy local search walks
   * backwards with when PB is this separate network.
   */
  public org.gfn4j.rollout.PolicyFn withTargetBackward(org.gfn4j.rollout.PolicyFn forward) {
    return (obs, f, b, flow) -> {
      forward.evaluate(obs, f, b, flow);
      try (FloatTensor scratchForward = FloatTensor.allocate(f.dim(0), f.dim(1));
          FloatTensor scratchFlow = FloatTensor.allocate(flow.dim(0), 1)) {
        targetBackwardLogits(obs, b, scratchForward, scratchFlow);
      }
    };
  }

  /** PB̄ ← (1 - tau)·PB̄ + tau·PB, after each forward step. */
  public void updateTarget() {
    ensureOpen();
    target.softUpdate(network, settings.tau());
  }

  /** The current learning rate of the backward network. */
  public double learningRate() {
    return lr;
  }

  PolicyTrainer network() {
    return network;
  }

  @Override
  protected String describe() {
    return settings.choice() + " backward policy";
  }

  @Override
  protected void free() {
    for (AutoCloseable c : new AutoCloseable[] {recentUpstream, recentHeads, recentBlock, recent, upstream, heads,
        target, network}) {
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
