// Save/resume continuity, inference export, and clear errors for missing or corrupt artifacts.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyPersistenceTest {
  @TempDir Path tmp;

  private static void trainSteps(PolicyTrainer t, Tensor<?> obs, int from, int count) {
    for (int s = from; s < from + count; s++) {
      try (Heads u = Fixtures.randomHeads(t, (int) obs.dim(0), 100 + s, 1f)) {
        t.accumulate(obs, u);
        if (t.hasLogZ()) {
          t.logZ().accumulate(Math.sin(s) + 0.3);
        }
        t.step();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "transformer"})
  void resumedTrainingContinuesExactlyLikeUninterruptedTraining(String arch) {
    PolicySpec spec = Fixtures.spec(arch);
    OptimizerConfig opt = OptimizerConfig.adamw(1e-2, 1e-3).withLogZ(0.1, 1.5);
    Path dir = tmp.resolve("saved-" + arch);
    float[] atSave;
    float[] uninterrupted;
    double logZ;
    try (PolicyTrainer a = PolicyTrainer.create(spec, opt, 21, 1); Tensor<?> obs = Fixtures.observations(spec, 5, 1)) {
      trainSteps(a, obs, 0, 3);
      a.setLearningRate(5e-3);
      a.logZ().setLearningRate(0.07);
      a.save(dir);
      atSave = Fixtures.parameters(a);
      trainSteps(a, obs, 3, 4);
      uninterrupted = Fixtures.parameters(a);
      logZ = a.logZ().value();
    }
    try (PolicyTrainer b = PolicyTrainer.resume(dir, 1); Tensor<?> obs = Fixtures.observations(spec, 5, 1)) {
      assertEquals(spec, b.spec());
      assertArrayEquals(atSave, Fixtures.parameters(b));
      assertEquals(5e-3, b.learningRate());
      assertEquals(0.07, b.logZ().learningRate());
      assertEquals(3, b.steps());
      trainSteps(b, obs, 3, 4);
      assertArrayEquals(uninterrupted, Fixtures.parameters(b));
      assertEquals(logZ, b.logZ().value(), 0);
      assertEquals(7, b.steps());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "transformer"})
  void exportedModelGivesTheTrainersOutputs(String arch) {
    PolicySpec spec = Fixtures.spec(arch);
    Path onnx = tmp.resolve("export/" + arch + ".onnx");
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-2), 8, 1);
        Tensor<?> obs = Fixtures.observations(spec, 6, 2)) {
      trainSteps(t, obs, 0, 2);
      t.exportInference(onnx);
      try (Policy p = Policy.load(onnx, 1); Heads expected = t.newHeads(6); Heads got = p.newHeads(6)) {
        assertEquals(t.headSizes(), p.headSizes());
        assertEquals(spec.observationWidth(), p.observationWidth());
        t.forward(obs, expected);
        p.forward(obs, got);
        for (String name : expected.names()) {
          float[] e = expected.get(name).toArray();
          float[] g = got.get(name).toArray();
          for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], g[i], 1e-6 * Math.max(1, Math.abs(e[i])), name + "[" + i + "]");
          }
        }
      }
    }
  }

  @Test
  void missingOrCorruptArtifactsGiveClearErrors() throws IOException {
    PolicySpec spec = Fixtures.mlp();
    Path good = tmp.resolve("good");
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3).withLogZ(0.1, 0), 1, 1)) {
      t.save(good);
      t.exportInference(tmp.resolve("good.onnx"));
    }
    PolicyArtifactException e = assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(tmp.resolve("nowhere"), 1));
    assertTrue(e.getMessage().contains("trainer.json"), e.getMessage());

    Path noCheckpoint = copy(good, "no-checkpoint");
    Files.delete(noCheckpoint.resolve("checkpoint"));
    e = assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(noCheckpoint, 1));
    assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());

    Path garbage = copy(good, "garbage-checkpoint");
    Files.write(garbage.resolve("checkpoint"), "definitely not a flatbuffer".getBytes());
    e = assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(garbage, 1));
    assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());

    Path truncated = copy(good, "truncated-checkpoint");
    byte[] full = Files.readAllBytes(truncated.resolve("checkpoint"));
    Files.write(truncated.resolve("checkpoint"), Arrays.copyOf(full, full.length / 2));
    assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(truncated, 1));

    Path badJson = copy(good, "bad-json");
    Files.writeString(badJson.resolve("trainer.json"), "{ this is not json");
    e = assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(badJson, 1));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());

    Path otherSpec = copy(good, "other-spec");
    String json = Files.readString(otherSpec.resolve("trainer.json"));
    Files.writeString(otherSpec.resolve("trainer.json"), json.replace("\\\"width\\\":16", "\\\"width\\\":17"));
    e = assertThrows(PolicyArtifactException.class, () -> PolicyTrainer.resume(otherSpec, 1));
    assertTrue(e.getMessage().contains("mlp.layer0.weight has shape [6, 16]"), e.getMessage());

    e = assertThrows(PolicyArtifactException.class, () -> Policy.load(tmp.resolve("missing.onnx"), 1));
    assertTrue(e.getMessage().contains("missing.onnx"), e.getMessage());
    Path junk = tmp.resolve("junk.onnx");
    Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    e = assertThrows(PolicyArtifactException.class, () -> Policy.load(junk, 1));
    assertTrue(e.getMessage().contains("junk.onnx"), e.getMessage());
  }

  private Path copy(Path src, String name) throws IOException {
    Path dst = tmp.resolve(name);
    Files.createDirectories(dst);
    try (var files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    }
    return dst;
  }
}
