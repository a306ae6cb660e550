package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inference rollouts take the fused native loop exactly where it applies, and write there what the
 * slot-by-slot loop writes with the same native forward and sampler stream.
 */
class InferenceRolloutTest {
  private static final ForwardRollout.Exploration NO_EXPLORATION = new ForwardRollout.Exploration(0f, 1f, -3);

  /**
   * Rolls {@code rounds} evaluation-style rounds (RNG steps -1, -3, ...) on {@code env} twice with
   * the same sampler seed, once offering the native forward and once not, and compares the blocks.
   * Returns whether the first took the fused loop.
   */
  private static boolean sameWithAndWithoutTheNativeForward(Environment env, int batch, int rounds) {
    try (MlpForward f = NativeRolloutTest.policy(NativeRolloutTest.spec(env), batch);
        InferenceRollout withMlp = new InferenceRollout(env, new Sampler(77), batch);
        InferenceRollout without = new InferenceRollout(env, new Sampler(77), batch);
        Trajectories a = Trajectories.forRollouts(env, batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        HeadBlock ha = HeadBlock.like(a);
        HeadBlock hb = HeadBlock.like(b)) {
      PolicyFn fn = NativeRolloutTest.viaJava(f);
      for (int round = 0; round < rounds; round++) {
        ForwardRollout.Exploration x = new ForwardRollout.Exploration(0f, 1f, -1 - 2L * round);
        int used = withMlp.run(a, ha, fn, f, x, null);
        assertEquals(without.run(b, hb, fn, null, x, null), used);
        NativeRolloutTest.assertSameRollout(env, a, ha, b, hb, used);
      }
      return withMlp.fuses(f);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hypergrid:dim=2,side=8", "hypergrid:dim=4,side=5,reward=hard"})
  void theFusedPathWritesWhatTheStepwisePathWritesWithTheSameForward(String spec) {
    assertTrue(sameWithAndWithoutTheNativeForward(Environments.create(spec), 16, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hypergrid:dim=2,side=4,moves=pm", "cube2", "permutations:n=3"})
  void environmentsTheFusedLoopDoesNotKnowRollSlotBySlot(String spec) {
    assertFalse(sameWithAndWithoutTheNativeForward(Environments.create(spec), 8, 2));
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
      int used = first.run(a, ha, fn, f, NO_EXPLORATION, null);
      assertEquals(used, again.run(b, hb, fn, f, NO_EXPLORATION, null));
      NativeRolloutTest.assertSameRollout(env, a, ha, b, hb, used);
      other.run(c, hc, fn, f, NO_EXPLORATION, null);
      assertFalse(java.util.Arrays.equals(a.actions.toArray(), c.actions.toArray()), "another seed, other draws");
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
