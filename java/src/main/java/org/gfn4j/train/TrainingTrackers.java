package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.metrics.ApproxDistribution;
import org.gfn4j.metrics.ModesFound;
import org.gfn4j.metrics.RewardDelta;

/**
 * What training rollouts tell about the sampler (exploration included, as in gfnx): the
 * empirical terminal distribution of a FIFO of final states, modes found (the environment's mode
 * set, or for an enumerated space the objects of maximal reward), a sliding-window mean reward,
 * and the loss and log-reward averaged since the last report. Truncated trajectories reached no
 * object: they are counted ({@code truncated}) and otherwise left out.
 */
final class TrainingTrackers {
  private final StateSpace space;
  final ApproxDistribution approx;
  final ModesFound modes;
  final RewardDelta rewardDelta;
  private double lossSum;
  private double logRSum;
  private long lossCount;
  private long logRCount;
  private long truncated;

  TrainingTrackers(Environment env, StateSpace space, int capacity) {
    this.space = space;
    this.approx = space == null ? null : new ApproxDistribution(space.trueDistribution(), capacity);
    this.modes = env.modes().map(ModesFound::of)
        .orElse(space == null ? null : ModesFound.maximalReward(space));
    // Rewards beyond the double range (phylogenetics' log R in the thousands) have no mean to track.
    this.rewardDelta = space == null || !Double.isFinite(space.meanReward()) ? null : RewardDelta.of(space, capacity);
  }

  /** Records one iteration: its final states, their log-rewards and the loss. */
  void record(StateBatch finals, ByteTensor truncatedFlags, double[] logR, double loss) {
    int kept = 0;
    double[] finished = new double[logR.length];
    for (int b = 0; b < logR.length; b++) {
      if (truncatedFlags.get(b) != 0) {
        truncated++;
      } else {
        finished[kept++] = logR[b];
      }
    }
    if (kept < finished.length) {
      finished = java.util.Arrays.copyOf(finished, kept);
    }
    if (modes != null) {
      modes.update(finals); // non-terminal (truncated) states are skipped
    }
    if (approx != null) {
      approx.addStates(space, finals);
      double[] r = new double[finished.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = Math.exp(finished[i]);
      }
      if (rewardDelta != null) {
        rewardDelta.update(r);
      }
    }
    for (double v : finished) {
      logRSum += v;
    }
    logRCount += finished.length;
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
    if (truncated > 0) {
      out.put("truncated", (double) truncated);
    }
    if (approx != null) {
      out.putAll(approx.get());
    }
    if (modes != null) {
      out.putAll(modes.get());
    }
    if (rewardDelta != null) {
      out.putAll(rewardDelta.get());
    }
    return out;
  }
}
