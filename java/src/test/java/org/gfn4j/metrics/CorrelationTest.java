package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  @Test
  void logProbabilityEstimateAveragesRatiosInProbabilitySpace() {
    double[][] logPF = {{Math.log(0.2), Math.log(0.1)}, {Math.log(0.4), Math.log(0.3)}};
    double[][] logPB = {{0.0, 0.0}, {0.0, Math.log(0.5)}};
    // Object 0: (0.2 + 0.4) / 2; object 1: (0.1 + 0.3 / 0.5) / 2.
    assertArrayEquals(new double[] {Math.log(0.3), Math.log(0.35)},
        Correlation.logProbabilityEstimate(logPF, logPB), 1e-15);
  }

  @Test
  void logSumExpIsStableForLargeAndInfiniteInputs() {
    assertEquals(1000 + Math.log(2), Correlation.logSumExp(new double[] {1000, 1000}), 1e-12);
    double ninf = Double.NEGATIVE_INFINITY;
    assertEquals(ninf, Correlation.logSumExp(new double[] {ninf, ninf}));
    assertEquals(-5.0, Correlation.logSumExp(new double[] {-5.0, ninf}), 0.0);
  }

  @Test
  void pearsonMatchesTheHandValue() {
    // means 2 and 13/3; cov 5, var 2 and 114/9.
    assertEquals(15 / Math.sqrt(228), Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 7}), 1e-15);
    assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
    assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1}, new double[] {1, 2})));
    assertTrue(Double.isNaN(Correlation.pearson(new double[] {1}, new double[] {1})));
  }

  @Test
  void spearmanUsesAverageRanksForTies() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.ranks(new double[] {10, 20, 20, 30}), 0.0);
    assertArrayEquals(new double[] {3, 1, 2}, Correlation.ranks(new double[] {0.5, -1, 0}), 0.0);
    double rho = Correlation.spearman(new double[] {10, 20, 20, 30}, new double[] {1, 3, 2, 4});
    assertEquals(Math.sqrt(0.9), rho, 1e-15);
    // Any monotone transform leaves it at 1.
    assertEquals(1.0, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {-9, 0, 7, 100}), 1e-15);
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2})));
  }

  @Test
  void getNamesBothCoefficients() {
    Map<String, Double> m = Correlation.get(new double[] {1, 2, 3}, new double[] {2, 4, 7});
    assertEquals(List.of("pearson", "spearman"), List.copyOf(m.keySet()));
    assertEquals(1.0, m.get("spearman"), 1e-15);
  }

  @Test
  void shapesMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[2], new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> Correlation.logProbabilityEstimate(new double[][] {{0, 0}}, new double[][] {{0}}));
    assertThrows(IllegalArgumentException.class,
        () -> Correlation.logProbabilityEstimate(new double[0][], new double[0][]));
  }
}
