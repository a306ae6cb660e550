package org.gfn4j.sweep;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.cli.Main;
import org.gfn4j.train.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on Spark in local mode (2 threads): same results as one-by-one runs, retries, and re-runs. */
class SweepTest {
  static final String SETTINGS =
      "\"env\": [\"hypergrid:dim=2,side=4\"], \"steps\": [40], \"eval_every\": [20], \"hidden\": [32], \"eval_rounds\": [2]";
  static final String GRID = "{\"presets\": [\"tb_hypergrid\", \"db_hypergrid\"], \"seeds\": [1, 2, 3], \"set\": {"
      + SETTINGS + "}}";

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path finished;

  static Sweep.Report sweep(Path grid, Path out, int maxAttempts, int injectedFaults) {
    return sweep(grid, out.toString(), maxAttempts, injectedFaults);
  }

  static Sweep.Report sweep(Path grid, String out, int maxAttempts, int injectedFaults) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Sweep.run(new Sweep.Options(grid, "local[*]", out, 2, maxAttempts, null, quiet, false, injectedFaults));
  }

  static Path grid(Path dir, String json) throws IOException {
    Path g = dir.resolve("grid.json");
    Files.writeString(g, json);
    return g;
  }

  /** The 2 presets x 3 seeds sweep, run once for the tests that read it. */
  static synchronized Path finishedSweep() throws IOException {
    if (finished == null) {
      Path out = shared.resolve("sweep");
      Sweep.Report report = sweep(grid(shared, GRID), out, 3, 0);
      assertEquals(6, report.count(RunResult.Status.TRAINED), report.toString());
      finished = out;
    }
    return finished;
  }

  static JsonObject summary(Path runDir) throws IOException {
    JsonObject s = JsonParser.parseString(Files.readString(runDir.resolve(RunDirectory.SUMMARY))).getAsJsonObject();
    s.remove("wall_seconds");
    return s;
  }

  @Test
  void aSweepGivesTheSameSummariesAsTheRunsMadeOneByOneWithTrain() throws Exception {
    Path out = finishedSweep();
    List<String> rows = Files.readAllLines(out.resolve(Results.CSV));
    assertEquals(7, rows.size(), "header and one row per run");
    assertTrue(Files.size(out.resolve("plots/exact_tv.png")) > 0);
    List<JsonObject> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(Results.JSONL))) {
      records.add(JsonParser.parseString(line).getAsJsonObject());
    }
    assertEquals(6, records.size());
    for (JsonObject r : records) {
      String preset = r.get("preset").getAsString();
      String seed = r.get("seed").getAsString();
      Path one = tmp.resolve(preset + "-" + seed);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.execute(System.in, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), "train", "--preset", preset, "--seed", seed,
          "--set", "env=hypergrid:dim=2,side=4", "--set", "steps=40", "--set", "eval_every=20", "--set", "hidden=32",
          "--set", "eval_rounds=2", "--out", one.toString());
      assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
      JsonObject expected = summary(one);
      assertEquals(expected, summary(out.resolve("runs").resolve(r.get("id").getAsString())), preset + " seed " + seed);
      JsonObject reported = r.getAsJsonObject("summary");
      reported.remove("wall_seconds");
      assertEquals(expected, reported, "results.jsonl carries the run's summary");
      assertEquals("trained", r.get("status").getAsString());
    }
  }

  @Test
  void reRunningAFinishedSweepStartsNoTraining() throws Exception {
    Path out = finishedSweep();
    Map<Path, FileTime> before = new HashMap<>();
    try (var runs = Files.list(out.resolve("runs"))) {
      for (Path run : runs.toList()) {
        for (String f : List.of(RunDirectory.SUMMARY, RunDirectory.METRICS, RunDirectory.CONFIG)) {
          before.put(run.resolve(f), Files.getLastModifiedTime(run.resolve(f)));
        }
      }
    }
    assertEquals(18, before.size());
    Sweep.Report again = sweep(out.getParent().resolve("grid.json"), out, 3, 0);
    assertEquals(6, again.count(RunResult.Status.SKIPPED), again.toString());
    for (Map.Entry<Path, FileTime> e : before.entrySet()) {
      assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was rewritten");
    }
    assertTrue(Files.readString(out.resolve(Results.CSV)).contains(",skipped,"));
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndSucceedsWithItsErrorRecorded() throws Exception {
    Path out = tmp.resolve("retry");
    Sweep.Report report = sweep(grid(tmp, "{\"presets\": [\"db_hypergrid\"], \"seeds\": [5], \"set\": {" + SETTINGS
        + "}}"), out, 3, 1);
    Results.Row row = report.rows().get(0);
    assertEquals(RunResult.Status.TRAINED, row.status());
    assertEquals(1, row.failedAttempts());
    assertTrue(row.error().contains("injected fault"), row.error());
    assertTrue(Files.isRegularFile(out.resolve("runs").resolve(row.run().id()).resolve(RunDirectory.SUMMARY)));
    String csv = Files.readString(out.resolve(Results.CSV));
    assertTrue(csv.contains(",trained,1,IllegalStateException: injected fault (test hook),"), csv);
  }

  @Test
  void aRunFailingEveryAttemptIsReportedAsFailedWithItsError() throws Exception {
    Path out = tmp.resolve("fail");
    Sweep.Report report = sweep(grid(tmp, "{\"presets\": [\"db_hypergrid\"], \"seeds\": [5, 6], \"set\": {" + SETTINGS
        + "}}"), out, 2, 2);
    assertEquals(2, report.count(RunResult.Status.FAILED), report.toString());
    for (Results.Row row : report.rows()) {
      assertEquals(2, row.failedAttempts());
      assertTrue(row.error().contains("injected fault"), row.error());
      assertNull(row.summary());
    }
    assertTrue(Files.readString(out.resolve(Results.JSONL)).contains("\"status\":\"failed\""));
  }
}
