package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inference rollouts take the fused native loop exactly where it applies, and write there what the
 * slot-by-slot loop writes with the same native forward and sampler stream.
 */
class InferenceRolloutTest {
  private static final ForwardRollout.Exploration GREEDY_FREE = new ForwardRollout.Exploration(0f, 1f, -3);

  /** The two blocks, and the heads of their first {@code used} slots, are equal. */
  private static void assertSameBlocks(Trajectories a, HeadBlock ha, Trajectories b, HeadBlock hb, int used,
      Environment env) {
    assertArrayEquals(a.cells.toArray(), b.cells.toArray());
    assertArrayEquals(a.terminal.toArray(), b.terminal.toArray());
    assertArrayEquals(a.pad.toArray(), b.pad.toArray());
    assertArrayEquals(a.truncated.toArray(), b.truncated.toArray());
    assertArrayEquals(a.actions.toArray(), b.actions.toArray());
    assertArrayEquals(a.backwardActions.toArray(), b.backwardActions.toArray());
    assertArrayEquals(a.logReward.toArray(), b.logReward.toArray());
    assertArrayEquals(((FloatTensor) a.obs).toArray(), ((FloatTensor) b.obs).toArray());
    int rows = used * a.batch();
    assertArrayEquals(ha.forwardLogits.view(0, rows, env.numActions()).toArray(),
        hb.forwardLogits.view(0, rows, env.numActions()).toArray());
    assertArrayEquals(ha.backwardLogits.view(0, rows, env.numBackwardActions()).toArray(),
        hb.backwardLogits.view(0, rows, env.numBackwardActions()).toArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hypergrid:dim=2,side=8", "hypergrid:dim=4,side=5,reward=hard"})
  void theFusedPathWritesWhatTheStepwisePathWritesWithTheSameForward(String spec) {
    Environment env = Environments.create(spec);
    int batch = 16;
    try (MlpForward f = NativeRolloutTest.policy(NativeRolloutTest.spec(env), 5);
        InferenceRollout fusedRollout = new InferenceRollout(env, new Sampler(77), batch);
        InferenceRollout stepRollout = new InferenceRollout(env, new Sampler(77), batch);
        Trajectories a = Trajectories.forRollouts(env, batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        HeadBlock ha = HeadBlock.like(a);
        HeadBlock hb = HeadBlock.like(b)) {
      assertTrue(fusedRollout.fuses(f));
      PolicyFn fn = NativeRolloutTest.viaJava(f);
      for (int round = 0; round < 3; round++) {
        ForwardRollout.Exploration x = new ForwardRollout.Exploration(0f, 1f, -1 - 2L * round);
        int usedFused = fusedRollout.run(a, ha, fn, f, x, null);
        int usedStep = stepRollout.run(b, hb, fn, null, x, null);
        assertEquals(usedStep, usedFused);
        assertSameBlocks(a, ha, b, hb, usedFused, env);
      }
    }
  }

  @Test
  void aSeedAndRngStepReproduceTheFusedBlockAndAnotherSeedDoesNot() {
    Environment env = Environments.create("hypergrid:dim=3,side=6");
    int batch = 16;
    try (MlpForward f = NativeRolloutTest.policy(NativeRolloutTest.spec(env), 2);
        InferenceRollout first = new InferenceRollout(env, new Sampler(3), batch);
        InferenceRollout again = new InferenceRollout(env, new Sampler(3), batch);
        InferenceRollout other = new InferenceRollout(env, new Sampler(4), batch);
        Trajectories a = Trajectories.forRollouts(env, batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        Trajectories c = Trajectories.forRollouts(env, batch);
        HeadBlock ha = HeadBlock.like(a);
        HeadBlock hb = HeadBlock.like(b);
        HeadBlock hc = HeadBlock.like(c)) {
      PolicyFn fn = NativeRolloutTest.viaJava(f);
      int used = first.run(a, ha, fn, f, GREEDY_FREE, null);
      assertEquals(used, again.run(b, hb, fn, f, GREEDY_FREE, null));
      assertSameBlocks(a, ha, b, hb, used, env);
      other.run(c, hc, fn, f, GREEDY_FREE, null);
      assertFalse(java.util.Arrays.equals(a.actions.toArray(), c.actions.toArray()), "another seed, other draws");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hypergrid:dim=2,side=4,moves=pm", "cube2", "permutations:n=3"})
  void environmentsTheFusedLoopDoesNotKnowRollSlotBySlot(String spec) {
    Environment env = Environments.create(spec);
    int batch = 8;
    try (MlpForward f = NativeRolloutTest.policy(NativeRolloutTest.spec(env), 1);
        InferenceRollout withMlp = new InferenceRollout(env, new Sampler(5), batch);
        InferenceRollout without = new InferenceRollout(env, new Sampler(5), batch);
        Trajectories a = Trajectories.forRollouts(env, batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        HeadBlock ha = HeadBlock.like(a);
        HeadBlock hb = HeadBlock.like(b)) {
      assertFalse(withMlp.fuses(f));
      PolicyFn fn = NativeRolloutTest.viaJava(f);
      int used = withMlp.run(a, ha, fn, f, GREEDY_FREE, null);
      assertEquals(used, without.run(b, hb, fn, null, GREEDY_FREE, null));
      assertSameBlocks(a, ha, b, hb, used, env);
    }
  }

  @Test
  void aJavaSamplerOrAJavaEnvironmentOrNoNativeForwardRollsSlotBySlot() {
    Environment env = Environments.create("hypergrid:dim=2,side=4");
    Environment javaEnv = Environments.create("hypergrid:dim=2,side=4", Backend.JAVA, null);
    try (MlpForward f = NativeRolloutTest.policy(NativeRolloutTest.spec(env), 1);
        InferenceRollout javaSampler = new InferenceRollout(env, new Sampler(1, Backend.JAVA), 4);
        InferenceRollout javaKernels = new InferenceRollout(javaEnv, new Sampler(1), 4);
        InferenceRollout nativeOnes = new InferenceRollout(env, new Sampler(1), 4)) {
      assertFalse(javaSampler.fuses(f));
      assertFalse(javaKernels.fuses(f));
      assertFalse(nativeOnes.fuses(null));
      assertTrue(nativeOnes.fuses(f));
    }
  }
}
