package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.ising.IsingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tb_ising runs with the learned reward: J recovery as training goes, what the run files report, resuming. */
class IsingEnergyRunTest {
  @TempDir Path tmp;

  private static TrainConfig small(int steps, int evalEvery) {
    // gfnx's procedure (MH filter included) on 9 spins; a weaker L1 than gfnx's 0.1, whose pull
    // toward 0 would cap the recovery, and a log Z rate that lets the sampler keep up with J
    return Presets.get("tb_ising").withAll(Map.of("env", "ising:side=3,sigma=0.1", "batch", "64",
        "steps", Integer.toString(steps), "eval_every", Integer.toString(evalEvery), "hidden", "64", "depth", "2",
        "lr", "1e-3", "logz_lr", "0.1", "ebm_lr", "1e-3", "ebm_l1", "0.01"))
        .with(TrainKey.EBM_SAMPLES, "500").with(TrainKey.EBM_BURN_IN, "100").with(TrainKey.EVAL_ROUNDS, "1");
  }

  @Test
  void jointTrainingRecoversTheCouplingOnASmallTorus() throws Exception {
    Path out = tmp.resolve("ising");
    JsonObject summary = TrainRunTest.run(small(200, 100), out, false);
    double[] truth = new IsingConfig(3, 0.1).coupling();
    double s = 0;
    for (double v : truth) {
      s += v * v;
    }
    double atZero = -Math.log(Math.sqrt(s / truth.length)); // J = 0, where training starts
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(2, lines.size());
    double first = JsonParser.parseString(lines.get(0)).getAsJsonObject().get("neg_log_rmse_j").getAsDouble();
    double last = summary.get("neg_log_rmse_j").getAsDouble();
    // + 0.5 is an RMSE 1.65 times smaller than at J = 0
    assertTrue(first > atZero + 0.5, "-log RMSE " + first + " after 100 steps, " + atZero + " at J = 0");
    assertTrue(last > atZero + 0.5, "-log RMSE " + last + " after 200 steps, " + atZero + " at J = 0");
    JsonObject lastLine = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    for (String key : List.of("j_norm1", "ebm_loss", "ebm_accept", "elbo", "log_z_learned")) {
      assertTrue(lastLine.has(key), key + " in metrics.jsonl");
    }
    assertFalse(lastLine.has("exact_tv"), "no exact metrics against a reward that keeps changing");
  }

  @Test
  void resumingContinuesExactlyWithTheLearnedCoupling() throws Exception {
    TrainConfig full = small(30, 10);
    Path straight = tmp.resolve("straight");
    Path split = tmp.resolve("split");
    TrainRunTest.run(full, straight, false);
    TrainRunTest.run(full.with(TrainKey.STEPS, "20"), split, false);
    assertTrue(Files.size(split.resolve("checkpoint/reward_model.bin")) > 0);
    TrainRunTest.run(full, split, true);
    TrainRunTest.assertSameEvaluations(straight, split);
  }
}
