package org.gfn4j.env.hypergrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarginalsTest {
  @Test
  void sumsOverTrailingCoordinatesAndNormalises() {
    // A 2^3 grid in row-major order: index = 4 x + 2 y + z, weights 1..8 (total 36).
    double[] dist = {1, 2, 3, 4, 5, 6, 7, 8};
    double[][] m = Marginals.leadingTwo(dist, 3, 2);
    assertArrayEquals(new double[] {3 / 36.0, 7 / 36.0}, m[0], 1e-16);
    assertArrayEquals(new double[] {11 / 36.0, 15 / 36.0}, m[1], 1e-16);
  }

  @Test
  void twoDimensionsAreOnlyNormalised() {
    double[][] m = Marginals.leadingTwo(new double[] {1, 1, 2, 0}, 2, 2);
    assertArrayEquals(new double[] {0.25, 0.25}, m[0], 0.0);
    assertArrayEquals(new double[] {0.5, 0.0}, m[1], 0.0);
  }

  @Test
  void shapeMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Marginals.leadingTwo(new double[7], 3, 2));
    assertThrows(IllegalArgumentException.class, () -> Marginals.leadingTwo(new double[2], 1, 2));
  }
}
