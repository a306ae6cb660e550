package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories cannot be stranded, mixed or silently corrupted: early failures clean up,
 * failed resumes write nothing, one writer holds the lock, default names are unique, outputs
 * are checked first, and checkpoints are verified against their manifest (with checkpoint.old
 * as the fallback).
 */
class RunDirectoryTest {
  @TempDir Path tmp;

  private static TrainConfig small(int steps) {
    return TrainRunTest.small("db_hypergrid", "hypergrid:dim=2,side=4", steps, 10);
  }

  private static JsonObject run(TrainConfig c, Path out, boolean resume, Path summaryJson, PrintStream log) {
    return TrainRun.run(new TrainRun.Options(c, out, resume, summaryJson, null, log, false));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Every file under {@code dir} with its bytes, for before/after comparisons. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), CheckpointManifest.sha256(p) + " " + Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static Path largestFile(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
          .orElseThrow();
    }
  }

  private static void flipMiddleByte(Path file) throws Exception {
    byte[] b = Files.readAllBytes(file);
    b[b.length / 2] ^= 0x5a;
    Files.write(file, b);
  }

  @Test
  void aRunThatFailsBeforeItsFirstCheckpointLeavesNoDirectory() {
    Path out = tmp.resolve("early");
    TrainConfig bad = small(20).with(TrainKey.ENV, "hypergrid:dim=2,side=4,reward=nope");
    assertThrows(IllegalArgumentException.class, () -> run(bad, out, false, null, quiet()));
    assertFalse(Files.exists(out), "nothing stranded");
    run(small(10), out, false, null, quiet()); // and a plain re-run works
    assertTrue(Files.isRegularFile(out.resolve(RunDirectory.SUMMARY)));
  }

  @Test
  void aDirectoryWithAConfigButNoCheckpointIsAcceptedByAPlainRerun() throws Exception {
    Path out = tmp.resolve("killed");
    Files.createDirectories(out);
    Files.writeString(out.resolve(RunDirectory.CONFIG), small(10).toJson()); // killed before its first checkpoint
    run(small(10), out, false, null, quiet());
    assertTrue(Files.isDirectory(out.resolve(RunDirectory.CHECKPOINT)));
    IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
        () -> run(small(10), out, false, null, quiet()));
    assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
  }

  @Test
  void aFailedResumeChangesNoFile() throws Exception {
    Path out = tmp.resolve("run");
    run(small(20), out, false, null, quiet());
    flipMiddleByte(largestFile(out.resolve(RunDirectory.CHECKPOINT).resolve(Checkpoints.POLICY)));
    flipMiddleByte(largestFile(out.resolve(RunDirectory.CHECKPOINT_OLD).resolve(Checkpoints.POLICY)));
    Files.delete(out.resolve(RunDirectory.LOCK)); // as in a run from before run locks
    Map<String, String> before = snapshot(out);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(small(40), out, true, null, quiet()));
    assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("checkpoint/policy/"), e.getMessage());
    assertFalse(e.getMessage().contains("sample_masked") || e.getMessage().contains("null"), e.getMessage());
    assertEquals(before, snapshot(out), "no file changed");
  }

  @Test
  void aCorruptCheckpointFallsBackToTheOneBeforeAndStillMatchesAnUninterruptedRun() throws Exception {
    Path straight = tmp.resolve("straight");
    Path split = tmp.resolve("split");
    run(small(40), straight, false, null, quiet());
    run(small(30), split, false, null, quiet()); // checkpoint at 30, checkpoint.old at 20
    Files.writeString(split.resolve(RunDirectory.CHECKPOINT).resolve("state.json"), "{\"step\": 30}");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    run(small(40), split, true, null, new PrintStream(log, true, StandardCharsets.UTF_8));
    String said = log.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("checkpoint/state.json is corrupt") && said.contains("resuming from checkpoint.old"), said);
    TrainRunTest.assertSameEvaluations(straight, split);
  }

  @Test
  void aMissingCheckpointFallsBackToo() throws Exception {
    Path out = tmp.resolve("run");
    run(small(30), out, false, null, quiet());
    RunDirectory.deleteTree(out.resolve(RunDirectory.CHECKPOINT));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    JsonObject s = run(small(40), out, true, null, new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(40, s.get("steps").getAsInt());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("checkpoint/ is missing"), log.toString());
  }

  @Test
  void stateJsonMustAgreeWithTheSavedPolicy() throws Exception {
    Path out = tmp.resolve("run");
    run(small(20), out, false, null, quiet());
    RunDirectory.deleteTree(out.resolve(RunDirectory.CHECKPOINT_OLD));
    Path ck = out.resolve(RunDirectory.CHECKPOINT);
    JsonObject state = JsonParser.parseString(Files.readString(ck.resolve("state.json"))).getAsJsonObject();
    state.addProperty("policy_steps", state.get("policy_steps").getAsLong() + 3);
    Files.writeString(ck.resolve("state.json"), state.toString());
    CheckpointManifest.write(ck); // a checkpoint consistent with its manifest, but not with itself
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(small(40), out, true, null, quiet()));
    assertTrue(e.getMessage().contains("state.json records") && e.getMessage().contains("policy updates"),
        e.getMessage());
  }

  @Test
  void manifestProblemsNameTheFileAndTheProblem() throws Exception {
    Path ck = tmp.resolve("checkpoint");
    Files.createDirectories(ck.resolve("policy"));
    Files.write(ck.resolve("policy").resolve("weights"), new byte[100]);
    Files.writeString(ck.resolve("state.json"), "{}");
    CheckpointManifest.write(ck);
    CheckpointManifest.verify(ck);
    Files.write(ck.resolve("policy").resolve("weights"), new byte[60]);
    assertEquals("checkpoint/policy/weights is corrupt: 60 bytes, the manifest records 100",
        assertThrows(IllegalArgumentException.class, () -> CheckpointManifest.verify(ck)).getMessage());
    Files.delete(ck.resolve("policy").resolve("weights"));
    assertEquals("checkpoint/policy/weights is missing",
        assertThrows(IllegalArgumentException.class, () -> CheckpointManifest.verify(ck)).getMessage());
    Files.delete(ck.resolve(CheckpointManifest.FILE));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CheckpointManifest.verify(ck)).getMessage()
        .startsWith("checkpoint/manifest.json is missing"));
  }

  @Test
  void oneWriterPerRunDirectory() throws Exception {
    Path out = tmp.resolve("run");
    run(small(10), out, false, null, quiet());
    try (RunDirectory held = RunDirectory.open(out).lock()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> run(small(20), out, true, null, quiet()));
      assertTrue(e.getMessage().contains("in use by another gfn4j train"), e.getMessage());
    }
    assertEquals(20, run(small(20), out, true, null, quiet()).get("steps").getAsInt(), "free again once released");
  }

  @Test
  void defaultRunNamesStartedInTheSameSecondDiffer() {
    try (RunDirectory a = RunDirectory.createUnique(tmp, "tb_hypergrid");
        RunDirectory b = RunDirectory.createUnique(tmp, "tb_hypergrid")) {
      assertNotEquals(a.path(), b.path());
      for (RunDirectory r : List.of(a, b)) {
        assertTrue(r.path().getFileName().toString().matches("tb_hypergrid-\\d{8}-\\d{6}-[0-9a-f]{4}"), r.path().toString());
      }
    }
  }

  @Test
  void outputsAreCheckedBeforeTheFirstIteration() throws Exception {
    Path out = tmp.resolve("run");
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    for (Path summary : new Path[] {file.resolve("summary.json"), tmp}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> run(small(10), out, false, summary, quiet()));
      assertTrue(e.getMessage().startsWith("--summary-json"), e.getMessage());
      assertFalse(Files.exists(out), "no training happened: " + summary);
    }
  }

  @Test
  void wallSecondsAddUpAcrossResumes() throws Exception {
    Path out = tmp.resolve("run");
    double first = run(small(20), out, false, null, quiet()).get("wall_seconds").getAsDouble();
    double second = run(small(40), out, true, null, quiet()).get("wall_seconds").getAsDouble();
    assertTrue(second > first, first + " then " + second);
    double previous = 0;
    for (String line : Files.readAllLines(out.resolve(RunDirectory.METRICS))) {
      double w = JsonParser.parseString(line).getAsJsonObject().get("wall_seconds").getAsDouble();
      assertTrue(w >= previous, "wall seconds never go back: " + line);
      previous = w;
    }
  }
}
