package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sum tree on both backends: exact sums, proportional stratified draws, argument checks, identical twins. */
class SumTreeTest {
  private static double[] randomPriorities(Random rng, int n) {
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = rng.nextDouble() < 0.2 ? 0.0 : rng.nextDouble() * 3;
    }
    return p;
  }

  private static int[] range(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void totalIsTheSumAndRepeatedIndicesKeepTheLastValue(Backend backend) {
    Random rng = new Random(1);
    try (SumTree tree = new SumTree(37, backend)) {
      double[] p = randomPriorities(rng, 37);
      tree.set(range(37), p);
      tree.set(new int[] {5, 5, 36}, new double[] {9.0, 2.5, 0.75});
      p[5] = 2.5;
      p[36] = 0.75;
      double sum = 0;
      for (int i = 0; i < 37; i++) {
        assertEquals(p[i], tree.get(i));
        sum += p[i];
      }
      assertEquals(sum, tree.total(), 1e-12);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void drawsAreProportionalAndNeverHitZeroPriorities(Backend backend) {
    Random rng = new Random(2);
    int n = 50;
    try (SumTree tree = new SumTree(n, backend)) {
      double[] p = randomPriorities(rng, n);
      tree.set(range(n), p);
      int draws = 200_000;
      double[] u = new double[draws];
      for (int i = 0; i < draws; i++) {
        u[i] = rng.nextDouble();
      }
      int[] counts = new int[n];
      for (int j : tree.sample(u)) {
        counts[j]++;
      }
      double total = tree.total();
      for (int i = 0; i < n; i++) {
        if (p[i] == 0) {
          assertEquals(0, counts[i], "zero priority drawn at " + i);
        } else {
          // stratified draws: each count is within 2 of its expectation
          assertEquals(draws * p[i] / total, counts[i], 2.0, "leaf " + i);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void extremeUniformsLandOnPositiveLeaves(Backend backend) {
    try (SumTree tree = new SumTree(6, backend)) {
      tree.set(new int[] {0, 1, 2, 3, 4, 5}, new double[] {0.1, 0.2, 0.3, 0, 1e-300, 0});
      int[] idx = tree.sample(new double[] {0.0, Math.nextDown(1.0), Math.nextDown(1.0)});
      for (int j : idx) {
        assertTrue(tree.get(j) > 0, "drew leaf " + j);
      }
    }
  }

  @Test
  void nativeAndJavaTwinsAgreeBitForBit() {
    Random rng = new Random(3);
    try (SumTree a = new SumTree(1000, Backend.NATIVE); SumTree b = new SumTree(1000, Backend.JAVA)) {
      for (int round = 0; round < 20; round++) {
        int k = 1 + rng.nextInt(200);
        int[] idx = new int[k];
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
          idx[j] = rng.nextInt(1000);
          p[j] = rng.nextDouble() * 10;
        }
        a.set(idx, p);
        b.set(idx, p);
        assertEquals(b.total(), a.total(), 0.0);
        double[] u = new double[256];
        for (int j = 0; j < u.length; j++) {
          u[j] = rng.nextDouble();
        }
        assertArrayEquals(b.sample(u), a.sample(u));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badArgumentsThrowBeforeAnyNativeCall(Backend backend) {
    assertThrows(IllegalArgumentException.class, () -> new SumTree(0, backend));
    try (SumTree tree = new SumTree(8, backend)) {
      assertThrows(IllegalStateException.class, () -> tree.sample(new double[] {0.5}), "empty tree");
      assertThrows(IllegalArgumentException.class, () -> tree.set(new int[] {8}, new double[] {1}));
      assertThrows(IllegalArgumentException.class, () -> tree.set(new int[] {-1}, new double[] {1}));
      assertThrows(IllegalArgumentException.class, () -> tree.set(new int[] {0}, new double[] {-1}));
      assertThrows(IllegalArgumentException.class, () -> tree.set(new int[] {0}, new double[] {Double.NaN}));
      assertThrows(IllegalArgumentException.class, () -> tree.set(new int[] {0, 1}, new double[] {1}));
      tree.set(new int[] {3}, new double[] {1});
      assertThrows(IllegalArgumentException.class, () -> tree.sample(new double[] {1.0}));
      assertThrows(IllegalArgumentException.class, () -> tree.sample(new double[0]));
      assertEquals(3, tree.sample(new double[] {0.99})[0]);
    }
    SumTree closed = new SumTree(4, backend);
    closed.close();
    assertThrows(IllegalStateException.class, closed::total);
  }
}
