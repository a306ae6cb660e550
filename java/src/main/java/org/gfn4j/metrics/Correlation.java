package org.gfn4j.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Correlation of the model's log-probability estimate with the log-reward over a set of test
 * objects (gfnx TestCorrelation / OnPolicyCorrelation): for each object x, n rounds of backward
 * trajectories τ_k ~ PB(·|x) give log P̂(x) = logsumexp_k(log PF(τ_k) − log PB(τ_k|x)) − log n;
 * the metrics are Pearson's and Spearman's (average ranks for ties) correlation coefficients.
 */
public final class Correlation {
  private Correlation() {}

  /** log P̂(x) per object from logPF[round][object] and logPB[round][object]. */
  public static double[] logProbabilityEstimate(double[][] logPF, double[][] logPB) {
    int rounds = logPF.length;
    if (rounds == 0 || logPB.length != rounds) {
      throw new IllegalArgumentException("need the same positive number of rounds for logPF and logPB");
    }
    int n = logPF[0].length;
    for (int k = 0; k < rounds; k++) {
      if (logPF[k].length != n || logPB[k].length != n) {
        throw new IllegalArgumentException("round " + k + " does not hold " + n + " objects");
      }
    }
    double[] out = new double[n];
    double[] ratio = new double[rounds];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < rounds; k++) {
        ratio[k] = logPF[k][i] - logPB[k][i];
      }
      out[i] = logSumExp(ratio) - Math.log(rounds);
    }
    return out;
  }

  static double logSumExp(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (Double.isInfinite(max) || Double.isNaN(max)) {
      return max;
    }
    double sum = 0.0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  /** Pearson's r (numpy {@code corrcoef}); NaN for fewer than 2 values or a constant input. */
  public static double pearson(double[] a, double[] b) {
    checkSameLength(a, b);
    int n = a.length;
    if (n < 2) {
      return Double.NaN;
    }
    double meanA = 0.0;
    double meanB = 0.0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double cov = 0.0;
    double varA = 0.0;
    double varB = 0.0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - meanA;
      double db = b[i] - meanB;
      cov += da * db;
      varA += da * da;
      varB += db * db;
    }
    return cov / Math.sqrt(varA * varB);
  }

  /** Spearman's ρ = Pearson's r of the average ranks; NaN if an input is NaN or has fewer than 2 values. */
  public static double spearman(double[] a, double[] b) {
    checkSameLength(a, b);
    if (a.length < 2 || Arrays.stream(a).anyMatch(Double::isNaN) || Arrays.stream(b).anyMatch(Double::isNaN)) {
      return Double.NaN;
    }
    return pearson(ranks(a), ranks(b));
  }

  /** 1-based ranks, ties sharing the average of their ranks (scipy {@code rankdata(method="average")}). */
  public static double[] ranks(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
    double[] r = new double[x.length];
    for (int start = 0; start < idx.length;) {
      int end = start + 1;
      while (end < idx.length && x[idx[end]] == x[idx[start]]) {
        end++;
      }
      double average = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        r[idx[k]] = average;
      }
      start = end;
    }
    return r;
  }

  /** {@code pearson} and {@code spearman} between log P̂(x) and log R(x). */
  public static Map<String, Double> get(double[] logProbabilityEstimate, double[] logReward) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("pearson", pearson(logProbabilityEstimate, logReward));
    out.put("spearman", spearman(logProbabilityEstimate, logReward));
    return out;
  }

  private static void checkSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
    }
  }
}
