package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train / sample / bench from the command line: results, and exit code 2 with nothing written on bad input. */
class TrainCommandTest {
  @TempDir Path tmp;

  @Test
  void trainWritesTheSummaryAndSampleDrawsValidObjects() throws Exception {
    Path out = tmp.resolve("run");
    Path summary = tmp.resolve("s.json");
    CliTest.Result r = CliTest.run("", "train", "--env", "hypergrid:dim=2,side=5", "--objective", "db", "--steps", "30",
        "--eval-every", "15", "--set", "hidden=16", "--out", out.toString(), "--summary-json", summary.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject s = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
    assertEquals(30, s.get("steps").getAsInt());
    assertEquals("db", s.get("objective").getAsString());
    assertEquals(s, JsonParser.parseString(r.out().trim()).getAsJsonObject(), "stdout carries the same summary");

    CliTest.Result sample = CliTest.run("", "sample", "--run", out.toString(), "--n", "25", "--batch", "8");
    assertEquals(0, sample.code(), sample.err());
    String[] lines = sample.out().trim().split("\n");
    assertEquals(25, lines.length);
    for (String line : lines) {
      String[] parts = line.split("\t");
      CliTest.Result reward = CliTest.run(parts[0] + "\n", "reward", "--env", "hypergrid:dim=2,side=5");
      assertEquals(Double.parseDouble(parts[1]), Double.parseDouble(reward.out().trim()), 0.0, line);
    }
  }

  @Test
  void badArgumentsExitWith2AndWriteNothing() {
    String[][] cases = {
      {"--objective", "nope"},
      {"--preset", "nope"},
      {"--steps", "0"},
      {"--steps", "-5"},
      {"--batch", "x"},
      {"--env", "hypergrid:dim=0"},
      {"--set", "lr=-1"},
      {"--set", "bogus=1"},
      {"--set", "activation=swish"},
    };
    for (String[] extra : cases) {
      Path out = tmp.resolve("bad" + extra[1].hashCode());
      String[] args = new String[extra.length + 3];
      args[0] = "train";
      System.arraycopy(extra, 0, args, 1, extra.length);
      args[extra.length + 1] = "--out";
      args[extra.length + 2] = out.toString();
      CliTest.Result r = CliTest.run("", args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(Files.exists(out), "nothing may be written for " + String.join(" ", extra));
    }
  }

  @Test
  void unwritableOutputAndMissingRunsAreReported() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliTest.Result r = CliTest.run("", "train", "--steps", "5", "--out", file.resolve("sub").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not writable") || r.err().contains("not a directory"), r.err());
    CliTest.Result resume = CliTest.run("", "train", "--resume", tmp.resolve("missing").toString());
    assertEquals(2, resume.code());
    assertTrue(resume.err().contains("not a gfn4j run directory"), resume.err());
    CliTest.Result sample = CliTest.run("", "sample", "--run", tmp.toString());
    assertEquals(2, sample.code());
  }

  @Test
  void gridsTooLargeToEnumerateTrainWithoutExactMetrics() throws Exception {
    Path out = tmp.resolve("big");
    CliTest.Result r = CliTest.run("", "train", "--env", "hypergrid:dim=8,side=20", "--steps", "4", "--eval-every", "2",
        "--set", "hidden=16", "--set", "eval_rounds=1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject s = JsonParser.parseString(r.out().trim()).getAsJsonObject();
    assertFalse(s.has("exact_tv"), "20^8 states are not enumerated");
    assertEquals(Math.log(Math.pow(20, 8) * 1e-3 + Math.pow(10, 8) * 0.5 + Math.pow(4, 8) * 2.0),
        s.get("log_z_true").getAsDouble(), 1e-9, "closed-form log Z is still known");
    assertTrue(Double.isFinite(s.get("elbo").getAsDouble()));
  }

  @Test
  void benchPrintsAPerPhaseBreakdown() {
    CliTest.Result r = CliTest.run("", "bench", "--preset", "subtb_hypergrid", "--steps", "5", "--warmup", "1");
    assertEquals(0, r.code(), r.err());
    for (String phase : new String[] {"policy_forward", "sampling_env", "objective", "train_step", "optimizer", "wall",
        "allocated", "network work", "achieved", "gemm", "efficiency"}) {
      assertTrue(r.out().contains(phase), phase + " missing in\n" + r.out());
    }
    // The rollout runs natively in one call: ORT only trains (TrainStep + OptimizerStep).
    assertTrue(r.out().contains("onnxruntime           2.0 graph runs"), r.out());
  }

  @Test
  void trainProfileReportsEveryStartUpPhase() {
    CliTest.Result r = CliTest.run("", "train", "--env", "hypergrid:dim=2,side=4", "--steps", "2", "--set", "hidden=8",
        "--out", tmp.resolve("run").toString(), "--profile");
    assertEquals(0, r.code(), r.err());
    for (String phase : new String[] {"jvm start", "native library load (gfn4j)", "onnx graph building",
        "onnx session creation", "training iterations", "evaluation", "checkpoint", "plots", "sum"}) {
      assertTrue(r.err().contains(phase), phase + " missing in\n" + r.err());
    }
  }
}
