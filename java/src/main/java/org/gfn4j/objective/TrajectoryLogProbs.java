package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.ObjectiveKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;

/**
 * Per-transition log PF_t, log PB_t [T1, B] (0 on padding transitions) and per-trajectory sums
 * sum log PF, sum log PB and log R [B] of a block under the heads of {@code in}: the quantities
 * of ELBO, EUBO and the log P̂(x) estimate. With {@code uniformBackward} the backward logits are
 * taken as zeros. Any output may be null.
 */
public final class TrajectoryLogProbs {
  private final Backend backend;
  private final boolean uniformBackward;

  public TrajectoryLogProbs(boolean uniformBackward, Backend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    this.backend = backend;
    this.uniformBackward = uniformBackward;
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
  }

  public void compute(ObjectiveInputs in, FloatTensor logPF, FloatTensor logPB, DoubleTensor sumLogPF,
      DoubleTensor sumLogPB, DoubleTensor logR) {
    long cells = (long) in.slots * in.batch;
    check(logPF, "logPF", cells);
    check(logPB, "logPB", cells);
    check(sumLogPF, "sumLogPF", in.batch);
    check(sumLogPB, "sumLogPB", in.batch);
    check(logR, "logR", in.batch);
    if (!uniformBackward && in.backwardLogits == null) {
      throw new IllegalArgumentException("a learned backward policy needs backwardLogits");
    }
    if (backend == Backend.JAVA) {
      computeJava(in, logPF, logPB, sumLogPF, sumLogPB, logR);
      return;
    }
    try (NativeResource.Lease lease = NativeObjectiveKernel.leaseAll(in.actions, in.backwardActions,
        in.forwardMask, in.backwardMask, in.pad, in.logReward, in.forwardLogits, in.backwardLogits, logPF, logPB,
        sumLogPF, sumLogPB, logR)) {
      NativeStatus.check(ObjectiveKernels.trajectory_log_probs(in.slots, in.batch, in.numActions,
          in.numBackwardActions, in.actions.pointer(), in.backwardActions.pointer(), in.forwardMask.pointer(),
          in.backwardMask.pointer(), in.pad.pointer(), in.logReward.pointer(), in.forwardLogits.pointer(),
          NativeObjectiveKernel.ptr(in.backwardLogits), uniformBackward ? 1 : 0, NativeObjectiveKernel.ptr(logPF),
          NativeObjectiveKernel.ptr(logPB), NativeObjectiveKernel.ptr(sumLogPF), NativeObjectiveKernel.ptr(sumLogPB),
          NativeObjectiveKernel.ptr(logR)), "trajectory_log_probs");
    }
  }

  private static void check(org.gfn4j.tensor.Tensor<?> t, String name, long n) {
    if (t != null) {
      t.requireSize(name, n);
    }
  }

  private void computeJava(ObjectiveInputs in, FloatTensor logPF, FloatTensor logPB, DoubleTensor sumLogPF,
      DoubleTensor sumLogPB, DoubleTensor logR) {
    ObjectiveArrays a = ObjectiveArrays.from(in);
    a.checkActions(ObjectiveKind.TB, new ObjectiveParams(1.0, 1.0, 0, uniformBackward));
    double[] pf = new double[a.slots];
    double[] pb = new double[a.slots];
    for (int b = 0; b < a.batch; b++) {
      ReferenceObjectives.transitionLogProbs(a, uniformBackward, b, pf, pb);
      double spf = 0.0;
      double spb = 0.0;
      double lr = 0.0;
      for (int t = 0; t < a.slots; t++) {
        if (logPF != null) {
          logPF.set(a.cell(t, b), (float) pf[t]);
        }
        if (logPB != null) {
          logPB.set(a.cell(t, b), (float) pb[t]);
        }
        spf += pf[t];
        spb += pb[t];
        if (a.real(t, b)) {
          lr += a.logReward[a.cell(t, b)];
        }
      }
      if (sumLogPF != null) {
        sumLogPF.set(b, spf);
      }
      if (sumLogPB != null) {
        sumLogPB.set(b, spb);
      }
      if (logR != null) {
        logR.set(b, lr);
      }
    }
  }
}
