package org.gfn4j.metrics;

import org.gfn4j.env.ObjectDistance;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-k reward and diversity of one batch of sampled objects (gfnx TopKMetricsModule): the k
 * objects of highest reward (ties broken as a stable ascending sort does, later samples first),
 * their mean reward and their mean pairwise distance Σ_{i,j} d(x_i, x_j) / (k(k − 1)).
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
