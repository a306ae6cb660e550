package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.EnumerableEnvironment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.metrics.ApproxDistribution;
import org.gfn4j.metrics.ModesFound;
import org.gfn4j.metrics.RewardDelta;

/**
 * What training rollouts tell about the sampler (exploration included, as in gfnx): the
 * empirical terminal distribution of a FIFO of final states, modes found, a sliding-window mean
 * reward, and the loss and log-reward averaged since the last report.
 */
final class TrainingTrackers {
  private final EnumerableEnvironment env;
  final ApproxDistribution approx;
  final ModesFound modes;
  final RewardDelta rewardDelta;
  private double lossSum;
  private double logRSum;
  private long lossCount;
  private long logRCount;

  TrainingTrackers(EnumerableEnvironment env, int capacity) {
    this.env = env;
    this.approx = env == null ? null : new ApproxDistribution(env.trueDistribution(), capacity);
    this.modes = env == null ? null : ModesFound.maximalReward(env);
    this.rewardDelta = env == null ? null : RewardDelta.of(env, capacity);
  }

  /** Records one iteration: its final states, their log-rewards and the loss. */
  void record(StateBatch finals, double[] logR, double loss) {
    if (approx != null) {
      approx.addStates(env, finals);
      modes.update(finals);
      double[] r = new double[logR.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = Math.exp(logR[i]);
      }
      rewardDelta.update(r);
    }
    for (double v : logR) {
      logRSum += v;
    }
    logRCount += logR.length;
    if (!Double.isNaN(loss)) { // an iteration that only filled the replay buffer has no loss
      lossSum += loss;
      lossCount++;
    }
  }

  /** The averages since the last call (which it resets) and the current tracker values. */
  Map<String, Double> report() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", lossCount == 0 ? Double.NaN : lossSum / lossCount);
    out.put("mean_log_reward", logRCount == 0 ? Double.NaN : logRSum / logRCount);
    lossSum = 0;
    logRSum = 0;
    lossCount = 0;
    logRCount = 0;
    if (approx != null) {
      out.putAll(approx.get());
      out.putAll(modes.get());
      out.putAll(rewardDelta.get());
    }
    return out;
  }
}
