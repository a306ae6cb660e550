// PolicyTrainer: architecture, initialisation, accumulate/reset/step semantics, logZ, training.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.check.ReferenceNetwork;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterInit;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTrainerTest {
  /** β1 = β2 = 0 and a huge ε make Adam memoryless and linear: Δw = −lr·g/(|g| + ε) ≈ −lr·g/ε. */
  private static final OptimizerConfig MEMORYLESS = OptimizerConfig.adam(1.0).withBetas(0, 0).withEpsilon(1e3);

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "transformer"})
  void forwardComputesTheSpecifiedArchitecture(String arch) {
    PolicySpec spec = Fixtures.spec(arch);
    ReferenceNetwork ref = new ReferenceNetwork(spec);
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 3, 1)) {
      List<double[]> params = Fixtures.split(spec, Fixtures.parameters(t));
      for (int n : new int[] {1, 7, 3}) {
        try (Tensor<?> obs = Fixtures.observations(spec, n, n); Heads h = t.newHeads(n)) {
          t.forward(obs, h);
          Map<String, double[]> expected = ref.forward(Fixtures.doubles(obs), n, params);
          for (String name : h.names()) {
            float[] got = h.get(name).toArray();
            double[] want = expected.get(name);
            for (int i = 0; i < got.length; i++) {
              assertEquals(want[i], got[i], 1e-5 * Math.max(1, Math.abs(want[i])), arch + " " + name + "[" + i + "] n=" + n);
            }
          }
        }
      }
    }
  }

  @Test
  void initialParametersAreReproducibleFromTheSeed() {
    PolicySpec spec = Fixtures.mlp();
    float[] expected = new float[0];
    for (float[] p : ParameterInit.initialize(NetworkGraph.of(spec).parameters(), 11)) {
      float[] merged = Arrays.copyOf(expected, expected.length + p.length);
      System.arraycopy(p, 0, merged, expected.length, p.length);
      expected = merged;
    }
    try (PolicyTrainer a = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 11, 1);
        PolicyTrainer b = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 11, 1);
        PolicyTrainer c = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 12, 1)) {
      assertArrayEquals(expected, Fixtures.parameters(a));
      assertArrayEquals(Fixtures.parameters(a), Fixtures.parameters(b));
      assertFalse(Arrays.equals(Fixtures.parameters(a), Fixtures.parameters(c)));
      // Equinox-style init: the first Linear's values lie within ±1/√fan_in.
      float[] p = Fixtures.parameters(a);
      for (int i = 0; i < 6 * 16 + 16; i++) {
        assertTrue(Math.abs(p[i]) <= 1 / Math.sqrt(6) + 1e-7);
      }
    }
  }

  private static float[] train(PolicySpec spec, OptimizerConfig opt, TrainerScript script) {
    try (PolicyTrainer t = PolicyTrainer.create(spec, opt, 5, 1);
        Tensor<?> obs = Fixtures.observations(spec, 4, 9);
        Heads u1 = Fixtures.randomHeads(t, 4, 1, 1f);
        Heads u2 = Fixtures.randomHeads(t, 4, 2, 1f);
        Heads twice = t.newHeads(4)) {
      for (String name : twice.names()) {
        FloatTensor dst = twice.get(name);
        for (int i = 0; i < dst.size(); i++) {
          dst.set(i, 2 * u1.get(name).get(i));
        }
      }
      script.run(t, obs, u1, u2, twice);
      return Fixtures.parameters(t);
    }
  }

  interface TrainerScript {
    void run(PolicyTrainer t, Tensor<?> obs, Heads u1, Heads u2, Heads twiceU1);
  }

  @Test
  void accumulatingTwiceEqualsOneStepOnTheSummedGradient() {
    PolicySpec spec = Fixtures.mlp();
    float[] twice = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, u1);
      t.accumulate(o, u1);
      t.step();
    });
    float[] doubled = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, d);
      t.step();
    });
    float[] once = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, u1);
      t.step();
    });
    assertArrayEquals(doubled, twice);
    assertFalse(Arrays.equals(once, twice));
  }

  @Test
  void stepStartsTheNextAccumulationFromZero() {
    PolicySpec spec = Fixtures.mlp();
    float[][] afterFirst = new float[1][];
    float[] sequential = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, u1);
      t.step();
      afterFirst[0] = Fixtures.parameters(t);
      t.accumulate(o, u2);
      t.step();
    });
    // The same second step from a fresh trainer holding the first step's parameters.
    float[] fresh = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      try (FloatTensor p = FloatTensor.of(afterFirst[0], afterFirst[0].length)) {
        t.copyParametersFrom(p);
      }
      t.accumulate(o, u2);
      t.step();
    });
    assertArrayEquals(fresh, sequential);
  }

  @Test
  void zeroGradientsDiscardsWhatWasAccumulated() {
    PolicySpec spec = Fixtures.mlp();
    float[] discarded = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, u1);
      t.zeroGradients();
      t.accumulate(o, u2);
      t.step();
    });
    float[] only = train(spec, MEMORYLESS, (t, o, u1, u2, d) -> {
      t.accumulate(o, u2);
      t.step();
    });
    assertArrayEquals(only, discarded);
  }

  @Test
  void stepWithoutGradientsAndZeroLearningRateLeaveParametersUnchanged() {
    PolicySpec spec = Fixtures.mlp();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adamw(1e-2, 1e-2), 1, 1);
        Tensor<?> obs = Fixtures.observations(spec, 3, 1);
        Heads u = Fixtures.randomHeads(t, 3, 1, 1f)) {
      float[] p0 = Fixtures.parameters(t);
      t.step();
      assertArrayEquals(p0, Fixtures.parameters(t));
      assertEquals(0, t.steps());
      t.setLearningRate(0);
      assertEquals(0, t.learningRate());
      t.accumulate(obs, u);
      t.step();
      assertArrayEquals(p0, Fixtures.parameters(t));
      assertEquals(1, t.steps());
      t.setLearningRate(1e-2);
      t.accumulate(obs, u);
      t.step();
      assertFalse(Arrays.equals(p0, Fixtures.parameters(t)));
      assertThrows(IllegalArgumentException.class, () -> t.setLearningRate(-1));
      assertThrows(IllegalArgumentException.class, () -> t.setLearningRate(Double.NaN));
    }
  }

  @Test
  void firstAdamStepMovesEachParameterByTheLearningRate() {
    PolicySpec spec = Fixtures.mlp();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1);
        Tensor<?> obs = Fixtures.observations(spec, 8, 1);
        Heads u = Fixtures.randomHeads(t, 8, 1, 1f)) {
      float[] p0 = Fixtures.parameters(t);
      t.accumulate(obs, u);
      t.step();
      float[] p1 = Fixtures.parameters(t);
      int moved = 0;
      for (int i = 0; i < p0.length; i++) {
        double d = Math.abs(p1[i] - p0[i]);
        // m̂/(√v̂+ε) = g/(|g|+ε): |Δ| = lr unless the gradient is (near) zero.
        assertTrue(d <= 1e-3 * (1 + 1e-4), "parameter " + i + " moved " + d);
        moved += d > 0.9e-3 ? 1 : 0;
      }
      assertTrue(moved > p0.length / 2, moved + " of " + p0.length + " moved by lr");
    }
  }

  @Test
  void logZFollowsItsOwnAdam() {
    PolicySpec spec = Fixtures.mlp();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3).withLogZ(0.1, 0.5), 1, 1)) {
      LogZ z = t.logZ();
      assertEquals(0.5, z.value());
      z.accumulate(2.0);
      z.accumulate(-0.5);
      assertEquals(1.5, z.gradient());
      t.step();
      double m = 0.1 * 1.5;
      double v = 0.001 * 1.5 * 1.5;
      double expected = 0.5 - 0.1 * (m / 0.1) / (Math.sqrt(v / 0.001) + 1e-8);
      assertEquals(expected, z.value(), 1e-12);
      assertEquals(0, z.gradient());
      z.setLearningRate(0.05);
      z.accumulate(-1.0);
      t.step();
      m = 0.9 * m + 0.1 * -1.0;
      v = 0.999 * v + 0.001;
      expected -= 0.05 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
      assertEquals(expected, z.value(), 1e-12);
      assertEquals(2, z.steps());
      double before = z.value();
      t.step(); // no gradient: no change
      assertEquals(before, z.value(), 0);
    }
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1)) {
      assertFalse(t.hasLogZ());
      assertThrows(IllegalStateException.class, t::logZ);
    }
  }

  @Test
  void trainingFitsARegressionTarget() {
    PolicySpec spec = PolicySpec.mlp(4, 2, 32, Activation.TANH).head("y", 2);
    int n = 64;
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 2, 1);
        Tensor<?> obs = Fixtures.observations(spec, n, 3);
        Heads out = t.newHeads(n);
        Heads grad = t.newHeads(n)) {
      FloatTensor x = (FloatTensor) obs;
      double first = 0;
      double last = 0;
      for (int step = 0; step < 300; step++) {
        t.forward(obs, out);
        double loss = 0;
        for (int r = 0; r < n; r++) {
          double[] target = {Math.sin(2 * x.get(r * 4)) * x.get(r * 4 + 1), x.get(r * 4 + 2) * x.get(r * 4 + 3)};
          for (int c = 0; c < 2; c++) {
            double e = out.get("y").get(r * 2 + c) - target[c];
            loss += e * e / n;
            grad.get("y").set(r * 2 + c, (float) (2 * e / n));
          }
        }
        first = step == 0 ? loss : first;
        last = loss;
        t.accumulate(obs, grad);
        t.step();
      }
      assertTrue(last < first / 20, "loss went from " + first + " to " + last);
    }
  }

  @Test
  void badInputsAreRejected() {
    PolicySpec spec = Fixtures.mlp();
    PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1);
    try (Heads h = t.newHeads(3);
        FloatTensor wide = FloatTensor.allocate(3, 7);
        Tensor<?> ints = Fixtures.observations(Fixtures.transformer(), 3, 1);
        Tensor<?> obs = Fixtures.observations(spec, 3, 1);
        Tensor<?> obs4 = Fixtures.observations(spec, 4, 1);
        Heads partial = Heads.wrap(Map.of("forward_logits", h.get("forward_logits")))) {
      assertThrows(IllegalArgumentException.class, () -> t.forward(wide, h));
      assertThrows(IllegalArgumentException.class, () -> t.forward(ints, h));
      assertThrows(IllegalArgumentException.class, () -> t.forward(obs4, h));
      assertThrows(IllegalArgumentException.class, () -> t.forward(obs, partial));
      assertThrows(IllegalArgumentException.class, () -> t.accumulate(obs4, h));
      assertThrows(IllegalArgumentException.class, () -> t.newHeads(0));
      assertThrows(IllegalArgumentException.class, () -> PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 0));
      assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).validate());
      assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).head("dlogits_grad", 3));
      assertThrows(IllegalArgumentException.class, () -> PolicySpec.transformer(5, 6, 9, 1, 2, 8));
      t.close();
      assertThrows(IllegalStateException.class, () -> t.forward(obs, h));
      assertThrows(IllegalStateException.class, t::step);
    }
    t.close(); // idempotent
  }

  @Test
  void tokensOutsideTheVocabularyAreRejected() {
    PolicySpec spec = Fixtures.transformer();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1);
        PolicyTrainer f = PolicyTrainer.create(spec.withFloatTokens(), OptimizerConfig.adam(1e-3), 1, 1);
        Tensor<?> obs = Fixtures.observations(spec, 2, 1);
        FloatTensor floats = FloatTensor.allocate(2, spec.maxLen());
        Heads h = t.newHeads(2)) {
      org.gfn4j.tensor.IntTensor tokens = (org.gfn4j.tensor.IntTensor) obs;
      for (int bad : new int[] {spec.vocab(), 99, -1}) {
        tokens.set(3, bad);
        assertThrows(IllegalArgumentException.class, () -> t.forward(obs, h));
        assertThrows(IllegalArgumentException.class, () -> t.accumulate(obs, h));
      }
      floats.set(3, 1.5f);
      assertThrows(IllegalArgumentException.class, () -> f.forward(floats, h));
      floats.set(3, Float.NaN);
      assertThrows(IllegalArgumentException.class, () -> f.forward(floats, h));
      tokens.set(3, 1);
      t.forward(obs, h); // still usable
    }
  }

  @Test
  void floatTokensAreCastInTheGraph() {
    PolicySpec ints = Fixtures.transformer();
    PolicySpec floats = ints.withFloatTokens();
    try (PolicyTrainer a = PolicyTrainer.create(ints, OptimizerConfig.adam(1e-3), 4, 1);
        PolicyTrainer b = PolicyTrainer.create(floats, OptimizerConfig.adam(1e-3), 4, 1);
        Tensor<?> tokens = Fixtures.observations(ints, 3, 2);
        FloatTensor asFloat = FloatTensor.allocate(3, ints.maxLen());
        Heads ha = a.newHeads(3);
        Heads hb = b.newHeads(3)) {
      double[] d = Fixtures.doubles(tokens);
      for (int i = 0; i < d.length; i++) {
        asFloat.set(i, (float) d[i]);
      }
      a.forward(tokens, ha);
      b.forward(asFloat, hb);
      for (String name : ha.names()) {
        assertArrayEquals(ha.get(name).toArray(), hb.get(name).toArray(), name);
      }
    }
  }
}
