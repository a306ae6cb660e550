package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TV, KL and JSD against values worked out by hand with gfnx's conventions. */
class DistancesTest {
  static final double E = 1e-9;
  final double[] p = {0.5, 0.5, 0.0};
  final double[] q = {0.25, 0.25, 0.5};

  @Test
  void totalVariationIsHalfTheL1Distance() {
    assertEquals(0.5, Distances.totalVariation(p, q), 1e-16);
    assertEquals(0.0, Distances.totalVariation(p, p));
    assertEquals(1.0, Distances.totalVariation(new double[] {1, 0}, new double[] {0, 1}));
  }

  @Test
  void klIsTrueToModelWithEpsilonOnTheModel() {
    // KL(p ‖ q): the third entry has p = 0 and contributes nothing.
    double want = 2 * 0.5 * Math.log(0.5 / (0.25 + E));
    assertEquals(want, Distances.kl(p, q), 1e-15);
    // KL(q ‖ p): p = 0 where q = 0.5, so the 1e-9 keeps the term finite (≈ 0.5 · log(5e8)).
    double reverse = 2 * 0.25 * Math.log(0.25 / (0.5 + E)) + 0.5 * Math.log(0.5 / E);
    assertEquals(reverse, Distances.kl(q, p), 1e-12);
    assertTrue(Distances.kl(q, p) > 9.0);
    // Identical distributions: only the epsilon shows (−Σ p · log(1 + ε/p) ≈ −2ε).
    assertEquals(-2 * E, Distances.kl(p, p), 1e-15);
  }

  @Test
  void jensenShannonUsesTheMidpoint() {
    double[] m = {0.375, 0.375, 0.25};
    double klPm = 2 * 0.5 * Math.log(0.5 / (m[0] + E));
    double klQm = 2 * 0.25 * Math.log(0.25 / (m[0] + E)) + 0.5 * Math.log(0.5 / (m[2] + E));
    assertEquals(0.5 * (klPm + klQm), Distances.jensenShannon(p, q), 1e-15);
    assertEquals(Distances.jensenShannon(p, q), Distances.jensenShannon(q, p), 1e-15);
    // Disjoint supports: JSD = log 2 (up to the epsilon).
    assertEquals(Math.log(2), Distances.jensenShannon(new double[] {1, 0}, new double[] {0, 1}), 1e-8);
  }

  @Test
  void allNamesTheMetricsWithAPrefix() {
    Map<String, Double> m = Distances.all("exact", p, q);
    assertEquals(List.of("exact_tv", "exact_kl", "exact_jsd"), List.copyOf(m.keySet()));
    assertEquals(Distances.kl(p, q), m.get("exact_kl"));
  }

  @Test
  void sizesMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Distances.kl(p, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> Distances.totalVariation(p, new double[4]));
  }
}
