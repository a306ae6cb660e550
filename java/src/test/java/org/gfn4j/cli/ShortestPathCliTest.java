package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 2×2×2 cube and the shortest-path settings from the command line. */
class ShortestPathCliTest {
  @TempDir Path tmp;

  @Test
  void rewardReadsCellsOrMovesAndRejectsUnreachableArrangements() {
    CliTest.Result r = CliTest.run("0,1,2,3,4,5,6,0,0,0,0,0,0,0\nR U F'\n", "reward", "--env", "cube2");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().trim().split("\n");
    assertEquals(2, lines.length);
    assertEquals(0.0, Double.parseDouble(lines[1]), 0.0);
    for (String bad : new String[] {"0,1,2,3,4,5,6,1,0,0,0,0,0,0\n", "0,1,2\n", "R X\n", "0,1,2,3,4,5,7,0,0,0,0,0,0,0\n"}) {
      CliTest.Result b = CliTest.run(bad, "reward", "--env", "cube2");
      assertEquals(2, b.code(), bad + b.err());
      assertFalse(b.err().contains("\tat "), b.err());
    }
    assertEquals(2, CliTest.run("", "exact", "--env", "cube2:max_steps=0").code());
  }

  @Test
  void settingsAreListedAndBadValuesExitWith2() {
    CliTest.Result list = CliTest.run("", "train", "--list-settings");
    for (String key : new String[] {"path_scrambles", "path_samples", "path_depth", "shortest_path_cube2",
        "shortest_path_permutations"}) {
      assertTrue(list.out().contains(key), key + " in --list-settings");
    }
    String[][] bad = {{"shortest_path_cube2", "path_samples=0"}, {"shortest_path_cube2", "path_scrambles=-1"},
        {"shortest_path_cube2", "path_depth=x"}, {"shortest_path_permutations", "path_scrambles=4"},
        {"shortest_path_cube2", "train_backward=false"}};
    for (String[] b : bad) {
      CliTest.Result r = CliTest.run("", "train", "--preset", b[0], "--set", b[1], "--steps", "2",
          "--out", tmp.resolve("bad" + Math.abs(b[1].hashCode())).toString());
      assertEquals(2, r.code(), b[1] + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void theCubePresetReportsPathAndSolveMetricsInItsSummary() throws Exception {
    Path out = tmp.resolve("cube");
    CliTest.Result r = CliTest.run("", "train", "--preset", "shortest_path_cube2", "--steps", "4",
        "--set", "eval_every=4", "--set", "hidden=16", "--set", "batch=8", "--set", "path_scrambles=4",
        "--set", "path_samples=2", "--set", "path_depth=1", "--set", "eval_batch=8", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject s = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
    for (String key : new String[] {"path_length", "path_ratio", "path_optimal", "path_budget", "solve_reached",
        "solve_budget", "log_z_learned", "log_z_true"}) {
      assertTrue(s.has(key), key + " in " + s);
    }
    assertTrue(s.get("path_ratio").getAsDouble() >= 1);
    assertEquals(2.0, s.get("solve_budget").getAsDouble());
    assertEquals(Math.log(3674160), s.get("log_z_true").getAsDouble(), 1e-9);
  }
}
