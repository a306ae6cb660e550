package org.gfn4j.env.ising;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvSpec;

/**
 * A parsed {@code ising:side=N,sigma=S} spec: N×N spins on a torus with J = σ·A, A the
 * 4-neighbour adjacency (0/1, symmetric, zero diagonal; for N = 2 the left and right neighbours
 * coincide and count once, for N = 1 there is none).
 */
public record IsingConfig(int side, double sigma) {
  public static final int MAX_SIDE = 32;
  private static final Set<String> KEYS = Set.of("side", "sigma");

  public static IsingConfig fromSpec(EnvSpec spec) {
    spec.requireKeys(KEYS);
    return new IsingConfig(spec.getInt("side", 10, 1, MAX_SIDE), spec.getDouble("sigma", 0.1));
  }

  public int sites() {
    return side * side;
  }

  /** The torus adjacency A, [D, D] row-major. */
  public double[] adjacency() {
    int d = sites();
    double[] a = new double[d * d];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = r * side + c;
        int[] nb = {((r + 1) % side) * side + c, ((r + side - 1) % side) * side + c,
            r * side + (c + 1) % side, r * side + (c + side - 1) % side};
        for (int j : nb) {
          if (j != i) {
            a[i * d + j] = 1;
          }
        }
      }
    }
    return a;
  }

  /** J_true = σ·A. */
  public double[] coupling() {
    double[] a = adjacency();
    for (int k = 0; k < a.length; k++) {
      a[k] *= sigma;
    }
    return a;
  }

  public EnvSpec toSpec() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("side", Integer.toString(side));
    p.put("sigma", Double.toString(sigma));
    return EnvSpec.of("ising", p);
  }
}
