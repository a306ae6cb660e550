package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundsTest {
  @Test
  void elboAveragesTheLogRatioAndSubtractsLogZ() {
    double[] logPF = {-1.0, -2.0};
    double[] logPB = {-0.5, 0.0};
    double[] logR = {1.0, 3.0};
    // Per trajectory: -0.5 + 1 + 1 = 1.5 and 0 + 3 + 2 = 5; mean 3.25.
    assertEquals(3.25 - 2.0, Bounds.elbo(logPF, logPB, logR, 2.0), 1e-15);
    assertEquals(3.25, Bounds.eubo(logPF, logPB, logR, 0.0), 1e-15);
  }

  @Test
  void aPerfectSamplerGivesZero() {
    // PF(τ) = PB(τ|x) R(x) / Z for every trajectory: each term is exactly log Z.
    double logZ = Math.log(26.1);
    double[] logR = {Math.log(2.5), Math.log(0.5)};
    double[] logPB = {-1.0, -3.0};
    double[] logPF = {logPB[0] + logR[0] - logZ, logPB[1] + logR[1] - logZ};
    assertEquals(0.0, Bounds.elbo(logPF, logPB, logR, logZ), 1e-15);
    assertEquals(0.0, Bounds.eubo(logPF, logPB, logR, logZ), 1e-15);
  }

  @Test
  void lengthsMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Bounds.elbo(new double[2], new double[1], new double[2], 0));
    assertThrows(IllegalArgumentException.class, () -> Bounds.eubo(new double[0], new double[0], new double[0], 0));
  }
}
