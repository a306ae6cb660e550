package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary model files do not outlive their process: not on close, not on SIGTERM, not after kill -9. */
class TempDirsTest {
  @TempDir Path tmp;

  @Test
  void sigtermRemovesTheTemporaryModelFiles() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), TempDirProbe.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertNotNull(line, "the probe printed its directory");
      Path dir = Path.of(line);
      assertTrue(dir.startsWith(tmp) && Files.isRegularFile(dir.resolve("training.onnx")), line);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertFalse(Files.exists(dir), "removed by the shutdown hook: " + dir);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void directoriesOfDeadProcessesAreSweptAndLiveOnesKept() throws Exception {
    long dead = ProcessHandle.current().pid();
    do {
      dead += 7919;
    } while (ProcessHandle.of(dead).isPresent());
    Path stale = Files.createDirectories(tmp.resolve(Artifacts.PREFIX + dead + "-123").resolve("sub"));
    Files.writeString(stale.resolve("training.onnx"), "x");
    Path live = Files.createDirectories(tmp.resolve(Artifacts.PREFIX + ProcessHandle.current().pid() + "-456"));
    Path foreign = Files.createDirectories(tmp.resolve(Artifacts.PREFIX + "notapid"));
    TempDirs.sweep(tmp, Artifacts.PREFIX);
    assertFalse(Files.exists(stale.getParent()), "a killed process's files are removed");
    assertTrue(Files.exists(live) && Files.exists(foreign), "others are left alone");
  }

  @Test
  void closeRemovesTheDirectory() {
    PolicySpec spec = PolicySpec.mlp(4, 1, 8, Activation.TANH).head("forward_logits", 2);
    Artifacts a = Artifacts.write(spec, OptimizerConfig.adam(1e-3), 3L, false);
    assertTrue(a.dir.getFileName().toString().startsWith(Artifacts.PREFIX + ProcessHandle.current().pid() + "-"));
    a.close();
    assertFalse(Files.exists(a.dir));
  }
}
