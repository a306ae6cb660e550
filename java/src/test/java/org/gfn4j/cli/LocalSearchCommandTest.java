package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.env.sequence.SequenceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local search from the command line: listed, reachable with --set, bad values exit 2, its presets train. */
class LocalSearchCommandTest {
  @TempDir Path tmp;

  private static final String[] KEYS = {"ls_iterations", "ls_backtrack", "ls_accept", "ls_replay_batch",
      "ls_replay_capacity", "ls_replay_top"};

  @Test
  void everySettingAndPresetIsListed() {
    CliTest.Result r = CliTest.run("", "train", "--list-settings");
    assertEquals(0, r.code(), r.err());
    for (String key : KEYS) {
      assertTrue(r.out().contains(key), key + " in --list-settings");
    }
    for (String preset : new String[] {"ls_tb_hypergrid", "ls_tb_qm9_small", "ls_tb_tfbind", "mdqn_bitseq",
        "tlm_tb_bitseq"}) {
      assertTrue(r.out().contains(preset), preset + " in --list-settings");
    }
  }

  @Test
  void badValuesExitWith2AndWriteNothing() {
    String[][] bad = {{"--set", "ls_iterations=-1"}, {"--set", "ls_backtrack=0"}, {"--set", "ls_accept=greedy"},
        {"--set", "ls_replay_batch=-2"}, {"--set", "ls_replay_capacity=0"}, {"--set", "ls_replay_top=0"},
        {"--set", "ls_replay_top=1.5"}, {"--set", "replay=uniform"}, {"--set", "mcts=mcts_train"},
        {"--env", "hypergrid:dim=2,side=4,moves=pm"}, {"--set", "ls_iterations=2000000000"}};
    for (String[] set : bad) {
      Path out = tmp.resolve("bad" + Math.abs(String.join(" ", set).hashCode()));
      String[] args = {"train", "--preset", "ls_tb_hypergrid", "--env", "hypergrid:dim=2,side=4", "--out",
          out.toString(), set[0], set[1]};
      CliTest.Result r = CliTest.run("", args);
      assertEquals(2, r.code(), String.join(" ", set) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(Files.exists(out), "nothing written for " + String.join(" ", set));
    }
  }

  @Test
  void theHypergridPresetTrainsAnyHypergridWithEverySettingSet() throws Exception {
    Path out = tmp.resolve("ls");
    CliTest.Result r = CliTest.run("", "train", "--preset", "ls_tb_hypergrid", "--env", "hypergrid:dim=3,side=4",
        "--steps", "20", "--set", "eval_every=20", "--set", "hidden=32", "--set", "ls_iterations=2",
        "--set", "ls_backtrack=2", "--set", "ls_accept=metropolis", "--set", "ls_replay_batch=3",
        "--set", "ls_replay_capacity=50", "--set", "ls_replay_top=0.2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    String config = Files.readString(out.resolve("config.json"));
    assertTrue(config.contains("\"ls_accept\": \"metropolis\"") && config.contains("\"ls_replay_top\": \"0.2\""),
        config);
    double rate = JsonParser.parseString(Files.readAllLines(out.resolve("metrics.jsonl")).get(0)).getAsJsonObject()
        .get("ls_acceptance").getAsDouble();
    assertTrue(rate >= 0 && rate <= 1, "acceptance rate " + rate);
  }

  @Test
  void localSearchWalksBackWithASeparateBackwardPolicy() throws Exception {
    for (String choice : new String[] {"tlm", "pessimistic"}) {
      Path out = tmp.resolve(choice);
      CliTest.Result r = CliTest.run("", "train", "--preset", "ls_tb_hypergrid", "--env", "hypergrid:dim=2,side=5",
          "--steps", "12", "--set", "eval_every=12", "--set", "hidden=16", "--set", "backward_policy=" + choice,
          "--set", "ls_accept=stochastic", "--out", out.toString());
      assertEquals(0, r.code(), choice + ": " + r.err());
      assertTrue(Files.readString(out.resolve("config.json")).contains("\"backward_policy\": \"" + choice + "\""));
    }
  }

  @Test
  void theTfbindPresetNeedsTheUsersTable() throws Exception {
    Path missing = tmp.resolve("missing");
    CliTest.Result r = CliTest.run("", "train", "--preset", "ls_tb_tfbind", "--data", tmp.resolve("data").toString(),
        "--out", missing.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("TFBind8 table") && r.err().contains("tfbind8:table=PATH"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(missing));
    Path out = tmp.resolve("tfbind");
    r = CliTest.run("", "train", "--preset", "ls_tb_tfbind", "--env", "tfbind8:table=" + SequenceFixtures.tfbindTable(),
        "--steps", "6", "--set", "eval_every=6", "--set", "hidden=16", "--set", "eval_rounds=1",
        "--set", "corr_objects=16", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(out.resolve("config.json")).contains("\"ls_iterations\": \"7\""));
  }

  @Test
  void theQm9PresetTrains() throws Exception {
    Path out = tmp.resolve("qm9");
    CliTest.Result r = CliTest.run("", "train", "--preset", "ls_tb_qm9_small", "--env",
        "qm9:table=" + SequenceFixtures.qm9Table(), "--steps", "4", "--set", "eval_every=4", "--set", "hidden=16",
        "--set", "eval_rounds=1", "--set", "corr_objects=16", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
  }
}
