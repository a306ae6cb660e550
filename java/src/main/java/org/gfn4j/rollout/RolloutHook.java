package org.gfn4j.rollout;

import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A hook into {@link ForwardRollout} for samplers that look ahead (tree search): it may replace the
 * logits the sampler draws from at each slot, and hears of every environment step, without a
 * copy of the rollout loop.
 */
public interface RolloutHook {
  /** A new batch of trajectories starts from the initial states. */
  void start();

  /**
   * The logits [B, A] the sampler draws slot {@code slot}'s actions from: {@code policyLogits}
   * (the policy's heads, which the objective reads and which must stay untouched) or a buffer of
   * the hook's own.
   */
  FloatTensor logits(int slot, StateBatch states, FloatTensor policyLogits, long rngStep);

  /** The environment stepped the states of slot {@code slot} by {@code actions}. */
  void stepped(int slot, StateBatch states, IntTensor actions);
}
