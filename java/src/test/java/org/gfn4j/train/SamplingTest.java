package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.env.Environment;
import org.gfn4j.policy.MlpForward;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfn4j sample} reads an exported MLP into the native forward where the run's settings let
 * its rollouts fuse, and then prints what ONNX Runtime's slot-by-slot sampling prints.
 */
class SamplingTest {
  @TempDir
  static Path tmp;
  private static Path run;
  private static TrainConfig config;

  @BeforeAll
  static void train() {
    run = tmp.resolve("run");
    config = TrainRunTest.small("tb_hypergrid", "hypergrid:dim=3,side=5", 60, 60);
    TrainRunTest.run(config, run, false);
  }

  private static String sample(long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Sampling.sample(run, 70, seed, 16, null, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void setNativeForward(String value) throws Exception {
    Files.writeString(run.resolve(RunDirectory.CONFIG),
        RunDirectory.open(run).readConfig().with(TrainKey.NATIVE_FORWARD, value).toJson() + "\n");
  }

  @Test
  void theNativePathPrintsWhatOnnxRuntimePrintsAndASeedReproducesIt() throws Exception {
    Environment env = TrainSetup.environment(config, null);
    Path onnx = run.resolve(RunDirectory.POLICY);
    String nativeLines;
    try (MlpForward mlp = Sampling.nativeForward(config, env, onnx)) {
      assertNotNull(mlp, "an MLP on the native hypergrid samples natively");
      nativeLines = sample(5);
    }
    assertEquals(70, nativeLines.split("\n").length);
    assertEquals(nativeLines, sample(5));
    assertNotEquals(nativeLines, sample(6));
    try {
      setNativeForward("false");
      assertNull(Sampling.nativeForward(RunDirectory.open(run).readConfig(), env, onnx));
      // The same sampler stream, and forwards that agree to float rounding (hidden 32: about 1e-8),
      // draw the same objects unless a uniform falls within that distance of a bin edge.
      assertEquals(nativeLines, sample(5));
    } finally {
      setNativeForward("true");
    }
  }

  @Test
  void runsTheFusedLoopCannotSampleUseOnnxRuntime() {
    Path onnx = run.resolve(RunDirectory.POLICY);
    TrainConfig javaKernels = config.with(TrainKey.BACKEND, "java");
    assertNull(Sampling.nativeForward(javaKernels, TrainSetup.environment(javaKernels, null), onnx));
    TrainConfig transformer = TrainRunTest.small("tb_bitseq", "bitseq:n=16,k=4", 10, 10);
    assertNull(Sampling.nativeForward(transformer, TrainSetup.environment(transformer, null), onnx));
  }
}
