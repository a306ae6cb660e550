package org.gfn4j.objective;

/**
 * Independent, deliberately plain implementations of the losses straight from the gfnx
 * formulas (and, for the objectives on graphs with cycles, the paper's forward/backward flows) (per-transition arrays, explicit sub-trajectory sums, optax's Huber), used only to
 * check the values of both backends. Shares no code with the library.
 */
final class NaiveLosses {
  private NaiveLosses() {}

  /** log softmax(row)[a] over the valid entries; logits == null means zero logits. */
  static double logSoftmax(float[] logits, byte[] mask, int base, int n, int a) {
    double sum = 0;
    for (int k = 0; k < n; k++) {
      if (mask[base + k] == 0) {
        sum += Math.exp(logits == null ? 0.0 : logits[base + k]);
      }
    }
    return (logits == null ? 0.0 : logits[base + a]) - Math.log(sum);
  }

  static double logPF(BlockFixture f, float[] logits, int t, int b, int a) {
    return logSoftmax(logits, f.forwardMask, f.cell(t, b) * f.numActions, f.numActions, a);
  }

  static double logPB(BlockFixture f, float[] logits, int t, int b) {
    return logSoftmax(logits, f.backwardMask, f.cell(t + 1, b) * f.numBackwardActions, f.numBackwardActions,
        f.backwardActions[f.cell(t, b)]);
  }

  static double optaxHuber(double x) {
    double quadratic = Math.min(Math.abs(x), 1.0);
    double linear = Math.abs(x) - quadratic;
    return 0.5 * quadratic * quadratic + linear;
  }

  static double tb(BlockFixture f, boolean uniform) {
    double total = 0;
    for (int b = 0; b < f.batch; b++) {
      double sumPF = 0;
      double sumPB = 0;
      double logR = 0;
      for (int t = 0; t < f.slots - 1; t++) {
        if (f.real(t, b)) {
          sumPF += logPF(f, f.forwardLogits, t, b, f.actions[f.cell(t, b)]);
          sumPB += logPB(f, uniform ? null : f.backwardLogits, t, b);
          logR += f.logReward[f.cell(t, b)];
        }
      }
      double d = f.logZ + sumPF - sumPB - logR;
      total += d * d;
    }
    return total / f.batch;
  }

  static double db(BlockFixture f, boolean uniform) {
    double total = 0;
    int count = 0;
    for (int b = 0; b < f.batch; b++) {
      for (int t = 0; t < f.slots - 1; t++) {
        if (!f.real(t, b)) {
          continue;
        }
        double target = logPB(f, uniform ? null : f.backwardLogits, t, b)
            + (f.done(t, b) ? f.logReward[f.cell(t, b)] : f.logFlow[f.cell(t + 1, b)]);
        double pred = f.logFlow[f.cell(t, b)] + logPF(f, f.forwardLogits, t, b, f.actions[f.cell(t, b)]);
        total += 0.5 * (pred - target) * (pred - target);
        count++;
      }
    }
    return total / count;
  }

  static double subtb(BlockFixture f, double lambda, boolean uniform) {
    double total = 0;
    int horizon = f.slots - 1;
    for (int b = 0; b < f.batch; b++) {
      double[] flow = new double[horizon + 1];
      for (int s = 0; s <= horizon; s++) {
        flow[s] = f.logFlow[f.cell(s, b)];
        if (s >= 1 && f.done(s - 1, b)) {
          flow[s] = f.logReward[f.cell(s - 1, b)];
        }
        if (s >= 1 && !f.real(s - 1, b)) {
          flow[s] = 0;
        }
      }
      double num = 0;
      double den = 0;
      for (int i = 0; i < horizon; i++) {
        for (int j = i + 1; j <= horizon; j++) {
          if (!f.real(j - 1, b)) {
            continue;
          }
          double forward = flow[i];
          double backward = flow[j];
          for (int t = i; t < j; t++) {
            forward += logPF(f, f.forwardLogits, t, b, f.actions[f.cell(t, b)]);
            backward += logPB(f, uniform ? null : f.backwardLogits, t, b);
          }
          double w = Math.pow(lambda, j - i);
          num += w * (forward - backward) * (forward - backward);
          den += w;
        }
      }
      total += num / den;
    }
    return total / f.batch;
  }

  static double fldb(BlockFixture f, boolean uniform) {
    double total = 0;
    int count = 0;
    for (int b = 0; b < f.batch; b++) {
      for (int t = 0; t < f.slots - 1; t++) {
        if (!f.real(t, b)) {
          continue;
        }
        double target = logPB(f, uniform ? null : f.targetBackwardLogits, t, b)
            + (f.done(t, b) ? 0.0 : f.targetLogFlow[f.cell(t + 1, b)]) + f.deltaScore[f.cell(t, b)];
        double pred = f.logFlow[f.cell(t, b)] + logPF(f, f.forwardLogits, t, b, f.actions[f.cell(t, b)]);
        total += optaxHuber(pred - target);
        count++;
      }
    }
    return total / count;
  }

