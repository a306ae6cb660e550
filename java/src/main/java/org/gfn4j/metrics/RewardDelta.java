package org.gfn4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.StateSpace;

/**
 * Sliding-window mean reward of training samples against the mean reward under the target
 * distribution, E_π[R] = Σ R² / Σ R (gfnx SWMeanRewardSWMetricsModule). The window holds the
 * last {@code bufferSize} rewards; the mean is recomputed from the window on every {@link #get()}
 * so no rounding drift accumulates.
 */
public final class RewardDelta {
  private final double targetMean;
  private final double[] window;
  private int size;
  private int next;

  public RewardDelta(double targetMeanReward, int bufferSize) {
    if (bufferSize <= 0) {
      throw new IllegalArgumentException("buffer size must be positive, got " + bufferSize);
    }
    if (!(targetMeanReward > 0) || Double.isInfinite(targetMeanReward)) {
      throw new IllegalArgumentException("target mean reward must be finite and positive, got " + targetMeanReward);
    }
    this.targetMean = targetMeanReward;
    this.window = new double[bufferSize];
  }

  public static RewardDelta of(StateSpace space, int bufferSize) {
    return new RewardDelta(space.meanReward(), bufferSize);
  }

  /** Appends rewards R (not log R), dropping the oldest beyond the window. */
  public void update(double... rewards) {
    for (double r : rewards) {
      window[next] = r;
      next = next + 1 == window.length ? 0 : next + 1;
      size = Math.min(size + 1, window.length);
    }
  }

  /** The rewards in the window, oldest first (re-adding them restores the window). */
  public double[] entries() {
    double[] out = new double[size];
    int start = size == window.length ? next : 0;
    for (int i = 0; i < size; i++) {
      out[i] = window[(start + i) % window.length];
    }
    return out;
  }

  /** {@code mean_reward} (0 while empty, as gfnx), {@code reward_delta} = |mean − E_π[R]| and {@code rel_reward_delta}. */
  public Map<String, Double> get() {
    double sum = 0.0;
    for (int i = 0; i < size; i++) {
      sum += window[i];
    }
    double mean = sum / Math.max(size, 1);
    double delta = Math.abs(mean - targetMean);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("mean_reward", mean);
    out.put("reward_delta", delta);
    out.put("rel_reward_delta", delta / targetMean);
    return out;
  }
}
