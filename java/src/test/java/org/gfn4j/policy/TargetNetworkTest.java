// Target networks: frozen copies evaluated with the same graph, updated by Polyak averaging.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetNetworkTest {
  private static void step(PolicyTrainer t, Tensor<?> obs, long seed) {
    try (Heads u = Fixtures.randomHeads(t, (int) obs.dim(0), seed, 1f)) {
      t.accumulate(obs, u);
      t.step();
    }
  }

  private static float[] all(Heads h) {
    float[] out = new float[0];
    for (String name : h.names()) {
      float[] v = h.get(name).toArray();
      float[] m = Arrays.copyOf(out, out.length + v.length);
      System.arraycopy(v, 0, m, out.length, v.length);
      out = m;
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "transformer"})
  void targetCopiesTheTrainerAndStaysFrozenUntilUpdated(String arch) {
    PolicySpec spec = Fixtures.spec(arch);
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 3, 1);
        Tensor<?> obs = Fixtures.observations(spec, 4, 5);
        TargetNetwork target = t.newTargetNetwork();
        Heads online = t.newHeads(4);
        Heads frozen = target.newHeads(4)) {
      t.forward(obs, online);
      target.forward(obs, frozen);
      assertArrayEquals(all(online), all(frozen));
      float[] before = all(frozen);
      step(t, obs, 1);
      t.forward(obs, online);
      target.forward(obs, frozen);
      assertArrayEquals(before, all(frozen));
      assertFalse(Arrays.equals(all(online), all(frozen)));
      target.softUpdate(t, 1.0);
      target.forward(obs, frozen);
      assertArrayEquals(all(online), all(frozen));
      assertArrayEquals(Fixtures.parameters(t), target.parameters().toArray());
    }
  }

  @Test
  void parameterBindingsSurviveManyBatchSizes() {
    // 55 parameter inputs plus four values per batch size: more than any small value cache holds.
    PolicySpec spec = PolicySpec.transformer(7, 5, 8, 3, 2, 8)
        .perPositionHead("forward_logits", 2).head("backward_logits", 2).pooledHead("log_flow", 1, Pooling.FIRST);
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 3, 1);
        TargetNetwork target = t.newTargetNetwork()) {
      for (int round = 0; round < 2; round++) {
        for (int n = 1; n <= 16; n++) {
          try (Tensor<?> obs = Fixtures.observations(spec, n, n); Heads a = t.newHeads(n); Heads b = target.newHeads(n)) {
            t.forward(obs, a);
            target.forward(obs, b);
            assertArrayEquals(all(a), all(b), "n=" + n);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(floats = {0f, 0.005f, 0.25f})
  void softUpdateIsAPolyakAverageOfParameters(float tau) {
    PolicySpec spec = Fixtures.mlp();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 3, 1);
        Tensor<?> obs = Fixtures.observations(spec, 4, 5);
        TargetNetwork target = t.newTargetNetwork()) {
      step(t, obs, 1);
      step(t, obs, 2);
      float[] old = target.parameters().toArray();
      float[] online = Fixtures.parameters(t);
      target.softUpdate(t, tau);
      float[] expected = new float[old.length];
      for (int i = 0; i < old.length; i++) {
        float a = (1f - tau) * old[i];
        float b = tau * online[i];
        expected[i] = a + b;
      }
      assertArrayEquals(expected, target.parameters().toArray());
      assertThrows(IllegalArgumentException.class, () -> target.softUpdate(t, 1.5));
    }
  }
}
