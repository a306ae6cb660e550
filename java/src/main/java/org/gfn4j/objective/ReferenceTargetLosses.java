package org.gfn4j.objective;

/** Java reference of native/src/objective/target_losses.cpp: FL-DB, MDB and soft-DQN (M-DQN) per trajectory. */
final class ReferenceTargetLosses {
  private ReferenceTargetLosses() {}

  private static double[] orOnline(double[] target, double[] online) {
    return target != null ? target : online;
  }

  private static double targetLogPB(ObjectiveArrays a, ObjectiveParams p, int t, int b) {
    double[] logits = p.uniformBackward ? null : orOnline(a.targetBackwardLogits, a.backwardLogits);
    int row = a.bmask(t + 1, b);
    double lse = LogSoftmax.lse(logits, row, a.backwardMask, row, a.numBackwardActions);
    return LogSoftmax.logProb(logits, row, lse, a.backwardActions[a.cell(t, b)]);
  }

  private static double delta(ObjectiveArrays a, int t, int b) {
    return a.deltaScore == null ? 0.0 : a.deltaScore[a.cell(t, b)];
  }

  static void fldb(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    double[] lpf = new double[a.slots];
    ReferenceObjectives.transitionLogProbs(a, true, b, lpf, null);
    double[] targetFlow = orOnline(a.targetLogFlow, a.logFlow);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b)) {
        continue;
      }
      double next = a.done(t, b) ? 0.0 : targetFlow[a.cell(t + 1, b)];
      double target = targetLogPB(a, p, t, b) + next + delta(a, t, b);
      double err = a.logFlow[a.cell(t, b)] + lpf[t] - target;
      double w = scale * up.weight[t];
      up.td[t] = err;
      out[0] += w * LogSoftmax.huber(err);
      double g = w * LogSoftmax.huberGrad(err);
      up.flow[t] += g;
      up.pf[t] += g;
    }
  }

  static void mdb(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    int n = a.numActions;
    double[] targetForward = orOnline(a.targetForwardLogits, a.forwardLogits);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b) || a.done(t, b)) {
        continue;
      }
      int row = a.fmask(t, b);
      int nextRow = a.fmask(t + 1, b);
      double lse = LogSoftmax.lse(a.forwardLogits, row, a.forwardMask, row, n);
      double nextLse = LogSoftmax.lse(targetForward, nextRow, a.forwardMask, nextRow, n);
      double nextStop = LogSoftmax.logProb(targetForward, nextRow, nextLse, p.stopAction);
      double err = nextStop + LogSoftmax.logProb(a.forwardLogits, row, lse, a.actions[a.cell(t, b)])
          - LogSoftmax.logProb(a.forwardLogits, row, lse, p.stopAction) - targetLogPB(a, p, t, b) - delta(a, t, b);
      double w = scale * up.weight[t];
      up.td[t] = err;
      out[0] += w * LogSoftmax.huber(err);
      double g = w * LogSoftmax.huberGrad(err);
      up.pf[t] += g;
      up.pf2[t] -= g;
      up.pick2[t] = p.stopAction;
    }
  }

  /** Dueling Q = V + lambda log pi with the Munchausen bonus and double DQN (target_losses.cpp). */
  static void softdqn(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    int n = a.numActions;
    Munchausen m = p.munchausen;
    double lambda = m.lambda();
    double[] targetValue = orOnline(a.targetLogFlow, a.logFlow);
    double[] targetForward = orOnline(a.targetForwardLogits, a.forwardLogits);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b)) {
        continue;
      }
      int here = a.cell(t, b);
      int row = a.fmask(t, b);
      double lse = LogSoftmax.lse(a.forwardLogits, row, a.forwardMask, row, n);
      double q = a.logFlow[here] + lambda * LogSoftmax.logProb(a.forwardLogits, row, lse, a.actions[here]);
      boolean done = a.done(t, b);
      double target;
      if (done) {
        target = a.logReward[here];
      } else {
        int nextRow = a.bmask(t + 1, b);
        double logPB = p.uniformBackward
            ? -LogSoftmax.lse(null, nextRow, a.backwardMask, nextRow, a.numBackwardActions) : targetLogPB(a, p, t, b);
        target = logPB + targetValue[a.cell(t + 1, b)]
            + (m.doubleDqn() ? doubleValueGap(a, targetForward, t, b, lambda) : 0.0);
      }
      if (m.alpha() != 0.0) {
        double logPi = LogSoftmax.logProb(targetForward, row,
            LogSoftmax.lse(targetForward, row, a.forwardMask, row, n), a.actions[here]);
        target += m.alpha() * Math.min(0.0, Math.max(m.l0(), lambda * logPi));
      }
      double weight = (done ? p.leafCoeff : 1.0) * scale * up.weight[t];
      double err = q - target;
      up.td[t] = err;
      out[0] += weight * LogSoftmax.huber(err);
      double g = weight * LogSoftmax.huberGrad(err);
      up.flow[t] += g;
      up.pf[t] += lambda * g;
    }
  }

  /** -lambda KL(pi || pi') at s_{t+1}: pi online, pi' target, both constants of the target. */
  private static double doubleValueGap(ObjectiveArrays a, double[] targetForward, int t, int b, double lambda) {
    int n = a.numActions;
    int row = a.fmask(t + 1, b);
    double lseOn = LogSoftmax.lse(a.forwardLogits, row, a.forwardMask, row, n);
    double lseTg = LogSoftmax.lse(targetForward, row, a.forwardMask, row, n);
    double kl = 0.0;
    for (int k = 0; k < n; k++) {
      if (a.forwardMask[row + k] != 0) {
        continue;
      }
      double logOn = a.forwardLogits[row + k] - lseOn;
      double pOn = Math.exp(logOn);
      if (pOn != 0.0) {
        kl += pOn * (logOn - (targetForward[row + k] - lseTg));
      }
    }
    return -lambda * kl;
  }
}
