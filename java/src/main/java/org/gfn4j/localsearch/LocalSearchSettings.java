package org.gfn4j.localsearch;

/**
 * The settings of local search (Kim et al. 2024): refinement rounds per iteration, backtrack
 * length K, the acceptance rule, and the reward-prioritised offline batch (objects drawn per
 * iteration, 0 for none; store capacity; the top fraction half the draws come from).
 */
public record LocalSearchSettings(int iterations, int backtrack, Acceptance acceptance, int replayBatch,
    int replayCapacity, double replayTop) {
  public LocalSearchSettings {
    if (iterations < 1 || backtrack < 1 || acceptance == null || replayBatch < 0 || replayCapacity < 1
        || !(replayTop > 0 && replayTop <= 1)) {
      throw new IllegalArgumentException("local search needs ls_iterations >= 1, ls_backtrack >= 1, an acceptance"
          + " rule, ls_replay_batch >= 0, ls_replay_capacity >= 1 and ls_replay_top in (0, 1]");
    }
  }
}
