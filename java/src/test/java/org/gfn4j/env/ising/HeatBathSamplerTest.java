package org.gfn4j.env.ising;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** The parallel-tempering heat-bath sampler: native and Java agree bit for bit and sample P ∝ exp(xᵀJx). */
class HeatBathSamplerTest {
  private static double[] randomSymmetric(int sites, long seed) {
    Random rng = new Random(seed);
    double[] j = new double[sites * sites];
    for (int a = 0; a < sites; a++) {
      for (int b = a + 1; b < sites; b++) {
        j[a * sites + b] = j[b * sites + a] = rng.nextGaussian() * 0.3;
      }
    }
    return j;
  }

  @Test
  void nativeAndJavaChainsAreIdentical() {
    int sites = 9;
    double[] j = randomSymmetric(sites, 3);
    HeatBathSampler nat = new HeatBathSampler(Backend.NATIVE, sites, j, 6, 0.4, 2, 17);
    HeatBathSampler ref = new HeatBathSampler(Backend.JAVA, sites, j, 6, 0.4, 2, 17);
    for (int k = 0; k < 5; k++) {
      nat.advance(7);
      ref.advance(7);
      assertArrayEquals(ref.chains(), nat.chains(), "after " + 7 * (k + 1) + " rounds");
    }
    assertArrayEquals(ref.sample(50, 3), nat.sample(50, 3));
  }

  @Test
  void targetChainSamplesTheBoltzmannDistribution() {
    int sites = 4;
    double[] j = randomSymmetric(sites, 5);
    double[] p = new double[1 << sites];
    double z = 0;
    int[] x = new int[sites];
    for (int code = 0; code < p.length; code++) {
      for (int i = 0; i < sites; i++) {
        x[i] = (code >> i & 1) == 1 ? 1 : -1;
      }
      double e = 0;
      for (int a = 0; a < sites; a++) {
        for (int b = 0; b < sites; b++) {
          e += x[a] * j[a * sites + b] * x[b];
        }
      }
      p[code] = Math.exp(e);
      z += p[code];
    }
    HeatBathSampler s = new HeatBathSampler(Backend.NATIVE, sites, j, 4, 0.4, 1, 23);
    s.advance(100);
    int n = 40_000;
    int[] cells = s.sample(n, 1);
    double[] q = new double[p.length];
    for (int k = 0; k < n; k++) {
      int code = 0;
      for (int i = 0; i < sites; i++) {
        code |= cells[k * sites + i] << i;
      }
      q[code] += 1.0 / n;
    }
    double tv = 0;
    for (int c = 0; c < p.length; c++) {
      tv += 0.5 * Math.abs(p[c] / z - q[c]);
    }
    assertTrue(tv < 0.02, "total variation to the Boltzmann distribution: " + tv);
  }
}
