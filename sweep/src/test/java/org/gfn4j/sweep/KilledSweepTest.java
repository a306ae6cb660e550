package org.gfn4j.sweep;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn4j.train.RunDirectory;
import org.gfn4j.train.TrainRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep process killed half-way (SIGKILL: no shutdown hook runs) and re-run with the same
 * command finishes the remainder: finished runs are skipped, checkpointed ones resumed exactly.
 */
class KilledSweepTest {
  @TempDir Path tmp;

  @Test
  void aSweepKilledHalfWayIsCompletedByRunningItAgain() throws Exception {
    Path grid = SweepTest.grid(tmp, "{\"presets\": [\"tb_hypergrid\", \"db_hypergrid\"], \"seeds\": [1, 2, 3], \"set\": {"
        + SweepTest.SETTINGS.replace("[40]", "[300]") + "}}");
    Path out = tmp.resolve("sweep");
    List<SweepRun> runs = Grid.load(grid, null);
    RunStore files = RunStore.of(out.toString());
    Path console = tmp.resolve("console.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the same JVM options as this test JVM (Spark's --add-opens), then the sweep's main class
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") && !a.startsWith("-Dbasedir")
            || a.startsWith("-Xss") || a.startsWith("--enable-native-access")).toList());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SweepCommand.class.getName(),
        "--grid", grid.toString(), "--out", out.toString(), "--parallelism", "2"));
    Process sweep = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile()).start();
    int done = 0;
    List<SweepRun> checkpointed = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (System.nanoTime() < deadline && sweep.isAlive()) {
      done = (int) runs.stream().filter(r -> files.summary(r) != null).count();
      if (done >= 2 && runs.stream().anyMatch(r -> files.summary(r) == null && RunStore.resumable(out.resolve("runs").resolve(r.id())))) {
        break;
      }
      Thread.sleep(50);
    }
    assertTrue(sweep.isAlive(), "the sweep ended before it could be killed half-way:\n" + Files.readString(console));
    sweep.destroyForcibly();
    assertTrue(sweep.waitFor(30, TimeUnit.SECONDS));
    done = (int) runs.stream().filter(r -> files.summary(r) != null).count();
    for (SweepRun r : runs) {
      if (files.summary(r) == null && RunStore.resumable(out.resolve("runs").resolve(r.id()))) {
        checkpointed.add(r);
      }
    }
    assertTrue(done >= 2 && done < 6, done + " runs finished when killed");
    assertFalse(checkpointed.isEmpty(), "a run was killed after its first checkpoint");
    for (String line : Files.readAllLines(console)) {
      assertTrue(line.startsWith("gfn4j sweep: ") || line.startsWith("running on ") || line.startsWith("["),
          "only the sweep's own lines reach the console: " + line);
    }

    Sweep.Report again = SweepTest.sweep(grid, out, 3, 0);
    assertEquals(done, again.count(RunResult.Status.SKIPPED));
    assertEquals(checkpointed.size(), again.count(RunResult.Status.RESUMED));
    assertEquals(6 - done - checkpointed.size(), again.count(RunResult.Status.TRAINED));
    for (SweepRun r : runs) {
      assertNotNull(files.summary(r), r.id() + " finished");
    }
    SweepRun resumed = checkpointed.get(0);
    Path straight = tmp.resolve("straight");
    TrainRun.run(new TrainRun.Options(resumed.config(), straight, false, null, null,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false));
    JsonObject expected = SweepTest.summary(straight);
    assertEquals(expected, SweepTest.summary(out.resolve("runs").resolve(resumed.id())), "the resumed run ends as an uninterrupted one");
    assertEquals(Files.readAllLines(straight.resolve(RunDirectory.METRICS)).size(),
        Files.readAllLines(out.resolve("runs").resolve(resumed.id()).resolve(RunDirectory.METRICS)).size());
  }
}
