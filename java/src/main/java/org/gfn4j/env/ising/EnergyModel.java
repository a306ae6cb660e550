package org.gfn4j.env.ising;

/**
 * The energy model of gfnx's tb_ising baseline: a coupling J [D, D] (every entry a parameter,
 * from zeros) scoring spins by xᵀJx, trained by Adam (β = 0.9, 0.999, ε = 1e-8) on
 * L(J) = mean_sel xᵀJx − mean_data xᵀJx + λ·Σ|J_ij|, whose gradient is
 * mean_sel xxᵀ − mean_data xxᵀ + λ·sign(J). "sel" are the sampler's objects that passed the
 * Metropolis–Hastings filter, the data objects in their place where they did not. Objects are
 * environment cells (0 = spin −1, 1 = spin +1), n rows of D.
 */
public final class EnergyModel {
  private final int sites;
  private volatile double[] coupling;
  private final double[] m;
  private final double[] v;
  private final double lr;
  private final double l1;
  private long t;

  public EnergyModel(int sites, double lr, double l1) {
    if (sites <= 0 || !(lr > 0) || !(l1 >= 0)) {
      throw new IllegalArgumentException("need sites > 0, lr > 0 and l1 >= 0");
    }
    this.sites = sites;
    this.coupling = new double[sites * sites];
    this.m = new double[sites * sites];
    this.v = new double[sites * sites];
    this.lr = lr;
    this.l1 = l1;
  }

  public int sites() {
    return sites;
  }

  /** The current J (a copy). */
  public double[] coupling() {
    return coupling.clone();
  }

  /** The current J itself, never modified (an update installs a new array): for readers on the hot path. */
  double[] couplingView() {
    return coupling;
  }

  /** Replaces J (tests, checkpoints); the Adam moments are kept. */
  public void setCoupling(double[] j) {
    if (j.length != sites * sites) {
      throw new IllegalArgumentException("J must have " + sites * sites + " entries, got " + j.length);
    }
    coupling = j.clone();
  }

  /** L(J) for the current J. */
  public double loss(int[] selected, int[] data) {
    double[] j = coupling;
    return meanEnergy(selected, j) - meanEnergy(data, j) + l1 * sumAbs(j);
  }

  /** ∂L/∂J [D, D] for the current J (λ·sign(J) with sign(0) = 0, as the subgradient autodiff takes). */
  public double[] gradient(int[] selected, int[] data) {
    double[] j = coupling;
    double[] grad = new double[sites * sites];
    addOuterMean(selected, grad, 1.0);
    addOuterMean(data, grad, -1.0);
    for (int k = 0; k < grad.length; k++) {
      grad[k] += l1 * Math.signum(j[k]);
    }
    return grad;
  }

  /** One Adam step on {@code grad}; returns the loss before it. */
  public double update(int[] selected, int[] data) {
    double loss = loss(selected, data);
    double[] grad = gradient(selected, data);
    double[] j = coupling.clone();
    t++;
    double c1 = 1 - Math.pow(0.9, t);
    double c2 = 1 - Math.pow(0.999, t);
    for (int k = 0; k < j.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * grad[k];
      v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
      j[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
    }
    coupling = j;
    return loss;
  }

  /** xᵀJx of each object under the current J. */
  public double[] energies(int[] objects) {
    double[] j = coupling;
    int n = rows(objects);
    double[] out = new double[n];
    int[] x = new int[sites];
    for (int b = 0; b < n; b++) {
      spins(objects, b, x);
      out[b] = CouplingReward.energy(x, j, sites);
    }
    return out;
  }

  /** −log RMSE(J − J_true) over the D² entries (gfnx's neg_log_|J − J_true|_2). */
  public double negLogRmse(double[] truth) {
    double[] j = coupling;
    double s = 0;
    for (int k = 0; k < j.length; k++) {
      s += (j[k] - truth[k]) * (j[k] - truth[k]);
    }
    return -Math.log(Math.sqrt(s / j.length));
  }

  /** The matrix 1-norm max_j Σ_i |J_ij| (gfnx's |J|_1, numpy's norm(J, ord=1)). */
  public double norm1() {
    double[] j = coupling;
    double best = 0;
    for (int c = 0; c < sites; c++) {
      double s = 0;
      for (int r = 0; r < sites; r++) {
        s += Math.abs(j[r * sites + c]);
      }
      best = Math.max(best, s);
    }
    return best;
  }

  /** Adam's step count, then J, m and v: everything an update depends on. */
  public double[] state() {
    int n = sites * sites;
    double[] s = new double[1 + 3 * n];
    s[0] = t;
    System.arraycopy(coupling, 0, s, 1, n);
    System.arraycopy(m, 0, s, 1 + n, n);
    System.arraycopy(v, 0, s, 1 + 2 * n, n);
    return s;
  }

  public void restore(double[] s) {
    int n = sites * sites;
    if (s.length != 1 + 3 * n || !(s[0] >= 0) || s[0] != Math.rint(s[0])) {
      throw new IllegalArgumentException("an energy-model state of " + s.length + " values does not fit "
          + sites + " sites");
    }
    t = (long) s[0];
    coupling = java.util.Arrays.copyOfRange(s, 1, 1 + n);
    System.arraycopy(s, 1 + n, m, 0, n);
    System.arraycopy(s, 1 + 2 * n, v, 0, n);
  }

  private int rows(int[] objects) {
    if (objects.length % sites != 0 || objects.length == 0) {
      throw new IllegalArgumentException("objects must be a non-empty multiple of " + sites + " cells");
    }
    return objects.length / sites;
  }

  private void spins(int[] objects, int b, int[] x) {
    for (int i = 0; i < sites; i++) {
      int c = objects[b * sites + i];
      if (c != 0 && c != 1) {
        throw new IllegalArgumentException("a complete Ising object has cells 0 or 1, got " + c);
      }
      x[i] = 2 * c - 1;
    }
  }

  private double meanEnergy(int[] objects, double[] j) {
    int n = rows(objects);
    int[] x = new int[sites];
    double s = 0;
    for (int b = 0; b < n; b++) {
      spins(objects, b, x);
      s += CouplingReward.energy(x, j, sites);
    }
    return s / n;
  }

  /** grad += sign · mean_b x_b x_bᵀ. */
  private void addOuterMean(int[] objects, double[] grad, double sign) {
    int n = rows(objects);
    int[] x = new int[sites];
    double w = sign / n;
    for (int b = 0; b < n; b++) {
      spins(objects, b, x);
      for (int a = 0; a < sites; a++) {
        double wa = w * x[a];
        int row = a * sites;
        for (int c = 0; c < sites; c++) {
          grad[row + c] += wa * x[c];
        }
      }
    }
  }

  private static double sumAbs(double[] j) {
    double s = 0;
    for (double v : j) {
      s += Math.abs(v);
    }
    return s;
  }
}
