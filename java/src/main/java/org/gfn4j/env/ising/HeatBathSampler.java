package org.gfn4j.env.ising;

import static org.gfn4j.internal.cpu.IsingKernels.ising_pt_heat_bath;

import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.sample.DetMath;
import org.gfn4j.sample.Philox;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Parallel tempering with heat-bath sweeps for P(x) ∝ exp(β·xᵀJx) over ±1 spins: the native
 * kernel (native/src/env/ising_sampler.cpp) or its Java twin, which agree bit for bit (same
 * Philox uniforms, det_exp, summation order). gfnx's defaults: 16 replicas at inverse
 * temperatures from 0.4 to 1 (geometric), 2 sweeps per exchange, 16 exchanges per sample, 1000
 * burn-in exchanges. Two departures from gfnx's sampler leave the target distribution unchanged:
 * a sweep visits the sites in order (gfnx: checkerboard halves), and every round offers each
 * adjacent replica pair an exchange (gfnx: even and odd pairs in turn).
 */
public final class HeatBathSampler {
  private final Backend backend;
  private final int sites;
  private final double[] coupling;
  private final double[] betas;
  private final int sweeps;
  private final long seed;
  private final int[] chains;
  private long round;

  public HeatBathSampler(Backend backend, int sites, double[] coupling, int replicas, double minBetaFraction,
      int sweeps, long seed) {
    if (sites <= 0 || coupling.length != sites * sites) {
      throw new IllegalArgumentException("coupling must be " + sites + "x" + sites);
    }
    if (replicas <= 0 || sweeps <= 0 || !(minBetaFraction > 0 && minBetaFraction <= 1)) {
      throw new IllegalArgumentException("need replicas > 0, sweeps > 0 and a minimum beta fraction in (0, 1]");
    }
    this.backend = backend;
    this.sites = sites;
    this.coupling = coupling.clone();
    this.sweeps = sweeps;
    this.seed = seed;
    this.betas = new double[replicas];
    for (int c = 0; c < replicas; c++) {
      // gfnx's geometric ladder, the target β = 1 exactly at the top
      betas[c] = replicas == 1 || c == replicas - 1 ? 1 : minBetaFraction * Math.pow(1 / minBetaFraction,
          (double) c / (replicas - 1));
    }
    this.chains = new int[replicas * sites];
    java.util.SplittableRandom init = new java.util.SplittableRandom(seed);
    for (int k = 0; k < chains.length; k++) {
      chains[k] = init.nextBoolean() ? 1 : -1;
    }
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
  }

  /** gfnx's configuration: 16 replicas, β from 0.4 to 1 (geometric), 2 sweeps per exchange. */
  public static HeatBathSampler gfnxDefaults(Backend backend, int sites, double[] coupling, long seed) {
    return new HeatBathSampler(backend, sites, coupling, 16, 0.4, 2, seed);
  }

  /** Runs {@code rounds} rounds of sweeps and exchanges. */
  public void advance(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be non-negative");
    }
    if (backend == Backend.NATIVE) {
      try (DoubleTensor j = DoubleTensor.of(coupling, sites, sites);
          DoubleTensor b = DoubleTensor.of(betas, betas.length);
          IntTensor c = IntTensor.of(chains, betas.length, sites)) {
        NativeStatus.check(ising_pt_heat_bath(sites, betas.length, round, rounds, sweeps, j.pointer(), b.pointer(),
            seed, c.pointer()), "ising_pt_heat_bath");
        System.arraycopy(c.toArray(), 0, chains, 0, chains.length);
      }
    } else {
      for (int r = 0; r < rounds; r++) {
        javaRound(round + r);
      }
    }
    round += rounds;
  }

  /** {@code count} samples of the target chain as environment cells (0 = −1, 1 = +1), {@code every} rounds apart. */
  public int[] sample(int count, int every) {
    int[] out = new int[count * sites];
    for (int s = 0; s < count; s++) {
      advance(every);
      for (int i = 0; i < sites; i++) {
        out[s * sites + i] = (chains[(betas.length - 1) * sites + i] + 1) / 2;
      }
    }
    return out;
  }

  /** The current chains, ±1, [replicas, D]. */
  public int[] chains() {
    return chains.clone();
  }

  private double uniform(long step, int slot, int row, int[] w) {
    Philox.draw(seed, step, slot, row, w);
    return Philox.uniform53(w[0], w[1]);
  }

  private void javaRound(long step) {
    int replicas = betas.length;
    int[] w = new int[4];
    for (int c = 0; c < replicas; c++) {
      int o = c * sites;
      for (int s = 0; s < sweeps; s++) {
        int slot = c * sweeps + s;
        for (int i = 0; i < sites; i++) {
          double h = 0;
          for (int j = 0; j < sites; j++) {
            if (j != i) {
              h += coupling[i * sites + j] * chains[o + j];
            }
          }
          double pUp = 1.0 / (1.0 + DetMath.exp(-4.0 * betas[c] * h));
          chains[o + i] = uniform(step, slot, i, w) < pUp ? 1 : -1;
        }
      }
    }
    double[] e = new double[replicas];
    int[] x = new int[sites];
    for (int c = 0; c < replicas; c++) {
      System.arraycopy(chains, c * sites, x, 0, sites);
      e[c] = CouplingReward.energy(x, coupling, sites);
    }
    for (int c = 0; c + 1 < replicas; c++) {
      double accept = DetMath.exp((betas[c + 1] - betas[c]) * (e[c] - e[c + 1]));
      if (uniform(step, replicas * sweeps + c, 0, w) < accept) {
        for (int i = 0; i < sites; i++) {
          int t = chains[c * sites + i];
          chains[c * sites + i] = chains[(c + 1) * sites + i];
          chains[(c + 1) * sites + i] = t;
        }
        double t = e[c];
        e[c] = e[c + 1];
        e[c + 1] = t;
      }
    }
  }
}
