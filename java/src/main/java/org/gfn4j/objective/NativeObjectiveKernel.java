package org.gfn4j.objective;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.gfn4j.internal.cpu.ObjectiveKernels;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.Tensor;

/** Calls native/src/objective through JNI: one call per block, every tensor leased for its duration. */
final class NativeObjectiveKernel {
  /** Two doubles per thread for the loss and dLogZ, so a call allocates no native memory. */
  private static final ThreadLocal<DoublePointer> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer(2));

  private NativeObjectiveKernel() {}

  static double loss(ObjectiveKind kind, ObjectiveParams p, ObjectiveInputs in, ObjectiveGrads g) {
    DoublePointer scratch = SCRATCH.get();
    scratch.put(0, 0.0).put(1, 0.0);
    try (NativeResource.Lease lease = leaseAll(in.actions, in.backwardActions, in.forwardMask, in.backwardMask,
        in.terminal, in.pad, in.logReward, in.forwardLogits, in.backwardLogits, in.logFlow,
        in.targetForwardLogits, in.targetBackwardLogits, in.targetLogFlow, in.deltaScore, in.weights,
        in.firstEdgeLogPF,
        g.dForwardLogits(), g.dBackwardLogits(), g.dLogFlow(), g.tdErrors())) {
      if (kind.forCycles()) {
        CycleSettings c = p.cycle;
        int status = ObjectiveKernels.cycle_objective_loss(kind.id, in.slots, in.batch, in.numActions,
            in.numBackwardActions, in.actions.pointer(), in.backwardActions.pointer(), in.forwardMask.pointer(),
            in.backwardMask.pointer(), in.terminal.pointer(), in.pad.pointer(), in.logReward.pointer(),
            in.forwardLogits.pointer(), ptr(in.backwardLogits), ptr(in.logFlow), in.logZ, ptr(in.weights),
            c.firstEdgeLogPF(), ptr(in.firstEdgeLogPF), c.returnAction(), c.reg(), c.alpha(), c.beta(), c.eps(), c.eta(),
            c.logScale() ? 1 : 0, p.uniformBackward ? 1 : 0, scratch, ptr(g.dForwardLogits()),
            ptr(g.dBackwardLogits()), ptr(g.dLogFlow()), scratch.getPointer(1), ptr(g.tdErrors()));
        NativeStatus.check(status, "cycle_objective_loss(" + kind.factoryName + ")");
        g.setDLogZ(scratch.get(1));
        return scratch.get(0);
      }
      Munchausen m = p.munchausen;
      int status = ObjectiveKernels.objective_loss(kind.id, in.slots, in.batch, in.numActions,
          in.numBackwardActions, in.actions.pointer(), in.backwardActions.pointer(), in.forwardMask.pointer(),
          in.backwardMask.pointer(), in.terminal.pointer(), in.pad.pointer(), in.logReward.pointer(),
          in.forwardLogits.pointer(), ptr(in.backwardLogits), ptr(in.logFlow), in.logZ,
          ptr(in.targetForwardLogits), ptr(in.targetBackwardLogits), ptr(in.targetLogFlow), ptr(in.deltaScore),
          ptr(in.weights), p.lambda, p.leafCoeff, p.stopAction, p.uniformBackward ? 1 : 0, m.alpha(), m.l0(),
          m.lambda(), m.doubleDqn() ? 1 : 0, scratch, ptr(g.dForwardLogits()), ptr(g.dBackwardLogits()),
          ptr(g.dLogFlow()), scratch.getPointer(1), ptr(g.tdErrors()));
      NativeStatus.check(status, "objective_loss(" + kind.factoryName + ")");
    }
    g.setDLogZ(scratch.get(1));
    return scratch.get(0);
  }

  static <P extends Pointer> P ptr(Tensor<P> t) {
    return t == null ? null : t.pointer();
  }

  static NativeResource.Lease leaseAll(NativeResource... resources) {
    List<NativeResource> present = new ArrayList<>(resources.length);
    for (NativeResource r : resources) {
      if (r != null) {
        present.add(r);
      }
    }
    return NativeResource.lease(present.toArray(new NativeResource[0]));
  }
}
