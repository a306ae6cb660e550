package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.HiddenActivations;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fused native rollout writes exactly what ForwardRollout writes with the same policy. */
class NativeRolloutTest {
  static PolicySpec spec(Environment env) {
    return PolicySpec.mlp(env.observationSize(), 2, 24, Activation.LEAKY_RELU)
        .head("forward_logits", env.numActions()).head("backward_logits", env.numBackwardActions())
        .head("log_flow", 1);
  }

  /** Random parameters, scaled so that the policy prefers some actions strongly. */
  static MlpForward policy(PolicySpec spec, long seed) {
    MlpForward f = MlpForward.create(spec, Backend.NATIVE);
    try (FloatTensor flat = FloatTensor.allocate(MlpForward.parameterCount(spec))) {
      Random r = new Random(seed);
      for (int i = 0; i < flat.size(); i++) {
        flat.set(i, (float) r.nextGaussian() * 0.5f);
      }
      f.load(flat);
    }
    return f;
  }

  static PolicyFn viaJava(MlpForward f) {
    return new PolicyFn() {
      @Override
      public void evaluate(Tensor<?> obs, FloatTensor fl, FloatTensor bl, FloatTensor flow) {
        evaluate(obs, null, fl, bl, flow);
      }

      @Override
      public void evaluate(Tensor<?> obs, org.gfn4j.tensor.ByteTensor skip, FloatTensor fl, FloatTensor bl,
          FloatTensor flow) {
        f.forward(obs, skip, Heads.wrap(java.util.Map.of("forward_logits", fl, "backward_logits", bl,
            "log_flow", flow)));
      }
    };
  }

  /**
   * Blocks {@code a} and {@code b} are equal, and so are their heads over the first {@code used}
   * slots (beyond them the policy is not called).
   */
  static void assertSameRollout(Environment env, Trajectories a, HeadBlock ha, Trajectories b, HeadBlock hb,
      int used) {
    assertArrayEquals(a.cells.toArray(), b.cells.toArray());
    assertArrayEquals(a.terminal.toArray(), b.terminal.toArray());
    assertArrayEquals(a.pad.toArray(), b.pad.toArray());
    assertArrayEquals(((FloatTensor) a.obs).toArray(), ((FloatTensor) b.obs).toArray());
    assertArrayEquals(a.truncated.toArray(), b.truncated.toArray());
    assertArrayEquals(a.forwardMask.toArray(), b.forwardMask.toArray());
    assertArrayEquals(a.backwardMask.toArray(), b.backwardMask.toArray());
    assertArrayEquals(a.actions.toArray(), b.actions.toArray());
    assertArrayEquals(a.backwardActions.toArray(), b.backwardActions.toArray());
    assertArrayEquals(a.logReward.toArray(), b.logReward.toArray());
    int heads = used * a.batch();
    assertArrayEquals(ha.forwardLogits.view(0, heads, env.numActions()).toArray(),
        hb.forwardLogits.view(0, heads, env.numActions()).toArray());
    assertArrayEquals(ha.backwardLogits.view(0, heads, env.numBackwardActions()).toArray(),
        hb.backwardLogits.view(0, heads, env.numBackwardActions()).toArray());
    assertArrayEquals(ha.logFlow.view(0, heads).toArray(), hb.logFlow.view(0, heads).toArray());
  }

