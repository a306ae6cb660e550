package org.gfn4j.train;

import org.gfn4j.env.DeltaScore;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.FloatTensor;

/**
 * Per-transition delta scores of a trajectory block for the forward-looking objectives (FL-DB,
 * MDB), from the environment's {@link DeltaScore}: one call per slot over the whole batch.
 */
final class DeltaScores {
  private DeltaScores() {}

  /** Writes Δ of every transition of {@code block} into {@code out} [T1, B] (0 in the last slot) and returns it. */
  static FloatTensor compute(DeltaScore delta, Trajectories block, FloatTensor out) {
    int slots = block.slots();
    int batch = block.batch();
    for (int t = 0; t + 1 < slots; t++) {
      delta.compute(block.states(t), block.states(t + 1), out.view((long) t * batch, batch));
    }
    for (int b = 0; b < batch; b++) {
      out.set((long) (slots - 1) * batch + b, 0f);
    }
    return out;
  }
}
