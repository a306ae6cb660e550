package org.gfn4j.env.ising;

import static org.gfn4j.internal.cpu.IsingKernels.ising_log_reward;

import org.gfn4j.env.RewardModule;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * log R(x) = xᵀJx with x = 2s − 1 over complete spin states, for a coupling J [D, D] fixed at
 * construction (the energy model of tb_ising builds a new module for each learned J). The native
 * kernel and the Java loop compute the same double sums.
 */
public final class CouplingReward {
  private CouplingReward() {}

  /** The reward of {@code coupling} through the native kernel, one call per batch. */
  public static RewardModule nativeModule(int sites, double[] coupling) {
    double[] j = coupling.clone();
    return (cells, count) -> logRewards(Backend.NATIVE, sites, j, cells, count);
  }

  /** The reward of {@code coupling} in Java. */
  public static RewardModule javaModule(int sites, double[] coupling) {
    double[] j = coupling.clone();
    return (cells, count) -> logRewards(Backend.JAVA, sites, j, cells, count);
  }

  /** xᵀJx of {@code count} complete objects (cells [count, D]) under {@code j}, by the kernel of {@code backend}. */
  static double[] logRewards(Backend backend, int sites, double[] j, int[] cells, int count) {
    if (backend == Backend.NATIVE) {
      try (IntTensor s = IntTensor.of(cells, count, sites);
          DoubleTensor jt = DoubleTensor.of(j, sites, sites);
          DoubleTensor out = DoubleTensor.allocate(count)) {
        NativeStatus.check(ising_log_reward(sites, count, s.pointer(), jt.pointer(), out.pointer()), "ising_log_reward");
        return out.toArray();
      }
    }
    double[] out = new double[count];
    int[] x = new int[sites];
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < sites; i++) {
        int v = cells[b * sites + i];
        if (v != 0 && v != 1) {
          throw new IllegalArgumentException("ising_log_reward: invalid argument (shape, size or value)");
        }
        x[i] = 2 * v - 1;
      }
      out[b] = energy(x, j, sites);
    }
    return out;
  }

  /** xᵀJx of ±1 spins, summed row by row as the native kernel does. */
  static double energy(int[] x, double[] j, int sites) {
    double e = 0;
    for (int a = 0; a < sites; a++) {
      double row = 0;
      for (int b = 0; b < sites; b++) {
        row += j[a * sites + b] * x[b];
      }
      e += x[a] * row;
    }
    return e;
  }
}
