package org.gfn4j.env.dag;

/**
 * The linear-Gaussian marginal likelihood (Deleu et al. 2022's LinearGaussianScore, with the
 * mathematically correct sign of the log-determinant): x_j = Σ_{i ∈ Pa} w_i x_i + ε with
 * w ~ N(μ0·1, s²I) and ε ~ N(0, σ²), so the column y = X[:, j] is N(μ0·X_Pa·1, σ²I + s²X_Pa X_Paᵀ)
 * and the local score is that Gaussian's log-density. Computed in k×k form (k = |Pa|) through
 * the Woodbury identity and the determinant lemma with M = (σ²/s²)I + X_PaᵀX_Pa:
 * −½[(‖r‖² − (X_Paᵀr)ᵀM⁻¹(X_Paᵀr))/σ² + log det M + 2(N − k) log σ + 2k log s + N log 2π],
 * r = y − μ0·X_Pa·1. gfnx subtracts log det M and 2(N − k) log σ instead of adding them.
 */
public final class LinearGaussianScore implements LocalScore {
  private final int d;
  private final int n;
  private final double[][] gram;
  private final double priorMean;
  private final double priorScale;
  private final double obsScale;

  public LinearGaussianScore(DagData data) {
    this(data, 0.0, 1.0, Math.sqrt(0.1));
  }

  public LinearGaussianScore(DagData data, double priorMean, double priorScale, double obsScale) {
    if (!(priorScale > 0) || !(obsScale > 0)) {
      throw new IllegalArgumentException("prior and observation scales must be positive");
    }
    this.d = data.numVariables();
    this.n = data.numSamples();
    this.priorMean = priorMean;
    this.priorScale = priorScale;
    this.obsScale = obsScale;
    gram = new double[d][d];
    for (double[] row : data.samples()) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          gram[i][j] += row[i] * row[j];
        }
      }
    }
  }

  @Override
  public int numVariables() {
    return d;
  }

  @Override
  public double local(int node, long parents) {
    int[] pa = SubMatrix.indices(parents);
    int k = pa.length;
    double s2 = obsScale * obsScale;
    double ratio = s2 / (priorScale * priorScale);
    double[][] m = new double[d][d];
    for (int a : pa) {
      for (int b : pa) {
        m[a][b] = gram[a][b] + (a == b ? ratio : 0);
      }
    }
    // ‖r‖² and Xᵀr with r = y − μ0·X1, from the Gram matrix alone.
    double sumRow = 0; // 1ᵀXᵀy
    double sumAll = 0; // 1ᵀXᵀX1
    double[] xtr = new double[k];
    for (int p = 0; p < k; p++) {
      double rowSum = 0;
      for (int q = 0; q < k; q++) {
        rowSum += gram[pa[p]][pa[q]];
      }
      sumRow += gram[pa[p]][node];
      sumAll += rowSum;
      xtr[p] = gram[pa[p]][node] - priorMean * rowSum;
    }
    double rr = gram[node][node] - 2 * priorMean * sumRow + priorMean * priorMean * sumAll;
    double quad = rr;
    double logDetM = 0;
    if (k > 0) {
      double[][] l = SubMatrix.cholesky(m, pa);
      quad -= SubMatrix.quadInverse(l, xtr);
      for (int i = 0; i < k; i++) {
        logDetM += 2 * Math.log(l[i][i]);
      }
    }
    return -0.5 * (quad / s2 + logDetM + 2 * (n - k) * Math.log(obsScale) + 2 * k * Math.log(priorScale)
        + n * Math.log(2 * Math.PI));
  }
}
