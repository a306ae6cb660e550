package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * W1 by JGraphT's min-cost flow against independent computations: on a line it is the sum of
 * CDF differences, on a grid with product laws under the L1 distance the sum of the marginals'
 * line W1, and on a directed cycle the hand-counted moves.
 */
class MinCostTransportTest {
  /** Arcs both ways between neighbours of a side^dim grid (row-major cells). */
  private static int[][] gridArcs(int dim, int side) {
    int n = (int) Math.pow(side, dim);
    List<int[]> arcs = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      int stride = 1;
      for (int d = 0; d < dim; d++) {
        int coord = v / stride % side;
        if (coord + 1 < side) {
          arcs.add(new int[] {v, v + stride});
          arcs.add(new int[] {v + stride, v});
        }
        stride *= side;
      }
    }
    int[][] out = new int[2][arcs.size()];
    for (int i = 0; i < arcs.size(); i++) {
      out[0][i] = arcs.get(i)[0];
      out[1][i] = arcs.get(i)[1];
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] c = new double[n];
    java.util.Arrays.fill(c, 1.0);
    return c;
  }

  private static double[] randomLaw(Random rng, int n) {
    double[] p = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      p[i] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
      s += p[i];
    }
    p[rng.nextInt(n)] += 0.1;
    s += 0.1;
    for (int i = 0; i < n; i++) {
      p[i] /= s;
    }
    return p;
  }

  static double lineW1(double[] p, double[] q) {
    double a = 0;
    double b = 0;
    double w = 0;
    for (int i = 0; i < p.length - 1; i++) {
      a += p[i];
      b += q[i];
      w += Math.abs(a - b);
    }
    return w;
  }

  @Test
  void onALineW1IsTheSumOfCdfDifferences() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int side = 2 + rng.nextInt(30);
      int[][] arcs = gridArcs(1, side);
      double[] p = randomLaw(rng, side);
      double[] q = randomLaw(rng, side);
      double w = MinCostTransport.w1(side, arcs[0], arcs[1], ones(arcs[0].length), p, q);
      assertEquals(lineW1(p, q), w, 1e-6, "side " + side);
    }
  }

  @Test
  void productLawsOnAGridCostTheSumOfTheirMarginalLineW1() {
    Random rng = new Random(11);
    int side = 6;
    double[][] p = {randomLaw(rng, side), randomLaw(rng, side)};
    double[][] q = {randomLaw(rng, side), randomLaw(rng, side)};
    double[] source = new double[side * side];
    double[] target = new double[side * side];
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        source[x + side * y] = p[0][x] * p[1][y];
        target[x + side * y] = q[0][x] * q[1][y];
      }
    }
    int[][] arcs = gridArcs(2, side);
    double w = MinCostTransport.w1(side * side, arcs[0], arcs[1], ones(arcs[0].length), source, target);
    assertEquals(lineW1(p[0], q[0]) + lineW1(p[1], q[1]), w, 1e-6);
  }

  @Test
  void twoPointCasesOnADirectedCycleCountMovesAlongTheArcs() {
    int[] from = {0, 1, 2};
    int[] to = {1, 2, 0};
    double[] cost = {1, 1, 1};
    assertEquals(1.0, MinCostTransport.w1(3, from, to, cost, new double[] {0, 0, 1}, new double[] {1, 0, 0}), 1e-9);
    assertEquals(2.0, MinCostTransport.w1(3, from, to, cost, new double[] {1, 0, 0}, new double[] {0, 0, 1}), 1e-9);
    assertEquals(1.0, MinCostTransport.w1(3, from, to, cost, new double[] {0.5, 0.5, 0}, new double[] {0, 0.5, 0.5}),
        1e-9);
    assertEquals(0.0, MinCostTransport.w1(3, from, to, cost, new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}),
        1e-9);
  }

  @Test
  void unreachableMassAndBadLawsAreRejected() {
    int[] from = {0};
    int[] to = {1};
    double[] cost = {1};
    assertThrows(IllegalArgumentException.class,
        () -> MinCostTransport.w1(2, from, to, cost, new double[] {0, 1}, new double[] {1, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> MinCostTransport.w1(2, from, to, cost, new double[] {0.5, 0.4}, new double[] {0, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> MinCostTransport.w1(2, from, to, new double[] {-1}, new double[] {1, 0}, new double[] {0, 1}));
  }
}
