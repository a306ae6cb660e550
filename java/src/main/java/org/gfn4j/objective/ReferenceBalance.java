package org.gfn4j.objective;

/** Java reference of native/src/objective/balance.cpp: TB, DB and SubTB per trajectory. */
final class ReferenceBalance {
  private ReferenceBalance() {}

  /** out[0] += loss contribution, out[1] += dLogZ contribution. */
  static void tb(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    double[] lpf = new double[a.slots];
    double[] lpb = new double[a.slots];
    ReferenceObjectives.transitionLogProbs(a, p.uniformBackward, b, lpf, lpb);
    double err = a.logZ;
    for (int t = 0; t < a.slots; t++) {
      if (a.real(t, b)) {
        err += lpf[t] - lpb[t] - a.logReward[a.cell(t, b)];
      }
    }
    up.td[0] = err;
    out[0] += scale * err * err;
    double g = 2.0 * scale * err;
    out[1] += g;
    for (int t = 0; t < a.slots; t++) {
      if (a.real(t, b)) {
        up.pf[t] += g;
        up.pb[t] -= g;
      }
    }
  }

  static void db(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    double[] lpf = new double[a.slots];
    double[] lpb = new double[a.slots];
    ReferenceObjectives.transitionLogProbs(a, p.uniformBackward, b, lpf, lpb);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b)) {
        continue;
      }
      boolean done = a.done(t, b);
      double next = done ? a.logReward[a.cell(t, b)] : a.logFlow[a.cell(t + 1, b)];
      double err = a.logFlow[a.cell(t, b)] + lpf[t] - lpb[t] - next;
      double w = scale * up.weight[t];
      up.td[t] = err;
      out[0] += w * 0.5 * err * err;
      double g = w * err;
      up.flow[t] += g;
      up.pf[t] += g;
      up.pb[t] -= g;
      if (!done) {
        up.flow[t + 1] -= g;
      }
    }
  }

  static void subtb(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    int n = a.slots;
    double[] lpf = new double[n];
    double[] lpb = new double[n];
    double[] flow = new double[n];
    double[] prefix = new double[n];
    double[] diff = new double[n + 1];
    double[] pow = new double[n];
    boolean[] learned = new boolean[n];
    ReferenceObjectives.transitionLogProbs(a, p.uniformBackward, b, lpf, lpb);
    flow[0] = a.logFlow[a.cell(0, b)];
    learned[0] = true;
    for (int s = 1; s < n; s++) {
      if (!a.real(s - 1, b)) {
        flow[s] = 0.0;
      } else if (a.done(s - 1, b)) {
        flow[s] = a.logReward[a.cell(s - 1, b)];
      } else {
        flow[s] = a.logFlow[a.cell(s, b)];
        learned[s] = true;
      }
    }
    for (int s = 1; s < n; s++) {
      prefix[s] = prefix[s - 1] + (lpf[s - 1] - lpb[s - 1]);
    }
    pow[0] = 1.0;
    for (int d = 1; d < n; d++) {
      pow[d] = pow[d - 1] * p.lambda;
    }
    double weighted = 0.0;
    double norm = 0.0;
    for (int j = 1; j < n; j++) {
      if (!a.real(j - 1, b)) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        double err = flow[i] + prefix[j] - prefix[i] - flow[j];
        weighted += pow[j - i] * err * err;
        norm += pow[j - i];
      }
    }
    if (norm == 0.0) {
      return;
    }
    out[0] += scale * weighted / norm;
    double c = 2.0 * scale / norm;
    for (int j = 1; j < n; j++) {
      if (!a.real(j - 1, b)) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        double g = c * pow[j - i] * (flow[i] + prefix[j] - prefix[i] - flow[j]);
        if (learned[i]) {
          up.flow[i] += g;
        }
        if (learned[j]) {
          up.flow[j] -= g;
        }
        diff[i] += g;
        diff[j] -= g;
      }
    }
    double run = 0.0;
    for (int t = 0; t + 1 < n; t++) {
      run += diff[t];
      if (a.real(t, b)) {
        up.pf[t] += run;
        up.pb[t] -= run;
      }
    }
  }
}
