package org.gfn4j.metrics;

import org.gfn4j.env.ObjectDistance;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-k reward and diversity of one batch of sampled objects (gfnx TopKMetricsModule): the k
 * objects of highest reward (ties broken as a stable ascending sort does, later samples first),
 * their mean reward and their mean pairwise distance Σ_{i,j} d(x_i, x_j) / (k(k − 1)). From log
 * rewards ({@link #fromLogRewards}) the mean reward is also given as its logarithm, computed by
 * log-sum-exp, so rewards beyond the double range (phylogenetics: log R = (C − M)/4 in the
 * thousands) still give a finite, exact figure.
 */
public final class TopK {
  /** gfnx's default k values. */
  public static final int[] DEFAULT_K = {10, 50, 100};

  private TopK() {}

  /** Default k ∈ {10, 50, 100} and Hamming distance. */
  public static Map<String, Double> compute(double[] rewards, int[] cells, int width) {
    return compute(rewards, cells, width, DEFAULT_K, ObjectDistance.HAMMING);
  }

  /**
   * From log rewards: {@code top_<k>_log_reward} = log of the mean reward of the top k (log-sum-exp
   * of their log R minus log k) for every k, then {@code top_<k>_reward} = that mean where it is a
   * finite double (left out where it overflows), then {@code top_<k>_diversity}. The top k are
   * ranked by log R, which orders them as R does.
   */
  public static Map<String, Double> fromLogRewards(double[] logRewards, int[] cells, int width, int[] ks,
      ObjectDistance distance) {
    Map<String, Double> plain = compute(logRewards, cells, width, ks, distance); // ranks by log R, diversity
    int n = logRewards.length;
    double[] sorted = logRewards.clone();
    Arrays.sort(sorted);
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, Double> reward = new LinkedHashMap<>();
    for (int k : ks) {
      double max = sorted[n - 1];
      double sum = 0.0;
      for (int j = n - k; j < n; j++) {
        sum += Math.exp(sorted[j] - max);
      }
      double logMean = max + Math.log(sum / k);
      out.put("top_" + k + "_log_reward", logMean);
      double mean = Math.exp(logMean);
      if (Double.isFinite(mean)) {
        reward.put("top_" + k + "_reward", mean);
      }
    }
    out.putAll(reward);
    for (int k : ks) {
      out.put("top_" + k + "_diversity", plain.get("top_" + k + "_diversity"));
    }
    return out;
  }

  /**
   * {@code top_<k>_reward} for every k, then {@code top_<k>_diversity} for every k (gfnx's
   * names and order). Rewards are R, not log R; {@code cells} holds the objects concatenated,
   * {@code width} cells each. Each k must lie in [1, n]; k = 1 gives diversity NaN as in gfnx.
   */
  public static Map<String, Double> compute(double[] rewards, int[] cells, int width, int[] ks,
      ObjectDistance distance) {
    int n = rewards.length;
    if (width <= 0 || cells.length != (long) n * width) {
      throw new IllegalArgumentException(n + " objects of width " + width + " need " + (long) n * width
          + " cells, got " + cells.length);
    }
    for (int k : ks) {
      if (k < 1 || k > n) {
        throw new IllegalArgumentException("k = " + k + " outside [1, " + n + "]");
      }
    }
    Integer[] ascending = new Integer[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = i;
    }
    Arrays.sort(ascending, Comparator.comparingDouble(i -> rewards[i]));
    Map<String, Double> reward = new LinkedHashMap<>();
    Map<String, Double> diversity = new LinkedHashMap<>();
    for (int k : ks) {
      int[][] top = new int[k][];
      double sum = 0.0;
      for (int j = 0; j < k; j++) {
        int i = ascending[n - k + j];
        sum += rewards[i];
        top[j] = Arrays.copyOfRange(cells, i * width, (i + 1) * width);
      }
      double pairs = 0.0;
      for (int[] a : top) {
        for (int[] b : top) {
          pairs += distance.distance(a, b);
        }
      }
      reward.put("top_" + k + "_reward", sum / k);
      diversity.put("top_" + k + "_diversity", pairs / ((double) k * (k - 1)));
    }
    reward.putAll(diversity);
    return reward;
  }
}