  @ParameterizedTest
  @CsvSource({"'hypergrid:dim=2,side=5', 0.0, 1.0, 16", "'hypergrid:dim=3,side=4,reward=hard', 0.3, 2.0, 37",
      "'hypergrid:dim=4,side=6', 1.0, 1.0, 5", "'hypergrid:dim=2,side=3', 0.1, 0.5, 300"})
  void theFusedRolloutWritesWhatForwardRolloutWrites(String envSpec, float eps, float temperature, int batch) {
    Environment env = Environments.create(envSpec);
    PolicySpec spec = spec(env);
    try (MlpForward f = policy(spec, batch);
        ForwardRollout slow = new ForwardRollout(env, new Sampler(9), batch);
        NativeRollout fast = new NativeRollout(env, new Sampler(9), batch);
        Trajectories a = Trajectories.forRollouts(env, batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        HeadBlock ha = HeadBlock.like(a);
        HeadBlock hb = HeadBlock.like(b)) {
      for (long step = 0; step < 3; step++) {
        ForwardRollout.Exploration x = new ForwardRollout.Exploration(eps, temperature, step);
        int usedSlow = slow.run(a, ha, viaJava(f), x, RolloutTimer.NONE);
        int usedFast = fast.run(b, hb, f, x, RolloutTimer.NONE);
        assertEquals(usedSlow, usedFast);
        assertTrue(usedFast >= 2 && usedFast <= a.slots());
        assertSameRollout(env, a, ha, b, hb, usedFast);
      }
      assertFalse(java.util.Arrays.equals(a.actions.toArray(), new int[a.actions.toArray().length]));
    }
  }

  @ParameterizedTest
  @CsvSource({"'hypergrid:dim=2,side=5', 16", "'hypergrid:dim=3,side=4', 37"})
  void theRolloutKeepsTheActivationsOfItsNonPaddingRowsInBlockOrder(String envSpec, int batch) {
    Environment env = Environments.create(envSpec);
    PolicySpec spec = spec(env);
    try (MlpForward f = policy(spec, batch);
        NativeRollout fast = new NativeRollout(env, new Sampler(3), batch);
        Trajectories b = Trajectories.forRollouts(env, batch);
        HeadBlock hb = HeadBlock.like(b);
        HiddenActivations kept = new HiddenActivations(spec.depth(), spec.width(), b.slots() * batch);
        HiddenActivations again = new HiddenActivations(spec.depth(), spec.width(), b.slots() * batch)) {
      int used = fast.run(b, hb, f, new ForwardRollout.Exploration(0.2f, 1f, 1), RolloutTimer.NONE, kept);
      byte[] pad = b.pad.toArray();
      float[] obs = ((FloatTensor) b.obs).toArray();
      int size = env.observationSize();
      int live = 0;
      for (int i = 0; i < used * batch; i++) {
        live += pad[i] == 0 ? 1 : 0;
      }
      assertEquals(live, kept.rows());
      assertTrue(live > batch && live < used * batch, "some trajectories end early");
      try (FloatTensor compact = FloatTensor.allocate(live, size); Heads heads = Heads.allocate(f.headSizes(), live)) {
        int r = 0;
        for (int i = 0; i < used * batch; i++) {
          if (pad[i] == 0) {
            for (int j = 0; j < size; j++) {
              compact.set((long) r * size + j, obs[i * size + j]);
            }
            r++;
          }
        }
        f.forward(compact, null, heads, again);
        assertEquals(live, again.rows());
        for (int layer = 0; layer < spec.depth(); layer++) {
          assertArrayEquals(again.layer(layer).toArray(), kept.layer(layer).toArray(), "layer " + layer);
        }
        assertArrayEquals(heads.get("log_flow").toArray(), compactRows(hb.logFlow.toArray(), pad, used * batch));
      }
    }
  }

  private static float[] compactRows(float[] values, byte[] pad, int rows) {
    float[] out = new float[rows];
    int r = 0;
    for (int i = 0; i < rows; i++) {
      if (pad[i] == 0) {
        out[r++] = values[i];
      }
    }
    return java.util.Arrays.copyOf(out, r);
  }

  @Test
  void unsupportedEnvironmentsPoliciesAndBuffersAreRefused() {
    Environment javaEnv = Environments.create("hypergrid:dim=2,side=4", Backend.JAVA, null);
    Environment env = Environments.create("hypergrid:dim=2,side=4");
    PolicySpec spec = spec(env);
    assertFalse(NativeRollout.supports(javaEnv, spec));
    assertTrue(NativeRollout.supports(env, spec));
    Environment otherReward = env.withReward(org.gfn4j.env.RewardModule.of(cells -> 0.0));
    assertFalse(NativeRollout.supports(otherReward, spec), "a replaced reward is not the step kernel's to compute");
    assertThrows(IllegalArgumentException.class, () -> new NativeRollout(otherReward, new Sampler(1), 4));
    Environment cyclic = Environments.create("hypergrid:dim=2,side=4,moves=pm");
    assertFalse(NativeRollout.supports(cyclic, spec(cyclic)), "the fused loop calls the increments grid's kernels");
    assertFalse(NativeRollout.supports(env, PolicySpec.mlp(env.observationSize(), 1, 8, Activation.RELU)
        .head("forward_logits", env.numActions())));
    assertThrows(IllegalArgumentException.class, () -> new NativeRollout(javaEnv, new Sampler(1), 4));
    assertThrows(IllegalArgumentException.class, () -> new NativeRollout(env, new Sampler(1, Backend.JAVA), 4));
    try (MlpForward f = policy(spec, 1);
        NativeRollout r = new NativeRollout(env, new Sampler(1), 4);
        Trajectories wrongBatch = Trajectories.forRollouts(env, 5);
        HeadBlock h = HeadBlock.like(wrongBatch)) {
      assertThrows(IllegalArgumentException.class,
          () -> r.run(wrongBatch, h, f, new ForwardRollout.Exploration(0, 1, 0), RolloutTimer.NONE));
    }
  }
}
