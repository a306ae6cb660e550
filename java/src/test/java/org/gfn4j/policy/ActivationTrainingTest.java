// Training from kept hidden activations gives the updates of ONNX Runtime's own forward + backward.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two trainers from one seed, one running ONNX Runtime's forward + backward, the other the
 * backward pass alone from hidden activations ({@link PolicyTrainer#trainsFromActivations}), take
 * one Adam step on the same observations and upstream gradients. With ε = lr = 1000 Adam's first
 * update is {@code -g / (1 + |g| / 1000)}, close to {@code -g}, so equal updates mean equal
 * gradients. The activations come from the native forward, its Java twin, or the trainer itself.
 */
class ActivationTrainingTest {
  private static final OptimizerConfig LINEAR_ADAM = OptimizerConfig.adam(1000).withEpsilon(1000);

  private static PolicySpec spec(int depth, Activation activation) {
    return PolicySpec.mlp(6, depth, 20, activation)
        .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
  }

  private enum Source { TRAINER, NATIVE, JAVA }

  private static float[] update(PolicySpec spec, boolean fromActivations, Source source, Tensor<?> obs, int n) {
    try (PolicyTrainer t = PolicyTrainer.create(spec, LINEAR_ADAM, 5, 1, fromActivations);
        Heads upstream = Fixtures.randomHeads(t, n, 8, 1f)) {
      float[] before = Fixtures.parameters(t);
      if (source == Source.TRAINER) {
        t.accumulate(obs, upstream);
      } else {
        try (MlpForward f = MlpForward.create(spec, source == Source.NATIVE ? Backend.NATIVE : Backend.JAVA);
            HiddenActivations acts = new HiddenActivations(spec.depth(), spec.width(), n);
            Heads heads = Heads.allocate(f.headSizes(), n)) {
          f.sync(t);
          f.forward(obs, null, heads, acts);
          t.accumulate(obs, acts, upstream);
        }
      }
      t.step();
      float[] after = Fixtures.parameters(t);
      for (int i = 0; i < after.length; i++) {
        after[i] -= before[i];
      }
      return after;
    }
  }

  @ParameterizedTest
  @CsvSource({"2, RELU, TRAINER", "2, RELU, NATIVE", "2, RELU, JAVA", "1, LEAKY_RELU, NATIVE", "3, TANH, TRAINER",
      "3, LEAKY_RELU, JAVA"})
  void theBackwardPassFromActivationsGivesTheFullGraphsUpdate(int depth, Activation activation, Source source) {
    PolicySpec spec = spec(depth, activation);
    int n = 37;
    try (Tensor<?> obs = Fixtures.observations(spec, n, 3)) {
      float[] full = update(spec, false, Source.TRAINER, obs, n);
      float[] fromActs = update(spec, true, source, obs, n);
      assertEquals(full.length, fromActs.length);
      double largest = 0;
      for (int i = 0; i < full.length; i++) {
        largest = Math.max(largest, Math.abs(full[i]));
        assertEquals(full[i], fromActs[i], 2e-4 * (1 + Math.abs(full[i])), "parameter element " + i);
      }
      assertTrue(largest > 0.1, "the step moved the parameters: " + largest);
    }
  }

  @Test
  void mismatchedActivationsAndUnsupportedNetworksAreRefused() {
    PolicySpec spec = spec(2, Activation.RELU);
    try (PolicyTrainer full = PolicyTrainer.create(spec, LINEAR_ADAM, 5, 1);
        PolicyTrainer fromActs = PolicyTrainer.create(spec, LINEAR_ADAM, 5, 1, true);
        Tensor<?> obs = Fixtures.observations(spec, 4, 1);
        Heads upstream = Fixtures.randomHeads(fromActs, 4, 2, 1f);
        HiddenActivations acts = new HiddenActivations(2, 20, 8);
        HiddenActivations narrow = new HiddenActivations(2, 16, 8)) {
      assertTrue(fromActs.trainsFromActivations());
      acts.setRows(3);
      assertThrows(IllegalArgumentException.class, () -> fromActs.accumulate(obs, acts, upstream));
      narrow.setRows(4);
      assertThrows(IllegalArgumentException.class, () -> fromActs.accumulate(obs, narrow, upstream));
      acts.setRows(4);
      assertThrows(IllegalStateException.class, () -> full.accumulate(obs, acts, upstream));
    }
    assertThrows(IllegalArgumentException.class,
        () -> PolicyTrainer.create(spec(2, Activation.GELU), LINEAR_ADAM, 5, 1, true));
    assertThrows(IllegalArgumentException.class,
        () -> PolicyTrainer.create(spec(0, Activation.RELU), LINEAR_ADAM, 5, 1, true));
  }

  @Test
  void skippedRowsTakeNoPlaceAmongTheKeptActivations() {
    PolicySpec spec = spec(2, Activation.RELU);
    int n = 9;
    try (MlpForward nativeForward = MlpForward.create(spec, Backend.NATIVE);
        MlpForward javaForward = MlpForward.create(spec, Backend.JAVA);
        PolicyTrainer t = PolicyTrainer.create(spec, LINEAR_ADAM, 5, 1);
        Tensor<?> obs = Fixtures.observations(spec, n, 4);
        ByteTensor skip = ByteTensor.allocate(n);
        Heads heads = Heads.allocate(nativeForward.headSizes(), n);
        HiddenActivations a = new HiddenActivations(2, 20, n);
        HiddenActivations b = new HiddenActivations(2, 20, n)) {
      nativeForward.sync(t);
      javaForward.sync(t);
      for (int i : new int[] {0, 4, 5}) {
        skip.set(i, (byte) 1);
      }
      nativeForward.forward(obs, skip, heads, a);
      javaForward.forward(obs, skip, heads, b);
      assertEquals(n - 3, a.rows());
      assertEquals(n - 3, b.rows());
      for (int layer = 0; layer < 2; layer++) {
        float[] x = a.layer(layer).toArray();
        float[] y = b.layer(layer).toArray();
        for (int i = 0; i < x.length; i++) {
          assertEquals(y[i], x[i], 1e-5f * (1 + Math.abs(y[i])));
        }
      }
      assertThrows(IllegalArgumentException.class, () -> {
        try (HiddenActivations small = new HiddenActivations(2, 20, n - 4)) {
          nativeForward.forward(obs, skip, heads, small);
        }
      });
    }
  }
}
