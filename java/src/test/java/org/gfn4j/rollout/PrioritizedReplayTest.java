package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;

/** Prioritized replay: new transitions at the top priority, residuals become priorities, weights (N·P)^-beta. */
class PrioritizedReplayTest {
  private final Environment env = Environments.create("hypergrid:dim=2,side=6");

  private ReplayBuffer buffer(int capacity) {
    return new ReplayBuffer(capacity, env.stateWidth(), env.observationSpec(), env.numActions(),
        env.numBackwardActions());
  }

  private int fill(PrioritizedReplay replay, int rollouts) {
    int[] added = new int[1];
    ReplayBufferTest.rollouts(env, rollouts, (block, used) -> added[0] += replay.add(block, used));
    return added[0];
  }

  @Test
  void residualsSteerTheDrawsAndTheWeightsUndoThem() {
    try (ReplayBuffer buffer = buffer(1000); PrioritizedReplay replay = new PrioritizedReplay(buffer, 0.5, Backend.NATIVE);
        Trajectories out = Trajectories.of(env, 2, 64); FloatTensor weights = FloatTensor.allocate(2, 64);
        FloatTensor residuals = FloatTensor.allocate(2, 64)) {
      int n = fill(replay, 4);
      assertTrue(n > 64);
      for (int j = 0; j < n; j++) {
        assertEquals(1.0, replay.weightedPriority(j), "new transitions enter at the largest priority");
      }
      replay.sample(new SplittableRandom(1), out, 1.0, weights);
      for (int i = 0; i < 64; i++) {
        assertEquals(1f, weights.get(i), 1e-6f, "equal priorities, equal weights");
      }
      // one transition of the draw gets a residual of 99, all others ~0: it then dominates the draws
      residuals.fill(0f);
      residuals.set(0, 99f);
      replay.updatePriorities(residuals);
      int heavy = -1;
      for (int j = 0; j < n; j++) {
        if (replay.weightedPriority(j) > 9.9) {
          heavy = j;
        }
      }
      assertTrue(heavy >= 0, "(|residual| + 1e-6)^0.5 is stored");
      assertEquals(Math.sqrt(99 + PrioritizedReplay.MIN_PRIORITY), replay.weightedPriority(heavy), 1e-9);
      replay.sample(new SplittableRandom(2), out, 1.0, weights);
      double total = 0;
      for (int j = 0; j < n; j++) {
        total += replay.weightedPriority(j);
      }
      double pHeavy = replay.weightedPriority(heavy) / total;
      double pLight = replay.weightedPriority(heavy == 0 ? 1 : 0) / total;
      // the draws of the heavy transition carry the smallest weight, (pLight/pHeavy)^beta relative to the rest
      float min = Float.MAX_VALUE;
      float max = 0f;
      for (int i = 0; i < 64; i++) {
        min = Math.min(min, weights.get(i));
        max = Math.max(max, weights.get(i));
      }
      assertEquals(1f, max, 1e-6f);
      assertEquals(pLight / pHeavy, min, 1e-4, "weights (N P)^-1 normalised by the batch's largest");
      assertEquals(1f, weights.get(64), "slot 1 holds no transition");
      int hits = 0;
      for (int seed = 3; seed < 13; seed++) {
        replay.sample(new SplittableRandom(seed), out, 0.0, weights);
        assertEquals(1f, weights.get(5), "beta = 0: no correction");
        for (int j : replay.lastDrawn()) {
          hits += j == heavy ? 1 : 0;
        }
      }
      assertTrue(pHeavy > 0.1, "the heavy transition holds a large share: " + pHeavy);
      assertEquals(640 * pHeavy, hits, 20.0, "drawn in proportion to its priority");
    }
  }

  @Test
  void betaIsAnnealedLinearly() {
    assertEquals(0.0, PrioritizedReplay.beta(0, 1, 100, 0));
    assertEquals(0.5, PrioritizedReplay.beta(0, 1, 100, 50), 1e-12);
    assertEquals(1.0, PrioritizedReplay.beta(0, 1, 100, 500));
    assertEquals(0.7, PrioritizedReplay.beta(0.4, 0.7, 0, 0));
  }

  @Test
  void misuseIsRejected() {
    try (ReplayBuffer buffer = buffer(100); PrioritizedReplay replay = new PrioritizedReplay(buffer, 0.5, Backend.JAVA);
        FloatTensor residuals = FloatTensor.allocate(2, 4)) {
      assertThrows(IllegalStateException.class, () -> replay.updatePriorities(residuals));
      try (Trajectories out = Trajectories.of(env, 2, 4); FloatTensor weights = FloatTensor.allocate(2, 4)) {
        assertThrows(IllegalStateException.class, () -> replay.sample(new SplittableRandom(1), out, 0.5, weights));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplay(buffer(10), -1, Backend.JAVA));
  }
}
