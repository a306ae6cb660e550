package org.gfn4j.search;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;

/** Q rows of soft-DQN's dueling head at temperature 1: Q(s, a) = log F(s) + log_softmax(logits(s))(a) over the valid actions. */
final class QRows {
  private QRows() {}

  /** Writes row {@code b}'s Q values and invalid mask at {@code offset} of {@code q} and {@code invalid}. */
  static void dueling(FloatTensor logits, FloatTensor logFlow, ByteTensor mask, int b, int actions, double[] q,
      byte[] invalid, int offset) {
    long base = (long) b * actions;
    double m = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      if (mask.get(base + a) == 0) {
        m = Math.max(m, logits.get(base + a));
      }
    }
    double s = 0;
    for (int a = 0; a < actions; a++) {
      if (mask.get(base + a) == 0) {
        s += Math.exp(logits.get(base + a) - m);
      }
    }
    double lse = m + Math.log(s);
    double flow = logFlow.get(b);
    for (int a = 0; a < actions; a++) {
      boolean bad = mask.get(base + a) != 0;
      invalid[offset + a] = (byte) (bad ? 1 : 0);
      q[offset + a] = bad ? 0.0 : flow + (logits.get(base + a) - lse);
    }
  }

  /** Valid entries of row {@code b} of an invalid mask with {@code n} columns. */
  static int validCount(ByteTensor invalid, int b, int n) {
    int k = 0;
    for (int a = 0; a < n; a++) {
      if (invalid.get((long) b * n + a) == 0) {
        k++;
      }
    }
    return k;
  }
}
