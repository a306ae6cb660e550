package org.gfn4j.env.dag;

/** Graph facts on adjacency cells in Java: transitive closure of the transpose and acyclicity. */
final class Closure {
  private Closure() {}

  /** reach[j] = bit mask of the nodes reachable from j, j included (Warshall over bit rows). */
  static long[] reach(int[] cells, int offset, int d) {
    long[] reach = new long[d];
    for (int i = 0; i < d; i++) {
      long row = 1L << i;
      for (int j = 0; j < d; j++) {
        if (cells[offset + i * d + j] != 0) {
          row |= 1L << j;
        }
      }
      reach[i] = row;
    }
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < d; i++) {
        if ((reach[i] >> k & 1) != 0) {
          reach[i] |= reach[k];
        }
      }
    }
    return reach;
  }

  /** Writes closure_T(i, j) = [i reachable from j] at {@code out[outOffset..outOffset + d²)}. */
  static void writeTransposedClosure(int[] cells, int offset, int d, int[] out, int outOffset) {
    long[] reach = reach(cells, offset, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        out[outOffset + i * d + j] = (int) (reach[j] >> i & 1);
      }
    }
  }

  /** True when the adjacency has a directed cycle (a self-loop included). */
  static boolean cyclic(int[] cells, int offset, int d) {
    for (int i = 0; i < d; i++) {
      if (cells[offset + i * d + i] != 0) {
        return true;
      }
    }
    long[] reach = reach(cells, offset, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        if (i != j && (reach[i] >> j & 1) != 0 && (reach[j] >> i & 1) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The number of labelled DAGs on d nodes (Robinson's recurrence). */
  static java.math.BigInteger countDags(int d) {
    java.math.BigInteger[] a = new java.math.BigInteger[d + 1];
    a[0] = java.math.BigInteger.ONE;
    for (int n = 1; n <= d; n++) {
      java.math.BigInteger s = java.math.BigInteger.ZERO;
      java.math.BigInteger binom = java.math.BigInteger.ONE;
      for (int k = 1; k <= n; k++) {
        binom = binom.multiply(java.math.BigInteger.valueOf(n - k + 1)).divide(java.math.BigInteger.valueOf(k));
        java.math.BigInteger term = binom.shiftLeft(k * (n - k)).multiply(a[n - k]);
        s = (k % 2 == 1) ? s.add(term) : s.subtract(term);
      }
      a[n] = s;
    }
    return a[d];
  }
}
