package org.gfn4j.localsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.sequence.SequenceFixtures;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTest;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;

/** Local search: what backtracking and rebuilding propose, what the acceptance rules keep, and the block it trains on. */
class LocalSearchTest {
  private static final int M = 6;

  /**
   * Forward logits that put all mass on one action per state (a hash of the observation picks
   * which; the others trail by 1000 nats each, so every valid action has a strict rank), and the
   * same for the backward head.
   */
  static final PolicyFn DETERMINISTIC = (observations, fwd, bwd, flow) -> {
    FloatTensor obs = (FloatTensor) observations;
    int n = (int) obs.dim(0);
    int o = (int) obs.dim(1);
    for (int i = 0; i < n; i++) {
      int h = 0;
      for (int j = 0; j < o; j++) {
        h = h * 31 + (obs.get((long) i * o + j) != 0 ? j : 0);
      }
      int pref = Math.floorMod(h, (int) fwd.dim(1));
      for (int a = 0; a < fwd.dim(1); a++) {
        fwd.set(i * fwd.dim(1) + a, -1000f * Math.floorMod(a - pref, (int) fwd.dim(1)));
      }
      for (int a = 0; a < bwd.dim(1); a++) {
        bwd.set(i * bwd.dim(1) + a, -1000f * a);
      }
      flow.set(i, 0f);
    }
  };

  /** Uniform PF and PB. */
  static final PolicyFn UNIFORM = (observations, fwd, bwd, flow) -> {
    fwd.fill(0f);
    bwd.fill(0f);
    flow.fill(0f);
  };

  private static Environment tfbind() {
    return Environments.create("tfbind8:table=" + SequenceFixtures.tfbindTable());
  }

  /** Rolls M trajectories with {@code policy} and runs one collect; returns the used slots of the training block. */
  private static int collect(Environment env, LocalSearch ls, PolicyFn policy, long step) {
    try (Trajectories rollout = Trajectories.forRollouts(env, M);
        HeadBlock heads = HeadBlock.like(rollout);
        ForwardRollout forward = new ForwardRollout(env, new Sampler(9), M)) {
      int used = forward.run(rollout, heads, policy, new ForwardRollout.Exploration(0f, 1f, step), RolloutTimer.NONE);
      return ls.collect(rollout, used, policy, step);
    }
  }

  private static int[] object(Trajectories block, int used, int j) {
    return block.states(used - 1).cells(j);
  }

  private static double logReward(Trajectories block, int j) {
    return Walk.read(block, j).logReward();
  }

  @Test
  void deterministicPoliciesRebuildTheSameObject() {
    Environment env = tfbind();
    LocalSearchSettings s = new LocalSearchSettings(3, 3, Acceptance.DETERMINISTIC, 0, 10, 0.5);
    try (LocalSearch ls = new LocalSearch(env, s, M, false, 4)) {
      int used = collect(env, ls, DETERMINISTIC, 1);
      Trajectories out = ls.block();
      assertEquals(4 * M, out.batch());
      for (int j = M; j < out.batch(); j++) {
        assertArrayEquals(object(out, used, j % M), object(out, used, j), "proposal " + j);
      }
      assertEquals(0.0, ls.takeAcceptanceRate(), "an equal reward is not an improvement");
    }
  }

  @Test
  void aProposalKeepsAllButTheLastKLettersOfItsSource() {
    Environment env = tfbind(); // letters are appended: the K backward steps remove the last K
    for (int k : new int[] {1, 3, 8}) {
      LocalSearchSettings s = new LocalSearchSettings(1, k, Acceptance.STOCHASTIC, 0, 10, 0.5);
      try (LocalSearch ls = new LocalSearch(env, s, M, false, 5)) {
        int used = collect(env, ls, RolloutTest.SKEWED, 2);
        Trajectories out = ls.block();
        boolean changed = false;
        for (int b = 0; b < M; b++) {
          int[] x = object(out, used, b);
          int[] y = object(out, used, M + b);
          assertArrayEquals(Arrays.copyOf(x, 8 - k), Arrays.copyOf(y, 8 - k), "K=" + k + " row " + b);
          changed |= !Arrays.equals(x, y);
        }
        assertTrue(changed || k == 1, "K=" + k + ": some proposal differs from its source");
      }
    }
  }

