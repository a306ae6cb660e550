package org.gfn4j.env.permutations;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Arrays;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** Closed forms of the permutation environment against brute force over S_n and the doc's table. */
class PermutationsTest {
  /** Calls visit on every permutation of 0..n-1 (Heap's algorithm). */
  private static void forEachPermutation(int n, java.util.function.Consumer<int[]> visit) {
    int[] a = new int[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    visit.accept(a.clone());
    int i = 0;
    while (i < n) {
      if (c[i] < i) {
        int j = i % 2 == 0 ? 0 : c[i];
        int tmp = a[j];
        a[j] = a[i];
        a[i] = tmp;
        visit.accept(a.clone());
        c[i]++;
        i = 0;
      } else {
        c[i] = 0;
        i++;
      }
    }
  }

  @Test
  void logZAndMeanRewardMatchBruteForceOverSn() {
    for (int n = 2; n <= 8; n++) {
      for (double t : new double[] {0.5, 2.0}) {
        PermutationsConfig config = new PermutationsConfig(n, t, 64);
        double[] sums = new double[2];
        long[] count = new long[1];
        int size = n;
        forEachPermutation(n, p -> {
          double k = JavaPermutations.fixedPoints(p, 0, size);
          sums[0] += Math.exp(k / t);
          sums[1] += Math.exp(2 * k / t);
          count[0]++;
        });
        assertEquals(config.factorial(), count[0]);
        assertEquals(Math.log(sums[0]), config.logZ(), 1e-10, "n=" + n + " t=" + t);
        assertEquals(sums[1] / sums[0], config.meanReward(), 1e-9 * sums[1] / sums[0], "n=" + n + " t=" + t);
      }
    }
  }

  @Test
  void logZMatchesTheDocumentedTable() {
    double[][] table = {{4, 3.8262}, {6, 7.2280}, {8, 11.2533}, {10, 15.7531}, {15, 28.5480}, {20, 42.9843}};
    for (double[] row : table) {
      assertEquals(row[1], new PermutationsConfig((int) row[0], 2.0, 64).logZ(), 5e-5, "n=" + (int) row[0]);
    }
  }

  @Test
  void fixedPointLawSumsToOneWithMeanNearSqrtE() {
    PermutationsConfig c = new PermutationsConfig(8, 2.0, 64);
    double[] p = c.fixedPointLaw();
    assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
    double mean = 0;
    for (int k = 0; k < p.length; k++) {
      mean += k * p[k];
    }
    assertEquals(1.64872, mean, 1e-5);
    BigInteger total = Arrays.stream(c.fixedPointCounts()).reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(BigInteger.valueOf(c.factorial()), total);
  }

  @Test
  void specIsCanonicalAndRejectsBadValues() {
    Environment env = Environments.create("permutations:n=5", Backend.JAVA);
    assertEquals("permutations:n=5,t=2.0,max_steps=64", env.spec().toString());
    assertFalse(env.alwaysTerminates());
    assertEquals(Math.log(120), -env.firstEdge().orElseThrow().logPF(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> PermutationsConfig.fromSpec(EnvSpec.parse("permutations:n=1")));
    assertThrows(IllegalArgumentException.class, () -> PermutationsConfig.fromSpec(EnvSpec.parse("permutations:t=-1")));
    assertThrows(IllegalArgumentException.class, () -> PermutationsConfig.fromSpec(EnvSpec.parse("permutations:k=3")));
    assertArrayEquals(new int[] {2, 0, 1}, Environments.create("permutations:n=3").parseObject("2,0,1"));
    assertThrows(IllegalArgumentException.class, () -> Environments.create("permutations:n=3").parseObject("2,2,1"));
  }
}
