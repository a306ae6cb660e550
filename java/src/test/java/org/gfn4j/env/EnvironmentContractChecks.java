package org.gfn4j.env;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit's checks of the contract around stepping, for every spec and backend:
 * truncation is flagged exactly at the step cap, the reward module is asked only for newly
 * terminal states, and mismatched shapes or closed buffers are refused before native code runs.
 */
public abstract class EnvironmentContractChecks extends EnvironmentFirstEdgeChecks {
  /** Picks a uniformly random allowed action per row (0 where every action is forbidden). */
  static void randomValid(ByteTensor invalid, int numActions, Random rng, IntTensor out) {
    int rows = (int) out.size();
    for (int b = 0; b < rows; b++) {
      int count = 0;
      int chosen = 0;
      for (int a = 0; a < numActions; a++) {
        if (invalid.get((long) b * numActions + a) == 0 && rng.nextInt(++count) == 0) {
          chosen = a;
        }
      }
      out.set(b, chosen);
    }
  }

  @Test
  void rolloutsFlagTruncationExactlyWhereTheStepCapIsHit() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        int n = batchSize();
        int slots = Math.min(env.maxSteps() + 1, 4); // a short cap, so most trajectories are cut
        try (Trajectories block = Trajectories.of(env, slots, n);
            HeadBlock heads = HeadBlock.like(block);
            ForwardRollout rollout = new ForwardRollout(env, new Sampler(11), n)) {
          rollout.run(block, heads, UNIFORM, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
          for (int b = 0; b < n; b++) {
            boolean terminal = block.terminal.get((long) (slots - 1) * n + b) != 0;
            assertEquals(!terminal, block.isTruncated(b), spec + " " + backend + ": trajectory " + b);
          }
        }
        try (Trajectories block = Trajectories.forRollouts(env, n);
            HeadBlock heads = HeadBlock.like(block);
            ForwardRollout rollout = new ForwardRollout(env, new Sampler(12), n)) {
          rollout.run(block, heads, UNIFORM, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
          if (env.alwaysTerminates()) {
            for (int b = 0; b < n; b++) {
              assertFalse(block.isTruncated(b), spec + " " + backend + ": a full-length rollout was truncated");
            }
          }
        }
      }
    }
  }

  @Test
  void stepAsksTheRewardModuleOnlyForNewlyTerminalStates() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        int[] asked = new int[1];
        RewardModule counting = new RewardModule() {
          @Override
          public double[] logRewards(int[] cells, int count) {
            asked[0] += count;
            return env.reward().logRewards(cells, count);
          }
        };
        Environment wrapped = env.withReward(counting);
        int n = batchSize();
        Random rng = new Random(13);
        try (StateBatch s = env.newBatch(n);
            StateBatch next = env.newBatch(n);
            StateBatch s2 = env.newBatch(n);
            StateBatch next2 = env.newBatch(n);
            ByteTensor invalid = ByteTensor.allocate(n, env.numActions());
            IntTensor actions = IntTensor.allocate(n);
            FloatTensor r1 = FloatTensor.allocate(n);
            FloatTensor r2 = FloatTensor.allocate(n)) {
          env.reset(s);
          wrapped.reset(s2);
          int newlyTerminal = 0;
          for (int t = 0; t <= env.maxSteps(); t++) {
            env.forwardMask(s, invalid);
            randomValid(invalid, env.numActions(), rng, actions);
            env.step(s, actions, next, r1);
            wrapped.step(s2, actions, next2, r2);
            for (int b = 0; b < n; b++) {
              newlyTerminal += next.isTerminal(b) && !s.isTerminal(b) ? 1 : 0;
            }
            assertArrayEquals(r1.toArray(), r2.toArray(), spec + " " + backend + " t=" + t
                + ": rewards through the module differ from the environment's");
            s.copyFrom(next);
            s2.copyFrom(next2);
          }
          assertEquals(newlyTerminal, asked[0], spec + " " + backend + ": reward module asked for other states");
        }
      }
    }
  }

  @Test
  void shapeMismatchesAndClosedBuffersAreRejectedBeforeNativeCode() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        try (StateBatch s = env.newBatch(4);
            StateBatch next = env.newBatch(3);
            IntTensor actions = IntTensor.allocate(4);
            FloatTensor logR = FloatTensor.allocate(4);
            Tensor<?> obs = env.observationSpec().isTokens() ? IntTensor.allocate(4, env.observationSize() + 1)
                : FloatTensor.allocate(4, env.observationSize() + 1)) {
          env.reset(s);
          assertThrows(IllegalArgumentException.class, () -> env.step(s, actions, next, logR));
          assertThrows(IllegalArgumentException.class, () -> env.observe(s, obs));
          actions.fill(-1);
          try (StateBatch same = env.newBatch(4)) {
            assertThrows(IllegalArgumentException.class, () -> env.step(s, actions, same, logR));
          }
          actions.fill(env.numActions());
          try (StateBatch same = env.newBatch(4)) {
            assertThrows(IllegalArgumentException.class, () -> env.step(s, actions, same, logR));
          }
          logR.close();
          try (StateBatch same = env.newBatch(4)) {
            actions.fill(0);
            assertThrows(IllegalStateException.class, () -> env.step(s, actions, same, logR));
          }
        }
      }
    }
  }
}
