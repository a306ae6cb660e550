package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MENTS settings from the command line: listed, reachable with --set, bad values and bad combinations exit 2. */
class MctsSettingsCommandTest {
  @TempDir Path tmp;

  @Test
  void everySettingIsListed() {
    CliTest.Result r = CliTest.run("", "train", "--list-settings");
    assertEquals(0, r.code(), r.err());
    for (String key : new String[] {"mcts", "mcts_rollouts", "mcts_eps", "mcts_eval_samples", "mcts_inference",
        "mcts_softdqn_hypergrid"}) {
      assertTrue(r.out().contains(key), key + " in --list-settings");
    }
  }

  @Test
  void badValuesExitWith2AndWriteNothing() {
    String[][] bad = {{"mcts=mcts_sometimes"}, {"mcts_rollouts=0"}, {"mcts_rollouts=-2"}, {"mcts_eps=-0.1"},
        {"mcts_eps=lots"}, {"mcts_eval_samples=-1"}, {"objective=mdqn"}, {"objective=tb"}, {"softdqn_lambda=2"},
        {"replay=prioritized"}, {"backward_policy=tlm"}, {"env=hypergrid:dim=2,side=4,moves=pm"}};
    for (String[] set : bad) {
      Path out = tmp.resolve("bad" + Math.abs(set[0].hashCode()));
      CliTest.Result r = CliTest.run("", "train", "--preset", "mcts_softdqn_hypergrid", "--env", "hypergrid:dim=2,side=4",
          "--set", set[0], "--out", out.toString());
      assertEquals(2, r.code(), set[0] + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(Files.exists(out), "nothing written for " + set[0]);
    }
  }

  @Test
  void thePresetTrainsAnyHypergridAndSamplesFromItsTrees() throws Exception {
    Path out = tmp.resolve("mcts");
    CliTest.Result r = CliTest.run("", "train", "--preset", "mcts_softdqn_hypergrid", "--env", "hypergrid:dim=3,side=4",
        "--steps", "12", "--set", "eval_every=12", "--set", "hidden=32", "--set", "mcts_rollouts=3",
        "--set", "mcts_eps=0.05", "--set", "mcts_eval_samples=64", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    String config = Files.readString(out.resolve("config.json"));
    assertTrue(config.contains("\"mcts\": \"mcts_all\"") && config.contains("\"mcts_rollouts\": \"3\""), config);
    assertTrue(Files.readString(out.resolve("metrics.jsonl")).contains("\"mcts_approx_tv\""), "tree-sampled metrics");
    CliTest.Result s = CliTest.run("", "sample", "--run", out.toString(), "--n", "5");
    assertEquals(0, s.code(), s.err());
    assertEquals(5, s.out().strip().split("\n").length, s.out());
  }
}
