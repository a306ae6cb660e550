package org.gfn4j.rollout;

import org.gfn4j.env.Environment;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.sample.Sampler;

/**
 * Forward rollouts outside training (evaluation, {@code gfn4j sample}): one {@link NativeRollout}
 * call when the caller has the policy as a native {@link MlpForward} that the fused loop supports
 * on this environment, else {@link ForwardRollout} calling the policy slot by slot. Both draw from
 * the same sampler stream (seed, RNG step, slot, row), so with the same forward they write the
 * same block.
 */
public final class InferenceRollout implements AutoCloseable {
  private final Environment env;
  private final Sampler sampler;
  private final int batch;
  private final ForwardRollout stepwise;
  /** Made on the first fused run: only environments and policies the loop supports need one. */
  private NativeRollout fused;

  /** {@code batch} trajectories per rollout, drawn with {@code sampler}. */
  public InferenceRollout(Environment env, Sampler sampler, int batch) {
    this.env = env;
    this.sampler = sampler;
    this.batch = batch;
    this.stepwise = new ForwardRollout(env, sampler, batch);
  }

  /** Whether {@link #run} with {@code mlp} (null: none) and no hook takes the fused native loop. */
  public boolean fuses(MlpForward mlp) {
    return mlp != null && sampler.backend() == org.gfn4j.runtime.Backend.NATIVE
        && NativeRollout.supports(env, mlp.spec());
  }

  /**
   * As {@link ForwardRollout#run}: {@code mlp} (null: none) must compute what {@code policy}
   * computes; it is used, in one native call, when {@link #fuses} holds and {@code hook} is null.
   */
  public int run(Trajectories block, HeadBlock heads, PolicyFn policy, MlpForward mlp,
      ForwardRollout.Exploration exploration, RolloutHook hook) {
    if (hook == null && fuses(mlp)) {
      if (fused == null) {
        fused = new NativeRollout(env, sampler, batch);
      }
      return fused.run(block, heads, mlp, exploration, RolloutTimer.NONE);
    }
    return stepwise.run(block, heads, policy, exploration, RolloutTimer.NONE, hook);
  }

  /** Releases the scratch buffers; the environment, sampler and policies are not owned. */
  @Override
  public void close() {
    stepwise.close();
    if (fused != null) {
      fused.close();
    }
  }
}
