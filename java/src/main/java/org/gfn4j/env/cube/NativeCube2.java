package org.gfn4j.env.cube;

import static org.gfn4j.internal.cpu.Cube2Kernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The 2×2×2 cube over the C++ kernels of native/src/env/cube2.cpp: one JNI call per batch. */
public final class NativeCube2 extends Cube2 {
  public NativeCube2(Cube2Config config) {
    this(config, null);
  }

  public NativeCube2(Cube2Config config, RewardModule reward) {
    super(config, reward, uniformReward());
    NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativeCube2 copyWith(RewardModule replacement) {
    return new NativeCube2(config, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(cube2_reset(s.batchSize(), s.cells().pointer(), s.terminal().pointer(), s.pad().pointer()),
        "cube2_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(cube2_step(s.batchSize(), s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
        next.cells().pointer(), next.terminal().pointer(), next.pad().pointer(), logReward.pointer()), "cube2_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(cube2_backward_step(s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        actions.pointer(), prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(), done.pointer()),
        "cube2_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(cube2_forward_mask(s.batchSize(), s.cells().pointer(), invalid.pointer()), "cube2_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(cube2_backward_mask(s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        invalid.pointer()), "cube2_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(cube2_observe(s.batchSize(), s.cells().pointer(), ((FloatTensor) obs).pointer()),
        "cube2_observe");
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    NativeStatus.check(cube2_backward_actions(s.batchSize(), s.cells().pointer(), actions.pointer(), out.pointer()),
        "cube2_backward_actions");
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    NativeStatus.check(cube2_forward_actions(s.batchSize(), s.terminal().pointer(), backwardActions.pointer(),
        out.pointer()), "cube2_forward_actions");
  }
}
