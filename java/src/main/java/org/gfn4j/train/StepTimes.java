package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.rollout.RolloutTimer;

/** Where iteration time goes (policy forward, sampling + environment, objective, train step, optimizer) and the rows each pass saw. */
public final class StepTimes implements RolloutTimer {
  long policyNanos;
  long envNanos;
  long objectiveNanos;
  long trainNanos;
  long optimizerNanos;
  /** A learned reward's own work (reward_model), outside the other phases. */
  long rewardModelNanos;
  long iterations;
  long transitions;
  long forwardRows;
  long trainRows;
  /** Train-step rows whose forward pass ran in the train step (ONNX Runtime's, or the kept-activation fallback's). */
  long trainForwardRows;

  @Override
  public void policy(long nanos) {
    policyNanos += nanos;
  }

  @Override
  public void env(long nanos) {
    envNanos += nanos;
  }

  public void reset() {
    policyNanos = envNanos = objectiveNanos = trainNanos = optimizerNanos = rewardModelNanos = iterations = 0;
    transitions = 0;
    forwardRows = trainRows = trainForwardRows = 0;
  }

  /** Real transitions per iteration (the batch's summed trajectory lengths). */
  public double transitionsPerIteration() {
    return (double) transitions / Math.max(1, iterations);
  }

  /** Observation rows evaluated per iteration by forward passes (rollout, replay, target network). */
  public double forwardRowsPerIteration() {
    return (double) forwardRows / Math.max(1, iterations);
  }

  /** Observation rows per iteration that went through the training step (forward + backward). */
  public double trainRowsPerIteration() {
    return (double) trainRows / Math.max(1, iterations);
  }

  /** Of {@link #trainRowsPerIteration()}, the rows the train step ran a forward pass on (not kept from the rollout). */
  public double trainForwardRowsPerIteration() {
    return (double) trainForwardRows / Math.max(1, iterations);
  }

  /** Milliseconds per iteration of each phase (reward_model only where a reward is learned) and their total. */
  public Map<String, Double> perIterationMillis() {
    Map<String, Double> out = new LinkedHashMap<>();
    double n = Math.max(1, iterations) * 1e6;
    out.put("policy_forward", policyNanos / n);
    out.put("sampling_env", envNanos / n);
    out.put("objective", objectiveNanos / n);
    out.put("train_step", trainNanos / n);
    out.put("optimizer", optimizerNanos / n);
    if (rewardModelNanos > 0) {
      out.put("reward_model", rewardModelNanos / n);
    }
    out.put("total", (policyNanos + envNanos + objectiveNanos + trainNanos + optimizerNanos + rewardModelNanos) / n);
    return out;
  }
}
