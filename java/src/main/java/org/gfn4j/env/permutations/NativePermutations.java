package org.gfn4j.env.permutations;

import static org.gfn4j.internal.cpu.PermutationKernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The permutation environment over the C++ kernels of native/src/env/permutations.cpp: one JNI call per batch. */
public final class NativePermutations extends Permutations {
  public NativePermutations(PermutationsConfig config) {
    this(config, null, 0.0);
  }

  public NativePermutations(PermutationsConfig config, RewardModule reward) {
    this(config, reward, 0.0);
  }

  /** {@code sourceTilt} β ≠ 0: the first edge draws from L(σ) ∝ exp(β·#fixed points) ({@code source=fixed:β}). */
  public NativePermutations(PermutationsConfig config, RewardModule reward, double sourceTilt) {
    super(config, reward, builtInReward(config), sourceTilt);
    NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativePermutations copyWith(RewardModule replacement) {
    return new NativePermutations(config, replacement, sourceTilt);
  }

  /** #fixed points / t through the native kernel, one call per batch of objects. */
  static RewardModule builtInReward(PermutationsConfig config) {
    int n = config.n();
    return (cells, count) -> {
      try (IntTensor c = IntTensor.of(cells, count, n); DoubleTensor out = DoubleTensor.allocate(count)) {
        NativeStatus.check(permutations_log_reward(n, config.t(), count, c.pointer(), out.pointer()),
            "permutations_log_reward");
        return out.toArray();
      }
    };
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(permutations_reset(n, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        s.pad().pointer()), "permutations_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(permutations_step(n, config.t(), s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        actions.pointer(), next.cells().pointer(), next.terminal().pointer(), next.pad().pointer(),
        logReward.pointer()), "permutations_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(permutations_backward_step(n, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        actions.pointer(), prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(),
        done.pointer()), "permutations_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(permutations_forward_mask(n, s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "permutations_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(permutations_backward_mask(n, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        invalid.pointer()), "permutations_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(permutations_observe(n, s.batchSize(), s.cells().pointer(), ((FloatTensor) obs).pointer()),
        "permutations_observe");
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    NativeStatus.check(permutations_backward_actions(n, s.batchSize(), s.cells().pointer(), actions.pointer(),
        out.pointer()), "permutations_backward_actions");
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    NativeStatus.check(permutations_forward_actions(n, s.batchSize(), s.terminal().pointer(),
        backwardActions.pointer(), out.pointer()), "permutations_forward_actions");
  }
}
