package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported MLP model read into the native forward holds exactly the trainer's parameters. */
class ExportedMlpTest {
  @TempDir
  Path tmp;

  @Test
  void theExportedParametersAreTheTrainersInGraphOrder() {
    PolicySpec spec = Fixtures.mlp();
    Path onnx = tmp.resolve("policy.onnx");
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 8, 1);
        Tensor<?> obs = Fixtures.observations(spec, 7, 3);
        MlpForward synced = MlpForward.create(spec, Backend.NATIVE)) {
      try (Heads upstream = Fixtures.randomHeads(t, 7, 4, 1f)) { // move off the initial values
        t.accumulate(obs, upstream);
        t.step();
      }
      t.exportInference(onnx);
      synced.sync(t);
      Optional<MlpForward> read = ExportedMlp.load(onnx, spec);
      assertTrue(read.isPresent());
      try (MlpForward exported = read.get();
          Heads expected = synced.newHeads(7);
          Heads got = exported.newHeads(7)) {
        synced.forward(obs, expected);
        exported.forward(obs, got);
        for (String name : expected.names()) {
          assertArrayEquals(expected.get(name).toArray(), got.get(name).toArray(), name);
        }
      }
    }
  }

  @Test
  void anotherArchitectureOrAFileThatIsNoModelGivesNothing() throws Exception {
    PolicySpec spec = Fixtures.mlp();
    Path onnx = tmp.resolve("policy.onnx");
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 8, 1)) {
      t.exportInference(onnx);
    }
    PolicySpec wider = PolicySpec.mlp(6, 2, 32, Activation.RELU)
        .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
    PolicySpec renamed = PolicySpec.mlp(6, 2, 16, Activation.RELU)
        .head("forward_logits", 5).head("backward", 4).head("log_flow", 1);
    assertTrue(ExportedMlp.load(onnx, wider).isEmpty());
    assertTrue(ExportedMlp.load(onnx, renamed).isEmpty());
    assertTrue(ExportedMlp.load(onnx, Fixtures.transformer()).isEmpty());
    Path garbage = Files.writeString(tmp.resolve("garbage.onnx"), "not a model");
    assertTrue(ExportedMlp.load(garbage, spec).isEmpty());
    assertTrue(ExportedMlp.load(tmp.resolve("missing.onnx"), spec).isEmpty());
  }
}
