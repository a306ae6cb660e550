// The native MLP forward and its Java twin against each other and against ONNX Runtime.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlpForwardTest {
  private static final double TOLERANCE = 1e-5;

  /** Width 40 is off the 16-float vector grid (padding), 32 on it (in-place packing); a head wider than a vector. */
  private static PolicySpec spec(int depth, Activation activation) {
    return spec(depth, 40, activation);
  }

  private static PolicySpec spec(int depth, int width, Activation activation) {
    return PolicySpec.mlp(30, depth, width, activation)
        .head("forward_logits", 5).head("backward_logits", 20).head("log_flow", 1);
  }

  private static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual, double tol) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      float[] e = expected.get(name);
      float[] a = actual.get(name);
      assertEquals(e.length, a.length, name);
      for (int i = 0; i < e.length; i++) {
        assertTrue(Math.abs(e[i] - a[i]) <= tol * (1 + Math.abs(e[i])),
            name + "[" + i + "]: expected " + e[i] + " got " + a[i]);
      }
    }
  }

  private static Map<String, float[]> run(PolicyNetwork net, Tensor<?> obs) {
    try (Heads h = net.newHeads((int) obs.dim(0))) {
      net.forward(obs, h);
      return Fixtures.snapshot(h);
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void nativeAndJavaEqualOnnxRuntimeOnTheSameWeights(Activation activation) {
    for (int[] shape : new int[][] {{0, 40}, {1, 40}, {2, 40}, {1, 32}, {2, 32}}) {
      PolicySpec spec = spec(shape[0], shape[1], activation);
      try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 7, 1);
          Tensor<?> obs = Fixtures.observations(spec, 37, 11);
          MlpForward nat = MlpForward.create(spec, Backend.NATIVE);
          MlpForward java = MlpForward.create(spec, Backend.JAVA)) {
        for (int round = 0; round < 2; round++) {
          nat.sync(t);
          java.sync(t);
          Map<String, float[]> ort = run(t, obs);
          assertClose(ort, run(nat, obs), TOLERANCE);
          assertClose(ort, run(java, obs), TOLERANCE);
          try (Heads u = Fixtures.randomHeads(t, 37, round, 1f)) { // new parameters for round 2
            t.accumulate(obs, u);
            t.step();
          }
        }
      }
    }
  }

  @Test
  void everyInstructionSetComputesTheJavaTwinsFusedMultiplyAdds() {
    PolicySpec spec = spec(2, Activation.LEAKY_RELU);
    Gemm.Isa best = Gemm.isa();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 3, 1);
        Tensor<?> obs = Fixtures.observations(spec, 53, 2);
        MlpForward nat = MlpForward.create(spec, Backend.NATIVE);
        MlpForward java = MlpForward.create(spec, Backend.JAVA)) {
      nat.sync(t);
      java.sync(t);
      Map<String, float[]> expected = run(java, obs);
      for (Gemm.Isa isa : Gemm.Isa.values()) {
        if (isa.compareTo(best) > 0) {
          break;
        }
        Gemm.setIsa(isa);
        Map<String, float[]> actual = run(nat, obs);
        if (isa == Gemm.Isa.PORTABLE) { // no fma: products are rounded before the sum
          assertClose(expected, actual, TOLERANCE);
        } else {
          for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), isa + " " + name);
          }
        }
      }
    } finally {
      Gemm.setIsa(best);
    }
  }

  @Test
  void skippedRowsGetZeroHeadsAndTheOthersKeepTheirValues() {
    PolicySpec spec = spec(2, Activation.RELU);
    for (Backend backend : Backend.values()) {
      try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 5, 1);
          Tensor<?> obs = Fixtures.observations(spec, 20, 3);
          ByteTensor skip = ByteTensor.allocate(20);
          MlpForward f = MlpForward.create(spec, backend);
          Heads all = f.newHeads(20);
          Heads some = Fixtures.randomHeads(f, 20, 9, 1f)) {
        f.sync(t);
        for (int r = 0; r < 20; r += 3) {
          skip.set(r, (byte) 1);
        }
        f.forward(obs, all);
        f.forward(obs, skip, some);
        for (String name : all.names()) {
          FloatTensor a = all.get(name);
          FloatTensor s = some.get(name);
          int width = (int) a.dim(1);
          for (int i = 0; i < a.size(); i++) {
            float expected = (i / width) % 3 == 0 ? 0f : a.get(i);
            assertEquals(expected, s.get(i), backend + " " + name + "[" + i + "]");
          }
        }
      }
    }
  }

  @Test
  void theThreadCountChangesNoBit() {
    PolicySpec spec = PolicySpec.mlp(80, 2, 256, Activation.RELU)
        .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
    int before = NativeLibrary.numThreads();
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 1, 1);
        Tensor<?> obs = Fixtures.observations(spec, 1001, 4);
        MlpForward f = MlpForward.create(spec, Backend.NATIVE)) {
      f.sync(t);
      NativeLibrary.setNumThreads(1);
      Map<String, float[]> one = run(f, obs);
      NativeLibrary.setNumThreads(3);
      Map<String, float[]> three = run(f, obs);
      for (String name : one.keySet()) {
        assertArrayEquals(one.get(name), three.get(name), name);
      }
    } finally {
      NativeLibrary.setNumThreads(before);
    }
  }

  @Test
  void gemmEqualsItsJavaTwinOnRaggedShapes() {
    int[][] shapes = {{1, 1, 1}, {7, 37, 19}, {13, 16, 300}, {64, 70, 65}};
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      try (FloatTensor a = random(m, k, 1); FloatTensor b = random(k, n, 2);
          FloatTensor c1 = FloatTensor.allocate(m, n); FloatTensor c2 = FloatTensor.allocate(m, n)) {
        Gemm.multiply(Backend.NATIVE, a, b, c1);
        Gemm.multiply(Backend.JAVA, a, b, c2);
        for (int i = 0; i < m * n; i++) {
          assertEquals(c2.get(i), c1.get(i), TOLERANCE * (1 + Math.abs(c2.get(i))), "shape " + m + "x" + n + "x" + k);
        }
      }
    }
  }

  private static FloatTensor random(int rows, int cols, long seed) {
    java.util.Random r = new java.util.Random(seed);
    FloatTensor t = FloatTensor.allocate(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.set(i, 2 * r.nextFloat() - 1);
    }
    return t;
  }

  @Test
  void badInputIsRefusedBeforeAnyNativeCall() {
    PolicySpec spec = spec(1, Activation.TANH);
    assertThrows(IllegalArgumentException.class, () -> MlpForward.create(Fixtures.transformer(), Backend.NATIVE));
    try (MlpForward f = MlpForward.create(spec, Backend.NATIVE);
        FloatTensor wrongWidth = FloatTensor.allocate(4, 29);
        Tensor<?> obs = Fixtures.observations(spec, 4, 1);
        ByteTensor skip = ByteTensor.allocate(3);
        Heads h = f.newHeads(4);
        FloatTensor flat = FloatTensor.allocate(MlpForward.parameterCount(spec) - 1)) {
      assertThrows(IllegalStateException.class, () -> f.forward(obs, h));
      assertThrows(IllegalArgumentException.class, () -> f.load(flat));
      try (FloatTensor zeros = FloatTensor.allocate(MlpForward.parameterCount(spec))) {
        f.load(zeros);
      }
      assertThrows(IllegalArgumentException.class, () -> f.forward(wrongWidth, h));
      assertThrows(IllegalArgumentException.class, () -> f.forward(obs, skip, h));
      f.close();
      assertThrows(IllegalStateException.class, () -> f.forward(obs, h));
    }
    try (FloatTensor a = FloatTensor.allocate(2, 3); FloatTensor c = FloatTensor.allocate(2, 2)) {
      assertThrows(IllegalArgumentException.class, () -> Gemm.multiply(Backend.NATIVE, a, a, c));
    }
  }
}
