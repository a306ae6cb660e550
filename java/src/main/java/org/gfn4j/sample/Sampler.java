package org.gfn4j.sample;

import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.SamplerKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Masked categorical sampling of one action per row with gfnx's exploration: per row, with
 * probability epsilon the logits are replaced by zeros (uniform over valid actions), otherwise
 * softmax(logits / temperature) over the valid actions is sampled. Randomness is Philox keyed by
 * (seed, step, slot, row) (see {@link Philox}), so a seed reproduces a run and both backends
 * return identical actions. {@code slot} separates independent uses within one step (forward
 * rollout time slot, backward rollouts, ...).
 *
 * <p>{@code logProb} receives log PF of the sampled action under the policy itself: the masked
 * log_softmax of the raw logits, temperature 1, no exploration — the quantity the objectives and
 * ELBO use, not the probability of the behaviour policy. A row whose actions are all invalid
 * (padding) gets action 0 and logProb 0.
 */
public final class Sampler {
  private final long seed;
  private final Backend backend;

  public Sampler(long seed) {
    this(seed, Backend.NATIVE);
  }

  public Sampler(long seed, Backend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    this.seed = seed;
    this.backend = backend;
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
  }

  public long seed() {
    return seed;
  }

  public Backend backend() {
    return backend;
  }

  /**
   * Samples {@code actions} [B] from {@code logits} [B, A] under {@code invalid} [B, A]
   * (1 = forbidden); {@code logProb} [B] may be null. Throws IllegalArgumentException for
   * mismatched shapes, epsilon outside [0, 1], a non-positive or infinite temperature, a negative
   * slot, or a row whose valid logits contain NaN or +inf or are all -inf (nothing is written).
   */
  public void sample(FloatTensor logits, ByteTensor invalid, float epsilon, float temperature, long step,
      int slot, IntTensor actions, FloatTensor logProb) {
    if (logits.rank() != 2) {
      throw new IllegalArgumentException("logits must be [B, A], got " + logits);
    }
    int batch = (int) logits.dim(0);
    int numActions = (int) logits.dim(1);
    if (numActions < 1) {
      throw new IllegalArgumentException("logits need at least one action, got " + logits);
    }
    invalid.requireShape("invalid mask", batch, numActions);
    actions.requireSize("actions", batch);
    if (logProb != null) {
      logProb.requireSize("logProb", batch);
    }
    if (!(epsilon >= 0f && epsilon <= 1f)) {
      throw new IllegalArgumentException("epsilon must lie in [0, 1], got " + epsilon);
    }
    if (!(temperature > 0f) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
    }
    if (slot < 0) {
      throw new IllegalArgumentException("slot must be non-negative, got " + slot);
    }
    if (backend == Backend.JAVA) {
      JavaSampler.sample(batch, numActions, logits.buffer(), invalid.buffer(), epsilon, temperature, seed, step,
          slot, actions.buffer(), logProb == null ? null : logProb.buffer());
      return;
    }
    try (NativeResource.Lease lease = logProb == null
        ? NativeResource.lease(logits, invalid, actions)
        : NativeResource.lease(logits, invalid, actions, logProb)) {
      NativeStatus.check(
          SamplerKernels.sample_masked(batch, numActions, logits.pointer(), invalid.pointer(), epsilon,
              temperature, seed, step, slot, actions.pointer(), logProb == null ? null : logProb.pointer()),
          "sample_masked");
    }
  }
}
