package org.gfn4j.env.phylo;

import static org.gfn4j.internal.cpu.PhyloKernels.*;

import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The phylogenetic-tree environment over the C++ kernels of native/src/env/phylo.cpp: one JNI call
 * per batch. The leaves' Fitch rows live in one native table shared by the environment's copies.
 */
public final class NativePhylo extends Phylo {
  private final IntTensor leaves;

  NativePhylo(EnvSpec spec, PhyloData data, double c) {
    super(spec, data, c, null);
    org.gfn4j.runtime.NativeLibrary.ensureLoaded();
    leaves = IntTensor.of(layout.leafSets, layout.n, layout.packed);
  }

  private NativePhylo(NativePhylo base, RewardModule reward) {
    super(base.spec, base.data, base.c, base.layout, reward);
    leaves = base.leaves;
  }

  @Override
  protected NativePhylo copyWith(RewardModule replacement) {
    return new NativePhylo(this, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(phylo_reset(layout.n, layout.packed, s.batchSize(), s.cells().pointer(),
        s.terminal().pointer(), s.pad().pointer()), "phylo_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(phylo_step(layout.n, layout.packed, s.batchSize(), leaves.pointer(), s.cells().pointer(),
        s.terminal().pointer(), actions.pointer(), next.cells().pointer(), next.terminal().pointer(),
        next.pad().pointer()), "phylo_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(phylo_backward_step(layout.n, layout.packed, s.batchSize(), leaves.pointer(),
        s.cells().pointer(), s.terminal().pointer(), actions.pointer(), prev.cells().pointer(),
        prev.terminal().pointer(), prev.pad().pointer(), done.pointer()), "phylo_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(phylo_forward_mask(layout.n, layout.packed, s.batchSize(), s.cells().pointer(),
        invalid.pointer()), "phylo_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(phylo_backward_mask(layout.n, layout.packed, s.batchSize(), s.cells().pointer(),
        invalid.pointer()), "phylo_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    NativeStatus.check(phylo_observe(layout.n, layout.packed, layout.sites, s.batchSize(), leaves.pointer(),
        s.cells().pointer(), ((FloatTensor) obs).pointer()), "phylo_observe");
  }
}
