package org.gfn4j.objective;

/** Java reference of native/src/objective/target_losses.cpp: FL-DB, MDB and soft-DQN per trajectory. */
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
      out[0] += scale * LogSoftmax.huber(err);
      double g = scale * LogSoftmax.huberGrad(err);
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
      out[0] += scale * LogSoftmax.huber(err);
      double g = scale * LogSoftmax.huberGrad(err);
      up.pf[t] += g;
      up.pf2[t] -= g;
      up.pick2[t] = p.stopAction;
    }
  }

  static void softdqn(ObjectiveArrays a, ObjectiveParams p, int b, double scale, double[] out,
      ReferenceObjectives.Upstream up) {
    int n = a.numActions;
    double[] targetValue = orOnline(a.targetLogFlow, a.logFlow);
    for (int t = 0; t + 1 < a.slots; t++) {
      if (!a.real(t, b)) {
        continue;
      }
      int here = a.cell(t, b);
      int row = a.fmask(t, b);
      double lse = LogSoftmax.lse(a.forwardLogits, row, a.forwardMask, row, n);
      double q = a.logFlow[here] + LogSoftmax.logProb(a.forwardLogits, row, lse, a.actions[here]);
      boolean done = a.done(t, b);
      double target;
      if (done) {
        target = a.logReward[here];
      } else {
        int nextRow = a.bmask(t + 1, b);
        double logUniformPB = -LogSoftmax.lse(null, nextRow, a.backwardMask, nextRow, a.numBackwardActions);
        target = logUniformPB + targetValue[a.cell(t + 1, b)];
      }
      double weight = done ? p.leafCoeff : 1.0;
      double err = q - target;
      out[0] += scale * weight * LogSoftmax.huber(err);
      double g = scale * weight * LogSoftmax.huberGrad(err);
      up.flow[t] += g;
      up.pf[t] += g;
    }
  }
}
