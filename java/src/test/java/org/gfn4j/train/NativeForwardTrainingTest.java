package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.policy.Heads;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Training with rollouts on the native MLP forward: reproducible, and always on the current parameters. */
class NativeForwardTrainingTest {
  private static TrainConfig config(String threads) {
    return TrainRunTest.small("db_hypergrid", "hypergrid:dim=3,side=6", 40, 40).with(TrainKey.THREADS, threads)
        .with(TrainKey.BATCH, "128"); // enough live rows for the forward to use threads
  }

  private static double[] losses(TrainConfig config, int steps) {
    double[] out = new double[steps];
    try (Trainer t = Trainer.start(config, (java.nio.file.Path) null)) {
      assertNotNull(t.nativeForward);
      for (int i = 0; i < steps; i++) {
        out[i] = t.iterate();
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void aSeedGivesTheSameRunAtAGivenThreadCount(String threads) {
    double[] first = losses(config(threads), 25);
    assertArrayEquals(first, losses(config(threads), 25));
    assertTrue(first[0] != first[24], "the policy learns, so losses change");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7})
  void theNativeForwardEvaluatesTheParametersOfTheLastOptimizerStep(int steps) {
    try (Trainer t = Trainer.start(config("1"), (java.nio.file.Path) null);
        FloatTensor obs = FloatTensor.allocate(33, t.env.observationSize());
        Heads ort = t.policy.newHeads(33);
        Heads nat = t.policy.newHeads(33)) {
      for (int i = 0; i < steps; i++) {
        t.iterate();
      }
      Random r = new Random(steps);
      for (int i = 0; i < obs.size(); i++) {
        obs.set(i, r.nextFloat());
      }
      t.policy.forward(obs, ort);
      t.nativeForward.forward(obs, nat);
      for (String name : ort.names()) {
        for (int i = 0; i < ort.get(name).size(); i++) {
          float e = ort.get(name).get(i);
          assertEquals(e, nat.get(name).get(i), 1e-5 * (1 + Math.abs(e)), name + "[" + i + "]");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"false"})
  void theOnnxRuntimeForwardRemainsSelectable(String value) {
    try (Trainer t = Trainer.start(config("1").with(TrainKey.NATIVE_FORWARD, value), (java.nio.file.Path) null)) {
      assertNull(t.nativeForward);
      assertTrue(Double.isFinite(t.iterate()));
    }
  }

  @org.junit.jupiter.api.Test
  void trainingFromTheRolloutsActivationsFollowsOnnxRuntimesOwnForward() {
    TrainConfig reuse = config("1");
    TrainConfig own = config("1").with(TrainKey.REUSE_ACTIVATIONS, "false");
    try (Trainer a = Trainer.start(reuse, (java.nio.file.Path) null);
        Trainer b = Trainer.start(own, (java.nio.file.Path) null)) {
      assertTrue(a.policy.trainsFromActivations());
      assertTrue(!b.policy.trainsFromActivations());
    }
    // The same gradients up to float rounding: the first updates agree closely (later ones drift
    // apart as sampled trajectories start to differ).
    double[] x = losses(reuse, 6);
    double[] y = losses(own, 6);
    for (int i = 0; i < 3; i++) {
      assertEquals(y[i], x[i], 1e-3 * (1 + Math.abs(y[i])), "iteration " + i);
    }
    try (Trainer replayed = Trainer.start(reuse.with(TrainKey.REPLAY, "uniform"), (java.nio.file.Path) null)) {
      assertTrue(!replayed.policy.trainsFromActivations(), "replayed blocks bring no kept activations");
    }
  }
}
