package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * {@code backend=java} trains on an environment's pure-Java twin (how a new environment trains
 * before its kernels exist); the twin matches the kernels value for value, so the run is the same.
 * Both runs train through ONNX Runtime's full graph: only the native hypergrid has the fused
 * rollout whose kept activations feed the backward-only graph, which sums the same gradients in
 * another order (equal within float rounding, see ActivationTrainingTest).
 */
class BackendSettingTest {
  private static Map<String, Double> run(String backend) {
    TrainConfig c = Presets.get(Presets.defaultName()).with(TrainKey.ENV, "hypergrid:dim=2,side=5")
        .with(TrainKey.STEPS, "60").with(TrainKey.BACKEND, backend).with(TrainKey.CORR_OBJECTS, "0")
        .with(TrainKey.HIDDEN, "32").with(TrainKey.REUSE_ACTIVATIONS, "false");
    try (Trainer t = Trainer.start(c, (java.nio.file.Path) null)) {
      assertEquals(backend.equals("java") ? Backend.JAVA : Backend.NATIVE, t.env.backend());
      while (t.step() < 60) {
        t.iterate();
      }
      return t.evaluate();
    }
  }

  @Test
  void javaTwinTrainsExactlyLikeTheNativeKernels() {
    Map<String, Double> nat = run("native");
    Map<String, Double> java = run("java");
    for (String key : new String[] {"loss", "exact_tv", "elbo", "log_z_learned"}) {
      assertEquals(nat.get(key), java.get(key), key);
    }
  }

  @Test
  void unknownBackendIsRejected() {
    TrainConfig c = Presets.get(Presets.defaultName()).with(TrainKey.BACKEND, "gpu");
    assertThrows(IllegalArgumentException.class, () -> TrainConfigs.validate(c, null));
  }
}
