package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluation samples in the fused native loop when the run's policy is a native MLP forward on the
 * native hypergrid: the metrics are those of the slot-by-slot loop with the same forward, close to
 * ONNX Runtime's, and the same for a seed.
 */
class NativeEvaluationTest {
  private static final long SEED = 21;

  private static TrainConfig config(long seed) {
    return TrainRunTest.small("tb_hypergrid", "hypergrid:dim=2,side=6", 40, 40)
        .with(TrainKey.SEED, Long.toString(seed)).with(TrainKey.EVAL_ROUNDS, "4");
  }

  /** An evaluator as a run builds it: ground truth for the EUBO, test objects for the correlation. */
  private static Evaluator evaluator(Environment env) {
    StateSpace space = StateSpace.enumerate(env, 1 << 16);
    return new Evaluator(env, space, space.logZ(), SEED, 16, 4, false, TrainSetup.groundTruth(space, 16, SEED),
        TrainSetup.testObjects(space, 32, SEED), 0);
  }

  @Test
  void theFusedEvaluationHasTheSlotBySlotMetricsAndOnnxRuntimesWithinRounding() {
    // gfnx's width: ORT's and gfn4j's kernels sum the 256-long dot products in different orders.
    try (Trainer t = Trainer.start(config(SEED).with(TrainKey.HIDDEN, "256"), (java.nio.file.Path) null);
        Evaluator e = evaluator(t.env)) {
      assertNotNull(t.nativeForward);
      for (int i = 0; i < 30; i++) { // a policy that has moved away from uniform
        t.iterate();
      }
      assertTrue(e.samplesNatively(t.nativeForward));
      Map<String, Double> fused = e.evaluate(new NetworkPolicy(t.nativeForward), t.nativeForward);
      Map<String, Double> slotBySlot = e.evaluate(new NetworkPolicy(t.nativeForward), null);
      assertEquals(slotBySlot, fused, "the same forward and sampler stream draw the same trajectories");
      Map<String, Double> ort = e.evaluate(new NetworkPolicy(t.policy), null);
      assertEquals(ort.keySet(), fused.keySet());
      assertTrue(fused.containsKey("elbo") && fused.containsKey("top_10_reward"), fused.toString());
      // Both loops draw with the same uniforms and the forwards agree to float rounding (logits
      // within about 4e-7 here, 1e-5 relative is what NativeForwardTrainingTest requires), so the
      // trajectories are the same unless a uniform falls that close to a bin edge, and each metric
      // moves by the rounding summed over a trajectory (at most 11 steps) or over the 36 states of
      // the exact distribution: about 1e-7 observed; 1e-3 bounds 11 steps of 1e-5-relative logits.
      ort.forEach((k, v) -> assertEquals(v, fused.get(k), 1e-3 * (1 + Math.abs(v)), k));
    }
  }

  @Test
  void aSeedGivesTheSameEvaluationAndAnotherSeedAnother() {
    Map<String, Double> first = evaluateAfterTraining(SEED);
    assertEquals(first, evaluateAfterTraining(SEED));
    assertNotEquals(first.get("elbo"), evaluateAfterTraining(SEED + 1).get("elbo"));
  }

  private static Map<String, Double> evaluateAfterTraining(long seed) {
    try (Trainer t = Trainer.start(config(seed), (java.nio.file.Path) null)) {
      for (int i = 0; i < 10; i++) {
        t.iterate();
      }
      return t.evaluate();
    }
  }

  /** A native forward of the run's MLP on {@code env} with random parameters. */
  private static MlpForward randomMlp(Environment env) {
    MlpForward f = MlpForward.create(PolicyFactory.spec(config(SEED), env), Backend.NATIVE);
    try (FloatTensor flat = FloatTensor.allocate(MlpForward.parameterCount(f.spec()))) {
      Random r = new Random(4);
      for (int i = 0; i < flat.size(); i++) {
        flat.set(i, (float) r.nextGaussian() * 0.3f);
      }
      f.load(flat);
    }
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"hypergrid:dim=2,side=4,moves=pm", "permutations:n=3", "java:hypergrid:dim=2,side=4"})
  void environmentsTheFusedLoopDoesNotKnowAreEvaluatedSlotBySlot(String spec) {
    Environment env = spec.startsWith("java:") ? Environments.create(spec.substring(5), Backend.JAVA, null)
        : Environments.create(spec);
    try (MlpForward f = randomMlp(env);
        Evaluator e = new Evaluator(env, null, 0.0, SEED, 8, 2, false, null, null, 0)) {
      assertFalse(e.samplesNatively(f));
      Map<String, Double> withMlp = e.evaluate(new NetworkPolicy(f), f);
      assertEquals(e.evaluate(new NetworkPolicy(f), null), withMlp);
      assertTrue(withMlp.containsKey("elbo"), withMlp.toString());
    }
  }

  @Test
  void theOnnxRuntimeForwardEvaluatesSlotBySlot() {
    try (Trainer t = Trainer.start(config(SEED).with(TrainKey.NATIVE_FORWARD, "false"), (java.nio.file.Path) null);
        Evaluator e = evaluator(t.env)) {
      assertEquals(null, t.nativeForward, "native_forward=false leaves the evaluation no native forward to fuse");
      assertFalse(e.samplesNatively(t.nativeForward));
      assertTrue(Double.isFinite(t.evaluate().get("elbo")));
    }
  }
}
