package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.StateSpace;
import org.junit.jupiter.api.Test;

class GroundTruthSamplerTest {
  @Test
  void sameSeedSameDraws() {
    GroundTruthSampler s = new GroundTruthSampler(new double[] {0.1, 0.2, 0.3, 0.4});
    assertArrayEquals(s.sample(50, 7), s.sample(50, 7));
    assertFalse(Arrays.equals(s.sample(50, 7), s.sample(50, 8)));
  }

  @Test
  void zeroWeightsAreNeverDrawn() {
    GroundTruthSampler s = new GroundTruthSampler(new double[] {0, 1, 0, 3, 0});
    for (int x : s.sample(10_000, 1)) {
      assertTrue(x == 1 || x == 3, "drew " + x);
    }
  }

  @Test
  void frequenciesFollowTheWeights() {
    double[] p = {0.1, 0.2, 0.3, 0.4};
    int n = 100_000;
    int[] counts = new int[4];
    for (int x : new GroundTruthSampler(p).sample(n, 2024)) {
      counts[x]++;
    }
    // Standard deviation of a frequency is at most 0.0016; allow about six of them.
    for (int i = 0; i < 4; i++) {
      assertEquals(p[i], counts[i] / (double) n, 0.01, "index " + i);
    }
  }

  @Test
  void samplesTheTargetOfAnEnvironment() {
    StateSpace env = ExactDistributionTest.hypergrid(2, 8, Backend.JAVA);
    int[] draws = GroundTruthSampler.of(env).sample(20_000, 3);
    double[] p = env.trueDistribution();
    double modes = 0;
    int hits = 0;
    for (int i = 0; i < p.length; i++) {
      int[] c = env.terminalState(i);
      if ((c[0] == 1 || c[0] == 6) && (c[1] == 1 || c[1] == 6)) {
        modes += p[i];
      }
    }
    for (int x : draws) {
      int[] c = env.terminalState(x);
      hits += (c[0] == 1 || c[0] == 6) && (c[1] == 1 || c[1] == 6) ? 1 : 0;
    }
    assertEquals(modes, hits / 20_000.0, 0.02);
  }

  @Test
  void invalidWeightsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GroundTruthSampler(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new GroundTruthSampler(new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> new GroundTruthSampler(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> new GroundTruthSampler(new double[] {1, Double.POSITIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class, () -> new GroundTruthSampler(new double[] {1}).sample(-1, 0));
  }
}
