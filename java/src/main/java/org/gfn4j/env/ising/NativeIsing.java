package org.gfn4j.env.ising;

import static org.gfn4j.internal.cpu.IsingKernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The Ising environment over the C++ kernels of native/src/env/ising.cpp: one JNI call per batch. */
public final class NativeIsing extends Ising {
  public NativeIsing(IsingConfig config) {
    this(config, null);
  }

  /** With {@code reward} (null: xᵀJx with J = σ·A through the native kernel). */
  public NativeIsing(IsingConfig config, RewardModule reward) {
    super(config, reward, CouplingReward.nativeModule(config.sites(), config.coupling()));
    org.gfn4j.runtime.NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativeIsing copyWith(RewardModule replacement) {
    return new NativeIsing(config, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(ising_reset(sites, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), s.pad().pointer()),
        "ising_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(
        ising_step(sites, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
            next.cells().pointer(), next.terminal().pointer(), next.pad().pointer()),
        "ising_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(
        ising_backward_step(sites, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
            prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(), done.pointer()),
        "ising_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(ising_forward_mask(sites, s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "ising_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(ising_backward_mask(sites, s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "ising_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(ising_observe(sites, s.batchSize(), s.cells().pointer(), ((FloatTensor) obs).pointer()),
        "ising_observe");
  }
}
