package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The M-DQN, prioritized-replay and backward-policy settings from the command line: listed, reachable with --set, bad values exit 2. */
class AlgorithmSettingsCommandTest {
  @TempDir Path tmp;

  private static final String[] KEYS = {"mdqn_alpha", "mdqn_l0", "softdqn_lambda", "double_dqn", "replay_alpha",
      "replay_beta_start", "replay_beta_end", "replay_beta_steps", "backward_policy", "pb_lr", "pb_lr_decay", "pb_tau",
      "pb_first", "pb_recent_batches"};

  @Test
  void everySettingIsListed() {
    CliTest.assertSettingsListed(KEYS);
    CliTest.assertSettingsListed("prioritized");
  }

  @Test
  void badValuesExitWith2AndWriteNothing() {
    String[] bad = {"mdqn_alpha=1", "mdqn_alpha=-0.1", "mdqn_l0=0.5", "softdqn_lambda=0", "softdqn_lambda=hot",
        "double_dqn=yes", "replay=sometimes", "replay_alpha=-1", "replay_beta_start=2", "replay_beta_steps=-3", "backward_policy=maxent",
        "pb_lr_decay=0", "pb_lr_decay=1.5", "pb_tau=2", "pb_lr=0", "pb_first=maybe",
        "pb_recent_batches=0"};
    CliTest.assertBadSettingsExit2(tmp, bad, "--preset", "mdqn_hypergrid", "--env", "hypergrid:dim=2,side=4");
  }

  @Test
  void theMdqnPresetTrainsAnyHypergridWithEverySettingSet() throws Exception {
    Path out = tmp.resolve("mdqn");
    CliTest.Result r = CliTest.run("", "train", "--preset", "mdqn_hypergrid", "--env", "hypergrid:dim=3,side=4",
        "--steps", "30", "--set", "eval_every=30", "--set", "hidden=32", "--set", "replay_min=64",
        "--set", "double_dqn=true", "--set", "softdqn_lambda=auto", "--set", "mdqn_alpha=0.2",
        "--set", "replay_beta_steps=10", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    String config = Files.readString(out.resolve("config.json"));
    assertTrue(config.contains("\"double_dqn\": \"true\"") && config.contains("\"replay\": \"prioritized\""), config);
  }

  @Test
  void theTlmPresetTrainsAnyHypergrid() throws Exception {
    Path out = tmp.resolve("tlm");
    CliTest.Result r = CliTest.run("", "train", "--preset", "tlm_tb_hypergrid", "--env", "hypergrid:dim=3,side=4",
        "--steps", "20", "--set", "eval_every=20", "--set", "hidden=32", "--set", "pb_first=false",
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(out.resolve("config.json")).contains("\"backward_policy\": \"tlm\""));
  }
}
