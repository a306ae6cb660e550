package org.gfn4j.env.dag;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.StateSpace;

/**
 * Marginals of a distribution over the terminal DAGs of an enumerated space, each d×d: edge
 * P(i → j), path P(i ⇝ j) (the diagonal counts the empty path, so it is the total mass, as in
 * gfnx) and Markov blanket P(i ∈ MB(j)) (parent, child or co-parent; diagonal 0).
 */
final class Marginals {
  private Marginals() {}

  static Map<String, double[][]> of(StateSpace space, double[] distribution, int d) {
    int n = space.numTerminalStates();
    if (distribution.length != n) {
      throw new IllegalArgumentException("distribution has " + distribution.length + " entries, space has " + n);
    }
    int[] cells = space.terminalCells();
    int w = 2 * d * d;
    double[][] edge = new double[d][d];
    double[][] path = new double[d][d];
    double[][] blanket = new double[d][d];
    for (int t = 0; t < n; t++) {
      double p = distribution[t];
      if (p == 0) {
        continue;
      }
      int o = t * w;
      long[] reach = Closure.reach(cells, o, d);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          if (cells[o + i * d + j] != 0) {
            edge[i][j] += p;
          }
          if ((reach[i] >> j & 1) != 0) {
            path[i][j] += p;
          }
          if (i != j && inBlanket(cells, o, d, i, j)) {
            blanket[i][j] += p;
          }
        }
      }
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    out.put("edge_marginals", edge);
    out.put("path_marginals", path);
    out.put("markov_blanket_marginals", blanket);
    return out;
  }

  private static boolean inBlanket(int[] c, int o, int d, int i, int j) {
    if (c[o + i * d + j] != 0 || c[o + j * d + i] != 0) {
      return true;
    }
    for (int k = 0; k < d; k++) {
      if (c[o + i * d + k] != 0 && c[o + j * d + k] != 0) {
        return true;
      }
    }
    return false;
  }
}
