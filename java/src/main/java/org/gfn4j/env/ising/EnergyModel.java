package org.gfn4j.env.ising;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.env.RewardModule;

/**
 * The energy model of gfnx's tb_ising baseline as a reward module: log R_J(x) = xᵀJx with a
 * coupling J learned from zeros. It records the objects it is asked to score (the sampler's
 * newly finished states, x_fake) so that the energy update sees the GFlowNet's samples without
 * reaching into the trainer. Update: Adam on L(J) = mean_fake xᵀJx − mean_true xᵀJx + λ‖J‖₁,
 * ∂L/∂J = mean_fake xxᵀ − mean_true xxᵀ + λ·sign(J) (symmetric, zero diagonal).
 */
public final class EnergyModel implements RewardModule {
  private final int sites;
  private volatile double[] coupling;
  private final double[] m;
  private final double[] v;
  private final double lr;
  private final double l1;
  private long t;
  private final List<int[]> asked = new ArrayList<>();

  public EnergyModel(int sites, double lr, double l1) {
    this.sites = sites;
    this.coupling = new double[sites * sites];
    this.m = new double[sites * sites];
    this.v = new double[sites * sites];
    this.lr = lr;
    this.l1 = l1;
  }

  @Override
  public double[] logRewards(int[] cells, int count) {
    double[] j = coupling;
    double[] out = new double[count];
    int[] x = new int[sites];
    synchronized (asked) {
      for (int b = 0; b < count; b++) {
        for (int i = 0; i < sites; i++) {
          x[i] = 2 * cells[b * sites + i] - 1;
        }
        out[b] = CouplingReward.energy(x, j, sites);
        asked.add(java.util.Arrays.copyOfRange(cells, b * sites, (b + 1) * sites));
      }
    }
    return out;
  }

  /** The objects scored since the last call, as cells, and forgets them. */
  public List<int[]> drainScored() {
    synchronized (asked) {
      List<int[]> out = new ArrayList<>(asked);
      asked.clear();
      return out;
    }
  }

  public double[] coupling() {
    return coupling.clone();
  }

  /** One Adam step (β = 0.9, 0.999, ε = 1e-8) on the energy loss; returns the loss. */
  public double update(List<int[]> fake, List<int[]> real) {
    if (fake.isEmpty() || real.isEmpty()) {
      throw new IllegalArgumentException("the energy update needs samples on both sides");
    }
    double[] j = coupling.clone();
    double[] grad = new double[sites * sites];
    double loss = accumulate(fake, grad, 1.0, j) - accumulate(real, grad, -1.0, j);
    double norm = 0;
    for (int k = 0; k < j.length; k++) {
      norm += Math.abs(j[k]);
      grad[k] += l1 * Math.signum(j[k]);
    }
    t++;
    double c1 = 1 - Math.pow(0.9, t);
    double c2 = 1 - Math.pow(0.999, t);
    for (int k = 0; k < j.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * grad[k];
      v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
      j[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
    }
    coupling = j;
    return loss + l1 * norm;
  }

  /** Adds sign·mean xxᵀ (off the diagonal) to {@code grad}; returns mean xᵀJx. */
  private double accumulate(List<int[]> samples, double[] grad, double sign, double[] j) {
    double mean = 0;
    int[] x = new int[sites];
    double w = sign / samples.size();
    for (int[] cells : samples) {
      for (int i = 0; i < sites; i++) {
        x[i] = 2 * cells[i] - 1;
      }
      mean += CouplingReward.energy(x, j, sites) / samples.size();
      for (int a = 0; a < sites; a++) {
        for (int b = 0; b < sites; b++) {
          if (a != b) {
            grad[a * sites + b] += w * x[a] * x[b];
          }
        }
      }
    }
    return mean;
  }

  /** −log RMSE(J − J_true) over the D² entries (gfnx neg_log_|J − J_true|₂). */
  public double negLogRmse(double[] truth) {
    double[] j = coupling;
    double s = 0;
    for (int k = 0; k < j.length; k++) {
      s += (j[k] - truth[k]) * (j[k] - truth[k]);
    }
    return -Math.log(Math.sqrt(s / j.length));
  }
}
