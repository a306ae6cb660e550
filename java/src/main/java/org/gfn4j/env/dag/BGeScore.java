package org.gfn4j.env.dag;

/**
 * The BGe score (Geiger and Heckerman; Kuipers et al.) with gfnx's defaults: α_μ = 1,
 * α_w = d + 2, prior mean 0, T = t·I with t = α_μ(α_w − d − 1)/(α_μ + 1). With
 * R = T + Σ(x − x̄)(x − x̄)ᵀ + (Nα_μ/(N + α_μ))(x̄ − μ0)(x̄ − μ0)ᵀ, the local score of j with l
 * parents Pa is logΓterm[l] + ½(N + α_w − d + l)·log det R[Pa] − ½(N + α_w − d + l + 1)·log det R[Pa ∪ j].
 */
public final class BGeScore implements LocalScore {
  private final int d;
  private final int n;
  private final double alphaW;
  private final double[][] r;
  private final double[] gammaTerm;

  public BGeScore(DagData data) {
    this(data, 1.0, data.numVariables() + 2.0);
  }

  public BGeScore(DagData data, double alphaMu, double alphaW) {
    this.d = data.numVariables();
    this.n = data.numSamples();
    this.alphaW = alphaW;
    double t = alphaMu * (alphaW - d - 1) / (alphaMu + 1);
    if (!(t > 0)) {
      throw new IllegalArgumentException("BGe needs alpha_w > d + 1, got " + alphaW);
    }
    double[][] x = data.samples();
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    double shrink = n * alphaMu / (n + alphaMu);
    r = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (double[] row : x) {
          s += (row[i] - mean[i]) * (row[j] - mean[j]);
        }
        r[i][j] = s + shrink * mean[i] * mean[j] + (i == j ? t : 0);
      }
    }
    gammaTerm = new double[d];
    for (int l = 0; l < d; l++) {
      gammaTerm[l] = 0.5 * (Math.log(alphaMu) - Math.log(n + alphaMu))
          + LogGamma.of(0.5 * (n + alphaW - d + l + 1)) - LogGamma.of(0.5 * (alphaW - d + l + 1))
          - 0.5 * n * Math.log(Math.PI) + 0.5 * (alphaW - d + 2 * l + 1) * Math.log(t);
    }
  }

  @Override
  public int numVariables() {
    return d;
  }

  @Override
  public double local(int node, long parents) {
    int l = Long.bitCount(parents);
    double withPa = SubMatrix.logDet(r, SubMatrix.indices(parents));
    double withNode = SubMatrix.logDet(r, SubMatrix.indices(parents | (1L << node)));
    return gammaTerm[l] + 0.5 * (n + alphaW - d + l) * withPa - 0.5 * (n + alphaW - d + l + 1) * withNode;
  }
}
