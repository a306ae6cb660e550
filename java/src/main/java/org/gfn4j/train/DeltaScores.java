package org.gfn4j.train;

import java.nio.FloatBuffer;
import org.gfn4j.env.Environment;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.FloatTensor;

/**
 * Per-transition energy deltas Δ(s→s′) = log R(s′) − log R(s) for the forward-looking
 * objectives (FL-DB, MDB) on environments whose reward is defined on every state, like the
 * hypergrid's (the stop step keeps the coordinates, so its Δ is 0).
 */
final class DeltaScores {
  private DeltaScores() {}

  /** Writes Δ of every transition of {@code block} into {@code out} [T1, B] and returns it. */
  static FloatTensor compute(Environment env, Trajectories block, FloatTensor out) {
    int slots = block.slots();
    int batch = block.batch();
    double[] logR = env.logRewards(block.cells.toArray(), slots * batch);
    FloatBuffer d = out.buffer();
    for (int t = 0; t < slots; t++) {
      for (int b = 0; b < batch; b++) {
        int i = t * batch + b;
        d.put(i, t + 1 < slots ? (float) (logR[i + batch] - logR[i]) : 0f);
      }
    }
    return out;
  }
}
