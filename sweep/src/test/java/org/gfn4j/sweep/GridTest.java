package org.gfn4j.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grid files: expansion to the cartesian product, run ids, and bad entries named before anything runs. */
class GridTest {
  @TempDir Path tmp;

  @Test
  void aGridExpandsToTheCartesianProductOfEveryList() {
    List<SweepRun> runs = Grid.parse("g.json", "{\"presets\": [\"tb_hypergrid\", \"db_hypergrid\"], \"seeds\": [1, 2, 3],"
        + " \"set\": {\"env\": [\"hypergrid:dim=2,side=4\", \"hypergrid:dim=2,side=5\"], \"steps\": 30}}", null);
    assertEquals(2 * 3 * 2, runs.size());
    assertEquals(12, runs.stream().map(SweepRun::id).distinct().count(), "every combination has its own id");
    SweepRun first = runs.get(0);
    assertEquals("tb_hypergrid", first.preset());
    assertEquals(1, first.seed());
    assertEquals("hypergrid:dim=2,side=4", first.config().get(TrainKey.ENV));
    assertEquals(30, first.config().getInt(TrainKey.STEPS));
    assertEquals("tb_hypergrid env=hypergrid:dim=2,side=4", first.setting(), "only varied settings label a setting");
    SweepRun db = runs.stream().filter(r -> r.preset().equals("db_hypergrid")).findFirst().orElseThrow();
    assertEquals("db", db.config().get(TrainKey.OBJECTIVE), "the preset's own settings are kept");
    Set<String> combos = runs.stream().map(r -> r.preset() + r.seed() + r.set()).collect(Collectors.toSet());
    assertEquals(12, combos.size());
  }

  @Test
  void aYamlGridIsTheSameGridAsItsJson() throws Exception {
    Path yaml = tmp.resolve("g.yaml");
    Files.writeString(yaml, "presets: [tb_hypergrid, db_hypergrid]\nseeds: [1, 2]\nset:\n  env: ['hypergrid:dim=2,side=4']\n"
        + "  lr: [0.002, 1e-3]\n  train_backward: false\n");
    Path json = tmp.resolve("g.json");
    Files.writeString(json, "{\"presets\": [\"tb_hypergrid\", \"db_hypergrid\"], \"seeds\": [1, 2], \"set\": {"
        + "\"env\": [\"hypergrid:dim=2,side=4\"], \"lr\": [0.002, \"1e-3\"], \"train_backward\": false}}");
    // YAML reads 1e-3 as the number 0.001, the same run
    assertEquals(Grid.load(json, null).stream().map(SweepRun::id).toList(),
        Grid.load(yaml, null).stream().map(SweepRun::id).toList());
    assertEquals(8, Grid.load(yaml, null).size());
    Files.writeString(yaml, "presets: [tb_hypergrid\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.load(yaml, null));
    assertTrue(e.getMessage().startsWith("g.yaml: not valid YAML"), e.getMessage());
  }

  @Test
  void theRunIdIsTheHashOfTheResolvedSettings() {
    SweepRun a = Grid.parse("a", "{\"presets\": [\"tb_hypergrid\"], \"seeds\": [7]}", null).get(0);
    SweepRun b = Grid.parse("b", "{\"presets\": [\"tb_hypergrid\"]}", null).get(0);
    assertEquals(Presets.get("tb_hypergrid").getLong(TrainKey.SEED), b.seed(), "no seeds: the preset's seed");
    assertEquals(Grid.id(Presets.get("tb_hypergrid")), b.id());
    assertEquals(a.id(), Grid.id(Presets.get("tb_hypergrid").with(TrainKey.SEED, "7")));
    SweepRun c = Grid.parse("c", "{\"presets\": [\"tb_hypergrid\"], \"seeds\": [7], \"set\": {\"lr\": [\"1e-3\"]}}", null)
        .get(0);
    assertEquals(a.id(), c.id(), "setting a value to its preset value changes nothing");
    SweepRun c2 = Grid.parse("c", "{\"presets\": [\"tb_hypergrid\"], \"seeds\": [7], \"set\": {\"lr\": [0.0010]}}", null)
        .get(0);
    assertEquals(a.id(), c2.id(), "0.0010 is the preset's 1e-3");
    SweepRun d = Grid.parse("d", "{\"presets\": [\"tb_hypergrid\"], \"seeds\": [7], \"set\": {\"lr\": [0.002]}}", null)
        .get(0);
    assertNotEquals(a.id(), d.id());
    List<SweepRun> dup = Grid.parse("e", "{\"presets\": [\"tb_hypergrid\", \"tb_hypergrid\"], \"seeds\": [1, 1]}", null);
    assertEquals(1, dup.size(), "identical combinations are one run");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"presets\": [\"tb_hypergrid\", \"nope\"]}|presets[1]: unknown preset 'nope'",
    "{\"presets\": []}|'presets' is empty",
    "{\"seeds\": [1]}|'presets' is missing",
    "{\"presets\": [\"tb_hypergrid\"], \"seeds\": [1, \"x\"]}|seeds[1]: 'seed' must be an integer",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"bogus\": [1]}}|set.bogus: unknown training setting 'bogus'",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"steps\": [10, -5]}}|set.steps[1]: 'steps' must be ",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"steps\": []}}|'set.steps' is empty",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"seed\": [1]}}|set.seed: list seeds under \"seeds\"",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"env\": [\"hypergrid:dim=0\"]}}|tb_hypergrid {env=hypergrid:dim=0}: ",
    "{\"presets\": [\"tb_hypergrid\"], \"sets\": {}}|unknown entry 'sets'",
    "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"lr\": [[1]]}}|set.lr[0]: expected a string, number or boolean",
    "[1, 2]|not valid JSON",
  })
  void aBadGridIsRejectedNamingTheEntry(String grid, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse("g.json", grid, null));
    assertTrue(e.getMessage().startsWith("g.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void theCommandExitsWith2OnABadGridBeforeAnythingRuns() throws Exception {
    Path grid = tmp.resolve("bad.json");
    Files.writeString(grid, "{\"presets\": [\"tb_hypergrid\"], \"set\": {\"steps\": [0]}}");
    Path out = tmp.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepCommand.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--grid", grid.toString(), "--out", out.toString());
    assertEquals(2, code);
    String message = err.toString(StandardCharsets.UTF_8).trim();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("gfn4j sweep: bad.json: set.steps[0]: 'steps' must be "), message);
    assertFalse(Files.exists(out), "nothing was written");
    assertEquals(2, SweepCommand.execute(System.out, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), "--grid", tmp.resolve("missing.json").toString()));
    Path ok = tmp.resolve("ok.json");
    Files.writeString(ok, "{\"presets\": [\"tb_hypergrid\"]}");
    assertEquals(2, SweepCommand.execute(System.out, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), "--grid", ok.toString(), "--master", "mesos://x", "--out", out.toString()));
    assertFalse(Files.exists(out), "nothing was written");
  }
}
