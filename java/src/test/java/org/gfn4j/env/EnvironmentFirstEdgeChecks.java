package org.gfn4j.env;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;

/**
 * The conformance checks of a fixed first edge s0 → s1 ({@link FirstEdge}), for environments
 * that declare one: s0 allows exactly one forward action, rollouts draw valid, varied start states
 * with the return-to-s0 backward action, and that action leads back to s0.
 */
public abstract class EnvironmentFirstEdgeChecks extends EnvironmentStateSpaceChecks {
  /** A policy with all-zero heads: uniform over the allowed actions (the kit's one constant). */
  static final PolicyFn UNIFORM = (obs, f, b, flow) -> {
    f.fill(0f);
    b.fill(0f);
    flow.fill(0f);
  };

  @Test
  void firstEdgeDrawsValidStartStatesThatReturnToS0() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        if (env.firstEdge().isEmpty()) {
          continue;
        }
        FirstEdge edge = env.firstEdge().orElseThrow();
        String where = spec + " " + backend;
        int n = batchSize();
        int ab = env.numBackwardActions();
        // A uniform first edge has log PF < 0; a shortest-path environment's one fixed start has 0.
        assertTrue(edge.logPF() <= 0, where + ": log PF of the first edge must not be positive");
        try (Trajectories block = Trajectories.of(env, 3, n);
            HeadBlock heads = HeadBlock.like(block);
            ForwardRollout rollout = new ForwardRollout(env, new Sampler(21), n);
            ByteTensor invalid = ByteTensor.allocate(n, ab);
            IntTensor back = IntTensor.allocate(n);
            ByteTensor done = ByteTensor.allocate(n);
            StateBatch prev = env.newBatch(n)) {
          rollout.run(block, heads, UNIFORM, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
          int allowed = 0;
          for (int a = 0; a < env.numActions(); a++) {
            allowed += block.forwardMask(0).get(a) == 0 ? 1 : 0;
          }
          assertEquals(1, allowed, where + ": s0 must allow exactly one forward action");
          StateBatch s1 = block.states(1);
          Set<String> distinct = new HashSet<>();
          env.backwardMask(s1, invalid);
          int[] s0 = block.states(0).cells(0);
          for (int b = 0; b < n; b++) {
            assertFalse(s1.isTerminal(b) || s1.isPad(b), where + ": a start state is terminal or padding");
            try (StateBatch one = env.newBatch(1)) {
              env.setState(one, 0, s1.cells(b), false); // throws if invalid
            }
            assertFalse(Arrays.equals(s0, s1.cells(b)), where + ": the start state is s0");
            assertEquals(edge.returnAction(), block.backwardActions(0).get(b), where + ": backward action");
            assertEquals(0, invalid.get((long) b * ab + edge.returnAction()), where + ": return action masked");
            assertEquals(0f, block.logReward(0).get(b), where + ": reward on the first edge");
            distinct.add(Arrays.toString(s1.cells(b)));
          }
          if (edge.logStartCount() > 0) {
            assertTrue(distinct.size() > 1, where + ": every rollout started in the same state");
          } else {
            assertEquals(1, distinct.size(), where + ": a first edge with one start state drew several");
          }
          back.fill(edge.returnAction());
          env.backwardStep(s1, back, prev, done);
          for (int b = 0; b < n; b++) {
            assertArrayEquals(s0, prev.cells(b), where + ": the return action does not lead to s0");
            assertEquals(1, done.get(b), where + ": returning to s0 is not done");
          }
        }
      }
    }
  }
}
