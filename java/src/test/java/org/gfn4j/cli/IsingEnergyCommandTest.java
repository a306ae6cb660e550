package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tb_ising energy-model settings from the command line: listed, reachable with --set, bad values exit 2. */
class IsingEnergyCommandTest {
  @TempDir Path tmp;

  private static final String[] KEYS = {"reward_model", "ebm_lr", "ebm_l1", "ebm_mh", "ebm_samples", "ebm_burn_in",
      "ebm_exchanges", "ebm_replicas", "ebm_sweeps", "ebm_min_beta"};

  @Test
  void everySettingIsListed() {
    CliTest.assertSettingsListed(KEYS);
    CliTest.assertSettingsListed("ising_ebm");
  }

  @Test
  void badValuesExitWith2AndWriteNothing() {
    String[] bad = {"reward_model=neural", "ebm_lr=0", "ebm_lr=fast", "ebm_l1=-0.1", "ebm_mh=sometimes",
        "ebm_samples=0", "ebm_burn_in=-1", "ebm_exchanges=0", "ebm_replicas=0", "ebm_sweeps=0", "ebm_min_beta=0",
        "ebm_min_beta=1.5"};
    CliTest.assertBadSettingsExit2(tmp, bad, "--preset", "tb_ising", "--env", "ising:side=2");
    Path out = tmp.resolve("grid");
    CliTest.Result r = CliTest.run("", "train", "--preset", "tb_hypergrid", "--set", "reward_model=ising_ebm",
        "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("ising"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void thePresetTrainsAndReportsTheCouplingError() throws Exception {
    Path out = tmp.resolve("ising");
    CliTest.Result r = CliTest.run("", "train", "--preset", "tb_ising", "--env", "ising:side=2,sigma=0.2",
        "--steps", "4", "--batch", "8", "--set", "eval_every=2", "--set", "hidden=16", "--set", "depth=1",
        "--set", "ebm_samples=20", "--set", "ebm_burn_in=5", "--set", "eval_rounds=1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, Files.readAllLines(out.resolve("metrics.jsonl")).size());
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("neg_log_rmse_j") && summary.contains("j_norm1"), summary);
  }
}
