package org.gfn4j.env.sequence;

import org.gfn4j.env.ObjectDistance;

/** Distances between complete sequences given by their token cells (gfnx utils/distances.py). */
final class SequenceDistances {
  private SequenceDistances() {}

  /** Hamming distance between the bit strings of two sequences of k-bit words (bitseq). */
  static ObjectDistance bitHamming() {
    return (a, b) -> {
      if (a.length != b.length) {
        throw new IllegalArgumentException("objects differ in width: " + a.length + " vs " + b.length);
      }
      int d = 0;
      for (int i = 0; i < a.length; i++) {
        d += Integer.bitCount(a[i] ^ b[i]);
      }
      return d;
    };
  }

  /** Levenshtein (edit) distance between the characters (ids below {@code nchar}) of two sequences. */
  static ObjectDistance levenshtein(int nchar) {
    return (a, b) -> {
      int n = letters(a, nchar);
      int m = letters(b, nchar);
      int[] prev = new int[m + 1];
      int[] cur = new int[m + 1];
      for (int j = 0; j <= m; j++) {
        prev[j] = j;
      }
      for (int i = 1; i <= n; i++) {
        cur[0] = i;
        for (int j = 1; j <= m; j++) {
          int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
          cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[m];
    };
  }

  /** Number of leading character tokens (the sequence before EOS or PAD). */
  private static int letters(int[] t, int nchar) {
    int n = 0;
    while (n < t.length && t[n] >= 0 && t[n] < nchar) {
      n++;
    }
    return n;
  }
}
