package org.gfn4j.env.dag;

/**
 * Scores computed another way than the library does, for the tests: the BGe local score as a
 * ratio of marginal likelihoods of variable sets (multivariate gamma functions, exact log Γ of
 * half-integers, log-determinants by Gaussian elimination), and the linear-Gaussian local score as
 * the log-density of an N-dimensional Gaussian with an N×N covariance.
 */
final class IndependentScores {
  private IndependentScores() {}

  /** log Γ(m/2) for a positive integer m, from factorials. */
  static double logGammaHalf(int m) {
    double s = 0;
    if (m % 2 == 0) {
      for (int i = 2; i < m / 2; i++) {
        s += Math.log(i);
      }
      return s;
    }
    // Γ(k + 1/2) = √π · Π_{i=1..k} (i − 1/2)
    int k = (m - 1) / 2;
    for (int i = 1; i <= k; i++) {
      s += Math.log(i - 0.5);
    }
    return s + 0.5 * Math.log(Math.PI);
  }

  /** log Γ_p(m/2), the multivariate gamma function. */
  static double logMultiGammaHalf(int p, int m) {
    double s = p * (p - 1) / 4.0 * Math.log(Math.PI);
    for (int i = 1; i <= p; i++) {
      s += logGammaHalf(m + 1 - i);
    }
    return s;
  }

  /** log |det A| by Gaussian elimination with partial pivoting. */
  static double logDet(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double s = 0;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      s += Math.log(Math.abs(m[c][c]));
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k < n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    return s;
  }

  /** Solves A x = b by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  /** log p(D_Y) of the BGe model (α_μ = 1, α_w = d + 2, μ0 = 0) for the variables of {@code vars}. */
  static double bgeLogMarginal(double[][] x, int[] vars) {
    int n = x.length;
    int d = x[0].length;
    int l = vars.length;
    if (l == 0) {
      return 0;
    }
    double alphaMu = 1;
    int alphaW = d + 2;
    double t = alphaMu * (alphaW - d - 1) / (alphaMu + 1);
    double[][] r = new double[l][l];
    for (int p = 0; p < l; p++) {
      for (int q = 0; q < l; q++) {
        double mp = 0;
        double mq = 0;
        for (double[] row : x) {
          mp += row[vars[p]];
          mq += row[vars[q]];
        }
        mp /= n;
        mq /= n;
        double s = 0;
        for (double[] row : x) {
          s += row[vars[p]] * row[vars[q]];
        }
        // Σ (x − x̄)(x − x̄)ᵀ = Σ x xᵀ − N x̄ x̄ᵀ
        r[p][q] = s - n * mp * mq + (n * alphaMu / (n + alphaMu)) * mp * mq + (p == q ? t : 0);
      }
    }
    int dof = alphaW - d + l;
    return 0.5 * l * Math.log(alphaMu / (n + alphaMu)) - 0.5 * n * l * Math.log(Math.PI)
        + logMultiGammaHalf(l, n + dof) - logMultiGammaHalf(l, dof)
        + 0.5 * dof * l * Math.log(t) - 0.5 * (n + dof) * logDet(r);
  }

  static double bgeLocal(double[][] x, int node, long parents) {
    int[] pa = SubMatrix.indices(parents);
    int[] with = SubMatrix.indices(parents | (1L << node));
    return bgeLogMarginal(x, with) - bgeLogMarginal(x, pa);
  }

  /** log N(y; μ0·X·1, σ²I + s²XXᵀ), y = column {@code node}, X = the parent columns. */
  static double linearGaussianLocal(double[][] x, int node, long parents, double mu0, double s, double sigma) {
    int n = x.length;
    int[] pa = SubMatrix.indices(parents);
    double[][] c = new double[n][n];
    double[] diff = new double[n];
    for (int a = 0; a < n; a++) {
      double mean = 0;
      for (int p : pa) {
        mean += mu0 * x[a][p];
      }
      diff[a] = x[a][node] - mean;
      for (int b = 0; b < n; b++) {
        double dot = 0;
        for (int p : pa) {
          dot += x[a][p] * x[b][p];
        }
        c[a][b] = s * s * dot + (a == b ? sigma * sigma : 0);
      }
    }
    double[] z = solve(c, diff);
    double quad = 0;
    for (int a = 0; a < n; a++) {
      quad += diff[a] * z[a];
    }
    return -0.5 * (quad + logDet(c) + n * Math.log(2 * Math.PI));
  }
}
