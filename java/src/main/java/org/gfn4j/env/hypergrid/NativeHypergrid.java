package org.gfn4j.env.hypergrid;

import static org.gfn4j.internal.cpu.HypergridKernels.*;

import org.gfn4j.runtime.Backend;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The hypergrid over the C++ kernels of native/src/env/hypergrid.cpp: one JNI call per batch. */
public final class NativeHypergrid extends Hypergrid {

  public NativeHypergrid(HypergridConfig config) {
    this(config, null);
  }

  /** The hypergrid with {@code reward} instead of the built-in closed form (null: built-in). */
  public NativeHypergrid(HypergridConfig config, RewardModule reward) {
    super(config, reward, builtInReward(config));
    NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativeHypergrid copyWith(RewardModule replacement) {
    return new NativeHypergrid(config, replacement);
  }

  /** The closed-form reward through the native kernel, one call per batch of objects. */
  static RewardModule builtInReward(HypergridConfig config) {
    double[] levels = config.levelLogRewards();
    int dim = config.dim();
    return (cells, count) -> {
      try (IntTensor c = IntTensor.of(cells, count, dim); DoubleTensor out = DoubleTensor.allocate(count)) {
        NativeStatus.check(
            hypergrid_log_reward(dim, config.side(), levels[0], levels[1], levels[2], count, c.pointer(),
                out.pointer()),
            "hypergrid_log_reward");
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
    NativeStatus.check(
        hypergrid_reset(dim, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), s.pad().pointer()),
        "hypergrid_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(
        hypergrid_step(dim, side, levelLogR[0], levelLogR[1], levelLogR[2], s.batchSize(),
            s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
            next.cells().pointer(), next.terminal().pointer(), next.pad().pointer(), logReward.pointer()),
        "hypergrid_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(
        hypergrid_backward_step(dim, side, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            actions.pointer(), prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(),
            done.pointer()),
        "hypergrid_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(
        hypergrid_forward_mask(dim, side, s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "hypergrid_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(
        hypergrid_backward_mask(dim, side, s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            invalid.pointer()),
        "hypergrid_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(
        hypergrid_observe(dim, side, s.batchSize(), s.cells().pointer(), ((FloatTensor) obs).pointer()),
        "hypergrid_observe");
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    NativeStatus.check(
        hypergrid_backward_actions(dim, s.batchSize(), actions.pointer(), out.pointer()),
        "hypergrid_backward_actions");
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    NativeStatus.check(
        hypergrid_forward_actions(dim, s.batchSize(), s.terminal().pointer(), backwardActions.pointer(),
            out.pointer()),
        "hypergrid_forward_actions");
  }
}
