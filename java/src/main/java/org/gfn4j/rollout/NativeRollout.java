package org.gfn4j.rollout;

import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.gfn4j.env.Environment;
import org.gfn4j.env.hypergrid.NativeHypergrid;
import org.gfn4j.internal.cpu.RolloutKernels;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.HiddenActivations;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;

/**
 * {@link ForwardRollout} in one native call (gfn4j/rollout.h) for an MLP policy evaluated by
 * {@link MlpForward} on an environment whose kernels the fused loop knows (the native
 * hypergrid): the same kernels in the same order, so the block and heads are the ones
 * ForwardRollout writes with that policy, without a JNI call per kernel and slot.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class NativeRollout implements AutoCloseable {
  private static final int HYPERGRID = 0;

  private final Environment env;
  private final Sampler sampler;
  private final int batch;
  private final IntPointer envInts;
  private final DoublePointer envDoubles;
  private final FloatTensor sampledLogPF;
  private final IntPointer used = new IntPointer(1);
  private final LongPointer policyNanos = new LongPointer(1);
  private final LongPointer keptRows = new LongPointer(1);

  /** True when {@code env} has kernels the fused loop can call and {@code spec} is a policy it can evaluate. */
  public static boolean supports(Environment env, PolicySpec spec) {
    // The fused loop computes the built-in reward with the step kernel; a replaced reward module is not its to call.
    if (!(env instanceof NativeHypergrid h) || !h.rewardIsBuiltIn() || spec.kind() != PolicySpec.Kind.MLP) {
      return false;
    }
    List<HeadSpec> heads = spec.heads();
    return heads.size() == 3 && heads.get(0).units() == env.numActions()
        && heads.get(1).units() == env.numBackwardActions() && heads.get(2).units() == 1
        && spec.inputSize() == env.observationSize();
  }

  /** {@code batch} trajectories per rollout; throws unless {@link #supports} the environment's kind. */
  public NativeRollout(Environment env, Sampler sampler, int batch) {
    if (!(env instanceof NativeHypergrid h) || !h.rewardIsBuiltIn()) {
      throw new IllegalArgumentException("the fused rollout needs the native hypergrid with its own reward, got "
          + env.spec());
    }
    if (sampler.backend() != org.gfn4j.runtime.Backend.NATIVE) {
      throw new IllegalArgumentException("the fused rollout samples natively; got a " + sampler.backend() + " sampler");
    }
    this.env = env;
    this.sampler = sampler;
    this.batch = batch;
    this.envInts = new IntPointer(2).put(new int[] {h.config().dim(), h.config().side()}); // not put(long, int)
    this.envDoubles = new DoublePointer(3).put(h.config().levelLogRewards());
    this.sampledLogPF = FloatTensor.allocate(batch);
  }

  /**
   * As {@link ForwardRollout#run} (truncated trajectories marked the same way), with the policy's
   * forward time reported to {@code timer.policy}.
   */
  public int run(Trajectories block, HeadBlock heads, MlpForward policy, ForwardRollout.Exploration exploration,
      RolloutTimer timer) {
    return run(block, heads, policy, exploration, timer, null);
  }

  /**
   * {@link #run(Trajectories, HeadBlock, MlpForward, ForwardRollout.Exploration, RolloutTimer)}
   * that also keeps, in {@code keep} (null: not kept), the hidden activations of every row the
   * policy evaluated: the block's non-padding rows of its used slots, in block order.
   */
  public int run(Trajectories block, HeadBlock heads, MlpForward policy, ForwardRollout.Exploration exploration,
      RolloutTimer timer, HiddenActivations keep) {
    PolicySpec spec = policy.spec();
    if (block.batch() != batch || heads.slots() != block.slots() || block.slots() < 2 || !supports(env, spec)
        || block.width() != env.stateWidth() || block.obsSize() != env.observationSize()
        || block.numActions() != env.numActions() || block.numBackwardActions() != env.numBackwardActions()
        || heads.forwardLogits.dim(1) != batch || heads.forwardLogits.dim(2) != env.numActions()
        || heads.backwardLogits.dim(2) != env.numBackwardActions()) {
      throw new IllegalArgumentException("rollout buffers or policy do not match the environment: " + block.slots()
          + " slots of " + block.batch() + " trajectories, " + heads.slots() + " head slots, policy " + spec);
    }
    float eps = exploration.epsilon();
    float temperature = exploration.temperature();
    if (!(eps >= 0f && eps <= 1f) || !(temperature > 0f) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("epsilon must lie in [0, 1] and temperature be positive and finite");
    }
    if (!(block.obs instanceof FloatTensor obs)) {
      throw new IllegalArgumentException("the MLP forward reads float features, got " + block.obs);
    }
    FloatTensor packed = policy.packedParameters();
    if (keep != null) {
      policy.requireRoom(keep, (long) block.slots() * batch);
      keep.clear();
    }
    PointerPointer<?> acts = keep == null ? null : policy.actPointers(keep);
    long start = System.nanoTime();
    try (NativeResource.Lease lease = NativeResource.lease(block.cells, block.terminal, block.pad, obs,
        block.forwardMask, block.backwardMask, block.actions, block.backwardActions, block.logReward,
        heads.forwardLogits, heads.backwardLogits, heads.logFlow, packed, sampledLogPF);
        NativeResource.Lease kept = keep == null ? null : keep.lease()) {
      NativeStatus.check(RolloutKernels.rollout_forward_mlp(HYPERGRID, envInts, envDoubles, block.slots(), batch,
          block.width(), block.obsSize(), block.numActions(), block.numBackwardActions(), block.cells.pointer(),
          block.terminal.pointer(), block.pad.pointer(), obs.pointer(), block.forwardMask.pointer(),
          block.backwardMask.pointer(), block.actions.pointer(), block.backwardActions.pointer(),
          block.logReward.pointer(), heads.forwardLogits.pointer(), heads.backwardLogits.pointer(),
          heads.logFlow.pointer(), spec.depth(), spec.width(), spec.activation().ordinal(), packed.pointer(), eps,
          temperature, sampler.seed(), exploration.rngStep(), sampledLogPF.pointer(), used, policyNanos, acts,
          keptRows), "rollout_forward_mlp");
    }
    if (keep != null) {
      keep.setRows((int) keptRows.get());
    }
    ForwardRollout.markTruncated(block);
    long total = System.nanoTime() - start;
    long forward = Math.min(total, policyNanos.get());
    timer.policy(forward);
    timer.env(total - forward);
    return used.get();
  }

  @Override
  public void close() {
    sampledLogPF.close();
    envInts.close();
    envDoubles.close();
    used.close();
    policyNanos.close();
    keptRows.close();
  }
}
