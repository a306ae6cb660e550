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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole training runs: the files they leave, resuming, and learning the target. */
class TrainRunTest {
  @TempDir Path tmp;

  static JsonObject run(TrainConfig config, Path out, boolean resume) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return TrainRun.run(new TrainRun.Options(config, out, resume, null, null, quiet, false));
  }

  static TrainConfig small(String preset, String env, int steps, int evalEvery) {
    return Presets.get(preset).with(TrainKey.ENV, env).with(TrainKey.STEPS, Integer.toString(steps))
        .with(TrainKey.EVAL_EVERY, Integer.toString(evalEvery)).with(TrainKey.HIDDEN, "32")
        .with(TrainKey.EVAL_ROUNDS, "2");
  }

  @Test
  void aRunLeavesItsConfigMetricsSummaryPolicyPlotsAndCheckpoint() throws Exception {
    Path out = tmp.resolve("run");
    JsonObject summary = run(small("tb_hypergrid", "hypergrid:dim=2,side=4", 40, 20), out, false);
    for (String f : List.of("config.json", "metrics.jsonl", "summary.json", "policy.onnx", "loss.png", "log_z.png",
        "distribution.png", "bounds.png", "heatmap.png", "checkpoint/state.json")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(2, lines.size(), "evaluations at steps 20 and 40");
    JsonObject last = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    assertEquals(40, last.get("step").getAsInt());
    for (String key : List.of("exact_tv", "exact_kl", "elbo", "eubo", "log_z_learned", "log_z_true", "steps",
        "wall_seconds")) {
      assertTrue(summary.has(key), key);
    }
    double tv = summary.get("exact_tv").getAsDouble();
    assertTrue(tv >= 0 && tv <= 1, "TV in [0, 1]: " + tv);
    // 4x4 easy grid: the 4 corner states lie in the ring (R = 0.501), the other 12 have R = 1e-3
    assertEquals(Math.log(4 * 0.501 + 12 * 1e-3), summary.get("log_z_true").getAsDouble(), 1e-12);
    try (var files = Files.list(out)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }
  }

  @Test
  void resumingContinuesExactlyAsAnUninterruptedRun() throws Exception {
    assertResumeIsExact(small("db_hypergrid", "hypergrid:dim=2,side=5", 30, 10), "db");
  }

  @Test
  void resumingWithTargetNetworkAndReplayIsExactToo() throws Exception {
    assertResumeIsExact(small("softdqn_hypergrid", "hypergrid:dim=2,side=5", 30, 10)
        .with(TrainKey.REPLAY, "uniform").with(TrainKey.REPLAY_MIN, "20").with(TrainKey.REPLAY_BATCH, "32"), "dqn");
  }

  @Test
  void resumingWithPrioritizedReplayIsExactToo() throws Exception {
    assertResumeIsExact(small("mdqn_hypergrid", "hypergrid:dim=2,side=5", 30, 10)
        .with(TrainKey.REPLAY_MIN, "20").with(TrainKey.REPLAY_BATCH, "32").with(TrainKey.REPLAY_CAPACITY, "64"), "per");
  }

  @Test
  void resumingWithLocalSearchIsExactToo() throws Exception {
    assertResumeIsExact(small("ls_tb_hypergrid", "hypergrid:dim=2,side=5", 30, 10)
        .with(TrainKey.LS_ACCEPT, "stochastic").with(TrainKey.LS_REPLAY_CAPACITY, "40"), "ls");
  }

  private void assertResumeIsExact(TrainConfig full, String name) throws Exception {
    Path straight = tmp.resolve(name + "-straight");
    Path split = tmp.resolve(name + "-split");
    run(full, straight, false);
    run(full.with(TrainKey.STEPS, "20"), split, false);
    run(full, split, true);
    assertSameEvaluations(straight, split);
  }

  /** The two runs' metrics.jsonl agree line by line except for wall time. */
  static void assertSameEvaluations(Path straight, Path split) throws Exception {
    List<String> a = Files.readAllLines(straight.resolve("metrics.jsonl"));
    List<String> b = Files.readAllLines(split.resolve("metrics.jsonl"));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      JsonObject x = JsonParser.parseString(a.get(i)).getAsJsonObject();
      JsonObject y = JsonParser.parseString(b.get(i)).getAsJsonObject();
      x.remove("wall_seconds");
      y.remove("wall_seconds");
      assertEquals(x, y, "evaluation " + i + " differs after resume");
    }
  }

  @Test
  void trajectoryBalanceLearnsAnEightByEightGrid() {
    // The acceptance run: gfn4j train --env hypergrid:dim=2,side=8 --objective tb --steps 2000 --batch 16 --seed 1
    TrainConfig c = Presets.get("tb_hypergrid").with(TrainKey.ENV, "hypergrid:dim=2,side=8")
        .with(TrainKey.STEPS, "2000").with(TrainKey.SEED, "1");
    JsonObject summary = run(c, tmp.resolve("tb"), false);
    assertTrue(summary.get("exact_tv").getAsDouble() <= 0.05, summary.toString());
    assertEquals(summary.get("log_z_true").getAsDouble(), summary.get("log_z_learned").getAsDouble(), 0.1);
  }
}
