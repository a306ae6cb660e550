// The target network's native copy: the same heads as ONNX Runtime's target, following its updates.
package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.TargetNetwork;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {
  private static final int N = 9;
  @TempDir Path tmp;

  private static PolicySpec spec() {
    return PolicySpec.mlp(6, 2, 24, Activation.RELU)
        .head(PolicyFactory.FORWARD, 5).head(PolicyFactory.BACKWARD, 4).head(PolicyFactory.LOG_FLOW, 1);
  }

  private static FloatTensor random(long seed, long... shape) {
    Random r = new Random(seed);
    FloatTensor t = FloatTensor.allocate(shape);
    for (int i = 0; i < t.size(); i++) {
      t.set(i, 2 * r.nextFloat() - 1);
    }
    return t;
  }

  /** One optimizer step on random upstream gradients, so the online and target parameters differ. */
  private static void train(PolicyTrainer t, FloatTensor obs, long seed) {
    try (Heads u = t.newHeads(N)) {
      Random r = new Random(seed);
      for (String name : u.names()) {
        FloatTensor g = u.get(name);
        for (int i = 0; i < g.size(); i++) {
          g.set(i, (float) r.nextGaussian());
        }
      }
      t.accumulate(obs, u);
      t.step();
    }
  }

  /** Heads of the native copy (rows flagged in skip left out) against ONNX Runtime's target on every row. */
  private static void assertSameHeads(TargetPolicy copy, TargetNetwork ort, FloatTensor obs, ByteTensor skip) {
    try (FloatTensor f = FloatTensor.allocate(N, 5); FloatTensor b = FloatTensor.allocate(N, 4);
        FloatTensor flow = FloatTensor.allocate(N, 1); FloatTensor f2 = FloatTensor.allocate(N, 5);
        FloatTensor b2 = FloatTensor.allocate(N, 4); FloatTensor flow2 = FloatTensor.allocate(N, 1)) {
      copy.evaluate(obs, skip, f, b, flow);
      new NetworkPolicy(ort).evaluate(obs, f2, b2, flow2);
      for (int r = 0; r < N; r++) {
        if (skip.get(r) != 0) {
          continue;
        }
        for (FloatTensor[] pair : new FloatTensor[][] {{f, f2}, {b, b2}, {flow, flow2}}) {
          int w = (int) pair[0].dim(1);
          for (int j = 0; j < w; j++) {
            assertEquals(pair[1].get((long) r * w + j), pair[0].get((long) r * w + j), 1e-5, "row " + r);
          }
        }
      }
    }
  }

  @Test
  void nativeTargetHeadsEqualOnnxRuntimesAcrossHardAndSoftUpdates() {
    PolicySpec spec = spec();
    try (PolicyTrainer online = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 7, 1);
        TargetNetwork target = online.newTargetNetwork();
        TargetPolicy copy = new TargetPolicy(target, spec, true);
        FloatTensor obs = random(3, N, 6);
        ByteTensor skip = ByteTensor.allocate(N)) {
      assertTrue(copy.skipsRows());
      for (int r = 0; r < N; r += 3) {
        skip.set(r, (byte) 1);
      }
      assertSameHeads(copy, target, obs, skip);
      train(online, obs, 1);
      assertSameHeads(copy, target, obs, skip); // frozen: both still hold the first parameters
      copy.update(online, 0.25); // Polyak
      assertSameHeads(copy, target, obs, skip);
      train(online, obs, 2);
      copy.update(online, 1.0); // hard copy
      assertSameHeads(copy, target, obs, skip);
    }
  }

  @Test
  void withoutTheNativeForwardOnnxRuntimeEvaluatesEveryRow() {
    PolicySpec spec = spec();
    try (PolicyTrainer online = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 7, 1);
        TargetNetwork target = online.newTargetNetwork();
        TargetPolicy ort = new TargetPolicy(target, spec, false);
        FloatTensor obs = random(4, N, 6);
        ByteTensor skip = ByteTensor.allocate(N);
        FloatTensor f = FloatTensor.allocate(N, 5); FloatTensor b = FloatTensor.allocate(N, 4);
        FloatTensor flow = FloatTensor.allocate(N, 1)) {
      assertFalse(ort.skipsRows());
      skip.set(0, (byte) 1);
      ort.evaluate(obs, skip, f, b, flow);
      float[] all = flow.toArray();
      ort.evaluate(obs, f, b, flow);
      assertArrayEquals(flow.toArray(), all);
      assertTrue(all[0] != 0f);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"softdqn_hypergrid", "mdqn_hypergrid"})
  void runsWithTheNativeTargetAreDeterministicForASeed(String preset) throws Exception {
    TrainConfig c = TrainRunTest.small(preset, "hypergrid:dim=2,side=5", 30, 10).with(TrainKey.TARGET_EVERY, "3");
    TrainRunTest.run(c, tmp.resolve("a"), false);
    TrainRunTest.run(c, tmp.resolve("b"), false);
    TrainRunTest.assertSameEvaluations(tmp.resolve("a"), tmp.resolve("b"));
  }
}
