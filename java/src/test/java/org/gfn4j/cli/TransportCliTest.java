package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimal-transport settings from the command line: the {@code ot_max_states} setting and the
 * {@code ot_hypergrid} preset are listed, the grid's {@code source} parameter is documented, bad
 * values exit 2 writing nothing, and a short run reports W1 and the cost ratios in its summary.
 */
class TransportCliTest {
  @TempDir Path tmp;

  @Test
  void theSettingThePresetAndTheSourceParameterAreDocumented() {
    CliTest.Result settings = CliTest.run("", "train", "--list-settings");
    assertEquals(0, settings.code(), settings.err());
    assertTrue(settings.out().contains("ot_max_states") && settings.out().contains("ot_hypergrid"), settings.out());
    CliTest.Result envs = CliTest.run("", "envs");
    assertEquals(0, envs.code(), envs.err());
    assertTrue(envs.out().contains("corner:B"), envs.out());
  }

  @Test
  void badValuesExitWith2AndWriteNothing() {
    String grid = "hypergrid:dim=2,side=4,moves=pm";
    String[][] bad = {
        {"--env", grid, "--set", "ot_max_states=-1"},
        {"--env", grid, "--set", "ot_max_states=many"},
        {"--env", grid + ",source=corner:x"},
        {"--env", grid + ",source=corner:1e9"},
        {"--env", grid + ",source=gauss"},
        {"--env", "hypergrid:dim=2,side=4,source=corner:1"}};
    for (String[] args : bad) {
      Path out = tmp.resolve("bad" + Math.abs(String.join(" ", args).hashCode()));
      String[] full = new String[args.length + 5];
      full[0] = "train";
      full[1] = "--preset";
      full[2] = "ot_hypergrid";
      System.arraycopy(args, 0, full, 3, args.length);
      full[args.length + 3] = "--out";
      full[args.length + 4] = out.toString();
      CliTest.Result r = CliTest.run("", full);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
    }
  }

  @Test
  void aShortRunReportsW1AndTheCostRatios() throws Exception {
    Path out = tmp.resolve("ot");
    Path summary = tmp.resolve("summary.json");
    CliTest.Result r = CliTest.run("", "train", "--preset", "ot_hypergrid", "--env",
        "hypergrid:dim=2,side=3,moves=pm,source=corner:1", "--steps", "20", "--set", "eval_every=20",
        "--set", "hidden=16", "--out", out.toString(), "--summary-json", summary.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject s = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
    for (String key : new String[] {"ot_w1", "ot_cost", "ot_cost_ratio", "exact_ot_cost_ratio"}) {
      assertTrue(s.has(key) && Double.isFinite(s.get(key).getAsDouble()), key + " in " + s);
    }
    assertTrue(s.get("ot_w1").getAsDouble() > 0, s.toString());
    CliTest.Result off = CliTest.run("", "train", "--preset", "ot_hypergrid", "--env",
        "hypergrid:dim=2,side=3,moves=pm,source=corner:1", "--steps", "2", "--set", "eval_every=2",
        "--set", "hidden=16", "--set", "ot_max_states=0", "--out", tmp.resolve("off").toString(),
        "--summary-json", tmp.resolve("off.json").toString());
    assertEquals(0, off.code(), off.err());
    assertFalse(Files.readString(tmp.resolve("off.json")).contains("ot_w1"), "ot_max_states=0 turns the metrics off");
  }
}
