package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every objective's preset, end to end through ONNX Runtime, learns a small hypergrid: the exact
 * distribution of its policy ends close to R/Z and far closer than where it started.
 */
class ObjectiveLearningTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"tb", "db", "subtb", "fldb", "mdb", "softdqn", "mdqn", "tlm_tb", "tlm_mdqn"})
  void presetLearnsASmallGrid(String objective) throws Exception {
    TrainConfig c = Presets.get(Presets.forObjective(objective, "hypergrid:dim=2,side=6"))
        .with(TrainKey.ENV, "hypergrid:dim=2,side=6")
        .with(TrainKey.STEPS, "1500")
        .with(TrainKey.EVAL_EVERY, "1500")
        .with(TrainKey.EPS_STEPS, objective.equals("mdb") ? "750" : "0")
        .with(TrainKey.HIDDEN, "64")
        .with(TrainKey.EVAL_ROUNDS, "2")
        .with(TrainKey.SEED, "3");
    if (objective.contains("mdqn")) {
      c = c.with(TrainKey.REPLAY_MIN, "512");
    }
    JsonObject summary = TrainRunTest.run(c, tmp.resolve(objective), false);
    double tv = summary.get("exact_tv").getAsDouble();
    assertTrue(tv < 0.03, objective + " ends at exact TV " + tv + ": " + summary);
    assertEquals(summary.get("log_z_true").getAsDouble(), summary.get("log_z_learned").getAsDouble(), 0.05,
        objective + " log Z estimate");
  }
}
