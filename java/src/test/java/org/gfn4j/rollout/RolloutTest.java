package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rollouts fill the trajectory block with exactly the environment's transitions. */
public class RolloutTest {
  /** A fixed policy: logits depend on the observation, so masks and heads line up per row. */
  public static final PolicyFn SKEWED = (observations, fwd, bwd, flow) -> {
    FloatTensor obs = (FloatTensor) observations;
    int n = (int) obs.dim(0);
    int o = (int) obs.dim(1);
    for (int i = 0; i < n; i++) {
      float s = 0;
      for (int j = 0; j < o; j++) {
        s += obs.get((long) i * o + j) * (j % 7);
      }
      for (int a = 0; a < fwd.dim(1); a++) {
        fwd.set((long) i * fwd.dim(1) + a, 0.1f * s * (a + 1) % 3);
      }
      for (int a = 0; a < bwd.dim(1); a++) {
        bwd.set((long) i * bwd.dim(1) + a, 0.2f * a);
      }
      flow.set(i, s);
    }
  };

  /** Checks every real transition t of the block against a fresh env.step from slot t. */
  static void assertConsistent(Environment env, Trajectories block, int used) {
    assertTransitions(env, block);
    for (int b = 0; b < block.batch(); b++) {
      assertTrue(block.states(used - 1).isTerminal(b), "slot used-1 must hold every final state");
    }
  }

  public static void assertTransitions(Environment env, Trajectories block) {
    int n = block.batch();
    try (StateBatch next = env.newBatch(n); FloatTensor logR = FloatTensor.allocate(n); IntTensor back = IntTensor.allocate(n)) {
      for (int t = 0; t + 1 < block.slots(); t++) {
        StateBatch s = block.states(t);
        env.step(s, block.actions(t), next, logR);
        env.backwardActions(s, block.actions(t), next, back);
        StateBatch stored = block.states(t + 1);
        for (int b = 0; b < n; b++) {
          String where = "t=" + t + " b=" + b;
          assertArrayEquals(next.cells(b), stored.cells(b), where);
          assertEquals(next.isTerminal(b), stored.isTerminal(b), where);
          assertEquals(next.isPad(b), stored.isPad(b), where);
          if (!s.isTerminal(b)) {
            assertEquals(logR.get(b), block.logReward(t).get(b), where);
            assertEquals(back.get(b), block.backwardActions(t).get(b), where);
            assertEquals(0, block.forwardMask(t).get((long) b * env.numActions() + block.actions(t).get(b)),
                where + ": masked action in the block");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void forwardRolloutRecordsTheEnvironmentsTransitions(Backend backend) {
    Environment env = Environments.create("hypergrid:dim=3,side=6,reward=hard");
    try (Trajectories block = Trajectories.forRollouts(env, 24);
        HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(env, new Sampler(5, backend), 24)) {
      int used = rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0.2f, 1f, 3), RolloutTimer.NONE);
      assertTrue(used >= 2 && used <= block.slots());
      assertConsistent(env, block, used);
      int longest = 0;
      for (int b = 0; b < 24; b++) {
        int len = 0;
        while (!block.states(len).isTerminal(b)) {
          len++;
        }
        longest = Math.max(longest, len);
      }
      assertEquals(longest + 1, used, "used slots = longest trajectory + 1");
    }
  }

  @Test
  void rolloutsAreReproducibleAndBackendIndependent() {
    Environment env = Environments.create("hypergrid:dim=2,side=8");
    int[][] actions = new int[2][];
    Backend[] backends = {Backend.NATIVE, Backend.JAVA};
    for (int i = 0; i < 2; i++) {
      try (Trajectories block = Trajectories.forRollouts(env, 16);
          HeadBlock heads = HeadBlock.like(block);
          ForwardRollout rollout = new ForwardRollout(env, new Sampler(9, backends[i]), 16)) {
        rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0.1f, 1.5f, 42), RolloutTimer.NONE);
        actions[i] = block.actions.toArray();
      }
    }
    assertArrayEquals(actions[0], actions[1]);
  }

  @Test
  void backwardRolloutWritesForwardOrderedTrajectoriesEndingAtTheObjects() {
    Environment env = Environments.create("hypergrid:dim=2,side=7");
    int n = 12;
    int[] objects = new int[n * 2];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = (i * 5 + 3) % 7;
    }
    try (Trajectories block = Trajectories.forRollouts(env, n);
        BackwardRollout rollout = new BackwardRollout(env, new Sampler(1), n)) {
      for (boolean uniform : new boolean[] {true, false}) {
        int used = rollout.run(objects, block, SKEWED, uniform, 7);
        assertConsistent(env, block, used);
        int[] origin = new int[2];
        for (int b = 0; b < n; b++) {
          assertArrayEquals(origin, block.states(0).cells(b), "slot 0 must be s0");
          assertFalse(block.states(0).isTerminal(b));
          int[] expected = Arrays.copyOfRange(objects, 2 * b, 2 * b + 2);
          assertArrayEquals(expected, block.states(used - 1).cells(b), "trajectory must end at its object");
          int len = 0;
          while (!block.states(len).isTerminal(b)) {
            len++;
          }
          assertEquals(expected[0] + expected[1] + 1, len, "increments plus the stop step");
          assertEquals((float) env.logRewards(expected, 1)[0], block.logReward(len - 1).get(b));
        }
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void backwardRolloutHeadsEqualAnEvaluationOfTheWrittenBlock(boolean uniform) {
    Environment env = Environments.create("hypergrid:dim=2,side=7");
    int n = 12;
    int[] objects = new int[n * 2];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = (i * 5 + 3) % 7; // trajectory lengths from 1 to 13
    }
    try (Trajectories block = Trajectories.forRollouts(env, n);
        HeadBlock reused = HeadBlock.like(block);
        HeadBlock fresh = HeadBlock.like(block);
        BackwardRollout rollout = new BackwardRollout(env, new Sampler(1), n)) {
      int used = rollout.run(objects, block, reused, SKEWED, uniform, 7);
      SKEWED.evaluate(block.prefix(used).obsRows(), fresh.forwardLogits(0, used), fresh.backwardLogits(0, used),
          fresh.logFlow(0, used));
      for (int t = 0; t < used; t++) {
        for (int b = 0; b < n; b++) {
          if (!block.isReal(t, b) && (t == 0 || !block.isReal(t - 1, b))) {
            continue; // padding: no head is read there
          }
          for (int a = 0; a < block.numActions(); a++) {
            long k = ((long) t * n + b) * block.numActions() + a;
            assertEquals(fresh.forwardLogits.get(k), reused.forwardLogits.get(k), "forward head, slot " + t);
          }
          for (int a = 0; a < block.numBackwardActions(); a++) {
            long k = ((long) t * n + b) * block.numBackwardActions() + a;
            assertEquals(fresh.backwardLogits.get(k), reused.backwardLogits.get(k), "backward head, slot " + t);
          }
          assertEquals(fresh.logFlow.get((long) t * n + b), reused.logFlow.get((long) t * n + b));
        }
      }
    }
  }

  @Test
  void prefixViewsShareTheBlocksMemory() {
    Environment env = Environments.create("hypergrid:dim=2,side=4");
    try (Trajectories block = Trajectories.forRollouts(env, 3)) {
      Trajectories p = block.prefix(4);
      assertEquals(4, p.slots());
      p.actions.set(5, 9);
      assertEquals(9, block.actions.get(5));
      assertThrows(IllegalArgumentException.class, () -> block.prefix(1));
      assertThrows(IllegalArgumentException.class, () -> block.prefix(block.slots() + 1));
    }
  }
}
