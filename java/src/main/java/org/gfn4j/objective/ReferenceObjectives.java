package org.gfn4j.objective;

/**
 * The Java reference of native/src/objective/objective.cpp in double precision: the same
 * normalisers, per-trajectory upstream coefficients, row-wise log-softmax gradients and the same
 * reduction order (trajectory partial sums added in trajectory order).
 */
final class ReferenceObjectives {
  private ReferenceObjectives() {}

  /** Upstream coefficients of one trajectory (see objective_internal.h). */
  static final class Upstream {
    final double[] pf;
    final double[] pb;
    final double[] flow;
    final double[] pf2;
    final int[] pick2;
    /** Importance weight of each transition (1 without weights) and the residual it reports. */
    final double[] weight;
    final double[] td;

    Upstream(int slots) {
      weight = new double[slots];
      td = new double[slots];
      pf = new double[slots];
      pb = new double[slots];
      flow = new double[slots];
      pf2 = new double[slots];
      pick2 = new int[slots];
      java.util.Arrays.fill(pick2, -1);
    }
  }

  /** Loss of {@code a}; fills the non-null buffers of {@code g} and g.dLogZ. Actions must be checked. */
  static double loss(ObjectiveKind kind, ObjectiveParams p, ObjectiveArrays a, ArrayGrads g) {
    ObjectiveParams q = p;
    double scale = 1.0 / a.batch;
    if (kind != ObjectiveKind.TB && kind != ObjectiveKind.SUBTB) {
      long count = 0;
      for (int b = 0; b < a.batch; b++) {
        for (int t = 0; t + 1 < a.slots; t++) {
          if (a.real(t, b) && !(kind == ObjectiveKind.MDB && a.done(t, b))) {
            count++;
          }
        }
      }
      scale = count > 0 ? 1.0 / count : 0.0;
    }
    double total = 0.0;
    double totalDz = 0.0;
    double[] out = new double[2];
    for (int b = 0; b < a.batch; b++) {
      Upstream up = new Upstream(a.slots);
      for (int t = 0; t < a.slots; t++) {
        up.weight[t] = a.weights == null ? 1.0 : a.weights[a.cell(t, b)];
      }
      // A whole-trajectory loss is weighted by its trajectory's first cell.
      double tscale = scale * up.weight[0];
      out[0] = 0.0;
      out[1] = 0.0;
      switch (kind) {
        case TB: ReferenceBalance.tb(a, q, b, tscale, out, up); break;
        case DB: ReferenceBalance.db(a, q, b, scale, out, up); break;
        case SUBTB: ReferenceBalance.subtb(a, q, b, tscale, out, up); break;
        case FLDB: ReferenceTargetLosses.fldb(a, q, b, scale, out, up); break;
        case MDB: ReferenceTargetLosses.mdb(a, q, b, scale, out, up); break;
        case SOFTDQN: ReferenceTargetLosses.softdqn(a, q, b, scale, out, up); break;
        default: ReferenceCycleBalance.transitions(kind, a, q, b, scale, out, up); break;
      }
      writeRows(a, q, b, up, g);
      if (g.tdErrors != null) {
        for (int t = 0; t < a.slots; t++) {
          g.tdErrors[a.cell(t, b)] = up.td[t];
        }
      }
      total += out[0];
      totalDz += out[1];
    }
    g.dLogZ = totalDz;
    return total;
  }

  /** log PF_t and log PB_t of trajectory b, 0 on padding transitions (either output may be null). */
  static void transitionLogProbs(ObjectiveArrays a, boolean uniformBackward, int b, double[] logPF, double[] logPB) {
    double[] backward = uniformBackward ? null : a.backwardLogits;
    for (int t = 0; t < a.slots; t++) {
      double pf = 0.0;
      double pb = 0.0;
      if (a.real(t, b)) {
        int here = a.cell(t, b);
        if (logPF != null) {
          double lse = LogSoftmax.lse(a.forwardLogits, a.fmask(t, b), a.forwardMask, a.fmask(t, b), a.numActions);
          pf = LogSoftmax.logProb(a.forwardLogits, a.fmask(t, b), lse, a.actions[here]);
        }
        if (logPB != null) {
          int row = a.bmask(t + 1, b);
          double lse = LogSoftmax.lse(backward, row, a.backwardMask, row, a.numBackwardActions);
          pb = LogSoftmax.logProb(backward, row, lse, a.backwardActions[here]);
        }
      }
      if (logPF != null) {
        logPF[t] = pf;
      }
      if (logPB != null) {
        logPB[t] = pb;
      }
    }
  }

  private static void writeRows(ObjectiveArrays a, ObjectiveParams p, int b, Upstream up, ArrayGrads g) {
    int n = a.numActions;
    int nb = a.numBackwardActions;
    for (int s = 0; s < a.slots; s++) {
      int here = a.cell(s, b);
      if (g.dForwardLogits != null) {
        int row = here * n;
        if (a.real(s, b) && (up.pf[s] != 0.0 || up.pf2[s] != 0.0)) {
          double lse = LogSoftmax.lse(a.forwardLogits, row, a.forwardMask, row, n);
          LogSoftmax.writeGrad(a.forwardLogits, row, a.forwardMask, row, n, lse, a.actions[here], up.pf[s],
              up.pick2[s], up.pf2[s], g.dForwardLogits, row);
        } else {
          java.util.Arrays.fill(g.dForwardLogits, row, row + n, 0.0);
        }
      }
      if (g.dBackwardLogits != null) {
        int row = here * nb;
        if (s > 0 && a.real(s - 1, b) && up.pb[s - 1] != 0.0 && !p.uniformBackward && a.backwardLogits != null) {
          double lse = LogSoftmax.lse(a.backwardLogits, row, a.backwardMask, row, nb);
          LogSoftmax.writeGrad(a.backwardLogits, row, a.backwardMask, row, nb, lse,
              a.backwardActions[a.cell(s - 1, b)], up.pb[s - 1], -1, 0.0, g.dBackwardLogits, row);
        } else {
          java.util.Arrays.fill(g.dBackwardLogits, row, row + nb, 0.0);
        }
      }
      if (g.dLogFlow != null) {
        g.dLogFlow[here] = up.flow[s];
      }
    }
  }
}
