package org.gfn4j.env.hypergrid;

import static org.gfn4j.internal.cpu.CyclicHypergridKernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The non-acyclic hypergrid over native/src/env/cyclic_hypergrid.cpp: one JNI call per batch. */
public final class NativeCyclicHypergrid extends CyclicHypergrid {
  public NativeCyclicHypergrid(HypergridConfig config) {
    this(config, null, 0.0);
  }

  public NativeCyclicHypergrid(HypergridConfig config, RewardModule reward) {
    this(config, reward, 0.0);
  }

  /** {@code sourceTilt} β ≠ 0: the first edge draws from L(x) ∝ exp(−β·Σx) ({@code source=corner:β}). */
  public NativeCyclicHypergrid(HypergridConfig config, RewardModule reward, double sourceTilt) {
    super(config, reward, NativeHypergrid.builtInReward(config), sourceTilt);
    NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativeCyclicHypergrid copyWith(RewardModule replacement) {
    return new NativeCyclicHypergrid(config, replacement, sourceTilt);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(cyclic_hypergrid_reset(dim, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
        s.pad().pointer()), "cyclic_hypergrid_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(cyclic_hypergrid_step(dim, side, levelLogR[0], levelLogR[1], levelLogR[2], s.batchSize(),
        s.cells().pointer(), s.terminal().pointer(), actions.pointer(), next.cells().pointer(),
        next.terminal().pointer(), next.pad().pointer(), logReward.pointer()), "cyclic_hypergrid_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(cyclic_hypergrid_backward_step(dim, side, s.batchSize(), s.cells().pointer(),
        s.terminal().pointer(), actions.pointer(), prev.cells().pointer(), prev.terminal().pointer(),
        prev.pad().pointer(), done.pointer()), "cyclic_hypergrid_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(cyclic_hypergrid_forward_mask(dim, side, s.batchSize(), s.cells().pointer(),
        invalid.pointer()), "cyclic_hypergrid_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(cyclic_hypergrid_backward_mask(dim, side, s.batchSize(), s.cells().pointer(),
        s.terminal().pointer(), invalid.pointer()), "cyclic_hypergrid_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(cyclic_hypergrid_observe(dim, side, s.batchSize(), s.cells().pointer(),
        ((FloatTensor) obs).pointer()), "cyclic_hypergrid_observe");
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    NativeStatus.check(cyclic_hypergrid_backward_actions(dim, s.batchSize(), s.cells().pointer(),
        actions.pointer(), out.pointer()), "cyclic_hypergrid_backward_actions");
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    NativeStatus.check(cyclic_hypergrid_forward_actions(dim, s.batchSize(), s.terminal().pointer(),
        backwardActions.pointer(), out.pointer()), "cyclic_hypergrid_forward_actions");
  }
}