  @Test
  void deterministicAcceptanceKeepsTheBestRewardSeen() {
    Environment env = Environments.create("hypergrid:dim=2,side=8");
    LocalSearchSettings s = new LocalSearchSettings(5, 4, Acceptance.DETERMINISTIC, 0, 10, 0.5);
    try (LocalSearch ls = new LocalSearch(env, s, M, true, 6)) {
      collect(env, ls, UNIFORM, 3);
      Trajectories out = ls.block();
      boolean improved = false;
      for (int b = 0; b < M; b++) {
        double best = logReward(out, b);
        for (int i = 1; i <= 5; i++) {
          best = Math.max(best, logReward(out, i * M + b));
        }
        double kept = ls.current().get(b).logReward();
        assertEquals(best, kept, "row " + b + " keeps the best of its chain");
        assertTrue(kept >= logReward(out, b), "never below the sampled object");
        improved |= kept > logReward(out, b);
      }
      assertTrue(improved, "uniform rebuilding improves some object of a 8x8 grid in 5 rounds");
    }
  }

  @Test
  void stochasticAcceptanceFollowsTheBarkerAndMetropolisFormulas() {
    // a = log R(x') - log R(x) + log q(x'->x) - log q(x->x')
    double l1 = Math.log(1);
    assertEquals(0.75, Acceptance.STOCHASTIC.probability(Math.log(3), l1, Math.log(0.2), Math.log(0.2)), 1e-12);
    assertEquals(1.0, Acceptance.METROPOLIS.probability(Math.log(3), l1, Math.log(0.2), Math.log(0.2)), 1e-12);
    // R' = 1, R = 4, q(x'->x) = 0.5, q(x->x') = 0.25: e^a = 1/4 * 2 = 1/2
    assertEquals((0.5) / (1 + 0.5), Acceptance.STOCHASTIC.probability(l1, Math.log(4), Math.log(0.5), Math.log(0.25)),
        1e-12);
    assertEquals(0.5, Acceptance.METROPOLIS.probability(l1, Math.log(4), Math.log(0.5), Math.log(0.25)), 1e-12);
    assertEquals(1.0, Acceptance.DETERMINISTIC.probability(Math.log(2), l1, -50, 0));
    assertEquals(0.0, Acceptance.DETERMINISTIC.probability(l1, l1, 50, 0));
    assertTrue(Acceptance.STOCHASTIC.accept(l1, Math.log(4), Math.log(0.5), Math.log(0.25), 0.33));
    assertFalse(Acceptance.STOCHASTIC.accept(l1, Math.log(4), Math.log(0.5), Math.log(0.25), 0.34));
    assertEquals(0.0, Acceptance.STOCHASTIC.probability(l1, l1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Acceptance.parse("greedy"));
  }

  @Test
  void proposalProbabilitiesMatchAHandCountOnALine() {
    // A 1-D grid of 8 cells: one parent per state, so PB = 1; uniform PF is 1/2 for "+1" and for
    // "exit" below the last cell, 1 for "exit" at it. From the object at p, K = 3 backward steps
    // (exit, then two moves) reach max(0, p - 2); the proposal at p' is rebuilt from there.
    Environment env = Environments.create("hypergrid:dim=1,side=8");
    LocalSearchSettings s = new LocalSearchSettings(1, 3, Acceptance.METROPOLIS, 0, 10, 0.5);
    try (LocalSearch ls = new LocalSearch(env, s, M, false, 8)) {
      int used = collect(env, ls, UNIFORM, 4);
      Trajectories out = ls.block();
      double[] forward = ls.lastLogQForward();
      double[] reverse = ls.lastLogQReverse();
      for (int b = 0; b < M; b++) {
        int p = object(out, used, b)[0];
        int q = object(out, used, M + b)[0];
        int start = Math.max(0, p - 2);
        assertEquals(lineLogPF(start, p), reverse[b], 1e-5, "log q(x'->x), row " + b + ": " + p + " -> " + q);
        assertEquals(lineLogPF(start, q), forward[b], 1e-5, "log q(x->x'), row " + b + ": " + p + " -> " + q);
      }
    }
  }

  /** log PF under uniform PF of walking from cell {@code from} to cell {@code to} and exiting there (8 cells). */
  private static double lineLogPF(int from, int to) {
    double sum = 0;
    for (int c = from; c <= to; c++) {
      sum += c < 7 ? Math.log(0.5) : 0.0;
    }
    return sum;
  }

  @Test
  void everyCollectedTrajectoryStepsAsTheEnvironmentSays() {
    for (String spec : new String[] {"hypergrid:dim=3,side=5", "qm9:table=" + SequenceFixtures.qm9Table()}) {
      Environment env = Environments.create(spec);
      LocalSearchSettings s = new LocalSearchSettings(2, 3, Acceptance.STOCHASTIC, 5, 7, 0.3);
      try (LocalSearch ls = new LocalSearch(env, s, M, false, 7)) {
        for (long step = 0; step < 3; step++) { // from the second step on, the replay holds more than a batch
          int used = collect(env, ls, RolloutTest.SKEWED, step);
          Trajectories out = ls.block();
          assertEquals(3 * M + 5, out.batch());
          RolloutTest.assertTransitions(env, out.prefix(used));
          try (StateBatch s0 = env.newBatch(out.batch())) {
            env.reset(s0);
            for (int j = 0; j < out.batch(); j++) {
              assertArrayEquals(s0.cells(j), out.states(0).cells(j), spec + ": trajectory " + j + " starts at s0");
              int[] x = object(out, used, j);
              assertTrue(out.states(used - 1).isTerminal(j));
              assertEquals(env.logRewards(x, 1)[0], logReward(out, j), 1e-5, spec + ": log R of trajectory " + j);
            }
          }
        }
      }
    }
  }

  @Test
  void aCollectIsReproducibleFromItsSeedAndStep() {
    Environment env = Environments.create("hypergrid:dim=2,side=6");
    LocalSearchSettings s = new LocalSearchSettings(2, 2, Acceptance.METROPOLIS, 4, 50, 0.5);
    int[][] objects = new int[2][];
    for (int r = 0; r < 2; r++) {
      try (LocalSearch ls = new LocalSearch(env, s, M, false, 11)) {
        int used = collect(env, ls, RolloutTest.SKEWED, 5);
        objects[r] = ls.block().prefix(used).cells.toArray();
      }
    }
    assertArrayEquals(objects[0], objects[1]);
  }

  @Test
  void refusesEnvironmentsWithCyclesAndOversizedBlocks() {
    Environment cyclic = Environments.create("hypergrid:dim=2,side=4,moves=pm");
    LocalSearchSettings s = new LocalSearchSettings(1, 1, Acceptance.DETERMINISTIC, 0, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> new LocalSearch(cyclic, s, 2, true, 1));
    Environment grid = Environments.create("hypergrid:dim=2,side=4");
    LocalSearchSettings huge = new LocalSearchSettings(1 << 20, 1, Acceptance.DETERMINISTIC, 0, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> new LocalSearch(grid, huge, 64, true, 1));
    assertThrows(IllegalArgumentException.class, () -> new LocalSearchSettings(0, 1, Acceptance.DETERMINISTIC, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new LocalSearchSettings(1, 1, Acceptance.DETERMINISTIC, 0, 1, 0));
  }
}