  static double mdb(BlockFixture f, int stop, boolean uniform) {
    double total = 0;
    int count = 0;
    for (int b = 0; b < f.batch; b++) {
      for (int t = 0; t < f.slots - 1; t++) {
        if (!f.real(t, b) || f.done(t, b)) {
          continue;
        }
        double error = logPF(f, f.targetForwardLogits, t + 1, b, stop)
            + logPF(f, f.forwardLogits, t, b, f.actions[f.cell(t, b)]) - logPF(f, f.forwardLogits, t, b, stop)
            - logPB(f, uniform ? null : f.targetBackwardLogits, t, b) - f.deltaScore[f.cell(t, b)];
        total += optaxHuber(error);
        count++;
      }
    }
    return total / count;
  }

  /**
   * M-DQN from its definition: Q = V + lambda logPF; target r + V'(s'), or with double DQN
   * r + sum_a' pi(a'|s') (Q'(s', a') - lambda log pi(a'|s')); plus alpha clip(lambda log pi'(a|s), l0, 0).
   */
  static double softdqn(BlockFixture f, double leafCoeff, Munchausen m, boolean uniformPB) {
    double lambda = m.lambda();
    double total = 0;
    int count = 0;
    for (int b = 0; b < f.batch; b++) {
      for (int t = 0; t < f.slots - 1; t++) {
        if (!f.real(t, b)) {
          continue;
        }
        int a = f.actions[f.cell(t, b)];
        double q = f.logFlow[f.cell(t, b)] + lambda * logPF(f, f.forwardLogits, t, b, a);
        double target;
        if (f.done(t, b)) {
          target = f.logReward[f.cell(t, b)];
        } else {
          int parents = 0;
          for (int k = 0; k < f.numBackwardActions; k++) {
            parents += f.backwardMask[f.cell(t + 1, b) * f.numBackwardActions + k] == 0 ? 1 : 0;
          }
          double next = f.targetLogFlow[f.cell(t + 1, b)];
          double logPB = uniformPB ? -Math.log(parents) : logPB(f, f.targetBackwardLogits, t, b);
          if (m.doubleDqn()) {
            next = 0;
            for (int k = 0; k < f.numActions; k++) {
              if (f.forwardMask[f.cell(t + 1, b) * f.numActions + k] != 0) {
                continue;
              }
              double logPi = logPF(f, f.forwardLogits, t + 1, b, k);
              double qTarget = f.targetLogFlow[f.cell(t + 1, b)] + lambda * logPF(f, f.targetForwardLogits, t + 1, b, k);
              next += Math.exp(logPi) * (qTarget - lambda * logPi);
            }
          }
          target = logPB + next;
        }
        double bonus = lambda * logPF(f, f.targetForwardLogits, t, b, a);
        target += m.alpha() * Math.min(0, Math.max(m.l0(), bonus));
        total += optaxHuber(q - target) * (f.done(t, b) ? leafCoeff : 1.0);
        count++;
      }
    }
    return total / count;
  }

  static double of(AbstractObjective o, BlockFixture f) {
    ObjectiveParams p = o.params();
    switch (o.kind()) {
      case TB: return tb(f, p.uniformBackward);
      case DB: return db(f, p.uniformBackward);
      case SUBTB: return subtb(f, p.lambda, p.uniformBackward);
      case FLDB: return fldb(f, p.uniformBackward);
      case MDB: return mdb(f, p.stopAction, p.uniformBackward);
      case SOFTDQN: return softdqn(f, p.leafCoeff, p.munchausen, p.uniformBackward);
      default: return cycles(o.kind(), f, p.cycle, p.uniformBackward);
    }
  }

  /** ndb / ndb_flow / sdb: per transition a "forward flow" and a "backward flow", first edges from log Z. */
  static double cycles(ObjectiveKind kind, BlockFixture f, CycleSettings c, boolean uniform) {
    double total = 0;
    int count = 0;
    for (int b = 0; b < f.batch; b++) {
      for (int t = 0; t < f.slots - 1; t++) {
        if (!f.real(t, b)) {
          continue;
        }
        int here = f.cell(t, b);
        boolean done = f.done(t, b);
        boolean first = !done && f.backwardActions[here] == c.returnAction();
        double logForward = first ? f.logZ + (f.firstEdgeLogPF != null ? f.firstEdgeLogPF[b] : c.firstEdgeLogPF())
            : f.logFlow[here] + logPF(f, f.forwardLogits, t, b, f.actions[here]);
        double logBackward = (done ? f.logReward[here] : f.logFlow[f.cell(t + 1, b)])
            + logPB(f, uniform ? null : f.backwardLogits, t, b);
        double flow = Math.exp(first ? f.logFlow[f.cell(t + 1, b)] : f.logFlow[here]);
        double loss;
        if (kind == ObjectiveKind.NDB) {
          loss = Math.pow(logForward - logBackward, 2);
        } else if (kind == ObjectiveKind.NDB_FLOW) {
          loss = Math.pow(Math.exp(logForward) - Math.exp(logBackward), 2);
        } else {
          double x = c.logScale() ? logForward - logBackward : Math.exp(logForward) - Math.exp(logBackward);
          loss = Math.log(1 + c.eps() * Math.pow(Math.abs(x), c.alpha())) * Math.pow(1 + c.eta() * flow, c.beta());
        }
        total += loss + c.reg() * flow;
        count++;
      }
    }
    return total / count;
  }
}
