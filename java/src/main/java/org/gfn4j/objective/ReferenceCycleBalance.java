package org.gfn4j.objective;

/** Java reference of native/src/objective/cycle_balance.cpp: ndb, ndb_flow and sdb per trajectory. */
final class ReferenceCycleBalance {
  private ReferenceCycleBalance() {}

  /** out[0] += loss contribution, out[1] += dLogZ contribution (first edges). */
  static void transitions(ObjectiveKind kind, ObjectiveArrays a, ObjectiveParams p, int b, double scale,
      double[] out, ReferenceObjectives.Upstream up) {
    CycleSettings c = p.cycle;
    double[] lpf = new double[a.slots];
    double[] lpb = new double[a.slots];
    ReferenceObjectives.transitionLogProbs(a, p.uniformBackward, b, lpf, lpb);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b)) {
        continue;
      }
      int here = a.cell(t, b);
      int next = a.cell(t + 1, b);
      boolean done = a.done(t, b);
      boolean first = !done && c.returnAction() >= 0 && a.backwardActions[here] == c.returnAction();
      double firstPF = a.firstEdgeLogPF != null ? a.firstEdgeLogPF[b] : c.firstEdgeLogPF();
      double src = first ? a.logZ + firstPF : a.logFlow[here] + lpf[t];
      double dst = (done ? a.logReward[here] : a.logFlow[next]) + lpb[t];
      int regCell = first ? next : here;
      double fReg = Math.exp(a.logFlow[regCell]);
      double value = c.reg() * fReg;
      double dReg = c.reg() * fReg;
      double dSrc;
      double dDst;
      if (kind == ObjectiveKind.NDB) {
        double err = src - dst;
        up.td[t] = err;
        value += err * err;
        dSrc = 2 * err;
        dDst = -2 * err;
      } else if (kind == ObjectiveKind.NDB_FLOW) {
        double diff = Math.exp(src) - Math.exp(dst);
        up.td[t] = diff;
        value += diff * diff;
        dSrc = 2 * diff * Math.exp(src);
        dDst = -2 * diff * Math.exp(dst);
      } else {
        double x = c.logScale() ? src - dst : Math.exp(src) - Math.exp(dst);
        up.td[t] = x;
        double u = c.eps() * Math.pow(Math.abs(x), c.alpha());
        double weight = Math.pow(1 + c.eta() * fReg, c.beta());
        value += Math.log1p(u) * weight;
        double slope = x == 0 ? 0 : c.alpha() * Math.pow(Math.abs(x), c.alpha() - 1) * Math.signum(x);
        double dx = weight * c.eps() * slope / (1 + u);
        dSrc = c.logScale() ? dx : dx * Math.exp(src);
        dDst = c.logScale() ? -dx : -dx * Math.exp(dst);
        dReg += Math.log1p(u) * c.beta() * Math.pow(1 + c.eta() * fReg, c.beta() - 1) * c.eta() * fReg;
      }
      double w = scale * up.weight[t];
      out[0] += w * value;
      if (first) {
        out[1] += w * dSrc;
      } else {
        up.flow[t] += w * dSrc;
        up.pf[t] += w * dSrc;
      }
      up.pb[t] += w * dDst;
      if (!done) {
        up.flow[t + 1] += w * dDst;
      }
      up.flow[first ? t + 1 : t] += w * dReg;
    }
  }
}
