package org.gfn4j.env.dag;

import static org.gfn4j.internal.cpu.DagKernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** The DAG environment over the C++ kernels of native/src/env/dag.cpp: one JNI call per batch. */
public final class NativeDag extends Dag {
  public NativeDag(DagConfig config) {
    this(config, new CachedScore(config.score()), null);
  }

  NativeDag(DagConfig config, CachedScore score, RewardModule reward) {
    super(config, score, reward);
    NativeLibrary.ensureLoaded();
  }

  @Override
  protected NativeDag copyWith(RewardModule replacement) {
    return new NativeDag(config, score, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(dag_reset(d, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), s.pad().pointer()),
        "dag_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(
        dag_step(d, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
            next.cells().pointer(), next.terminal().pointer(), next.pad().pointer()),
        "dag_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(
        dag_backward_step(d, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), actions.pointer(),
            prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(), done.pointer()),
        "dag_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(dag_forward_mask(d, s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "dag_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(
        dag_backward_mask(d, s.batchSize(), s.cells().pointer(), s.terminal().pointer(), invalid.pointer()),
        "dag_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(dag_observe(d, s.batchSize(), s.cells().pointer(), ((FloatTensor) obs).pointer()),
        "dag_observe");
  }
}
