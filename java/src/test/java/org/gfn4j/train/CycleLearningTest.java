package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The non-acyclic presets, end to end through ONNX Runtime on small cyclic state graphs: the
 * exact terminal distribution (absorbing chain) ends close to R/Z, log Z is learned through the
 * fixed first edge at the presets' own log Z rate, and the summary reports exact TV (and, on
 * permutations, the L1 of the fixed-point law), the exact mean trajectory length, log Z, the
 * exact EUBO and the correlation of the exact log P(x) with log R(x).
 */
class CycleLearningTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
      "nonacyclic_db_hypergrid, 'hypergrid:dim=2,side=4,moves=pm'",
      "nonacyclic_sdb_hypergrid, 'hypergrid:dim=2,side=4,moves=pm'",
      "nonacyclic_db_permutations, 'permutations:n=4'",
      "ot_hypergrid, 'hypergrid:dim=2,side=4,moves=pm,source=corner:0.5'",
      "nonacyclic_db_permutations, 'permutations:n=4,source=fixed:-1'"})
  void presetLearnsASmallCyclicGraph(String preset, String env) throws Exception {
    TrainConfig c = Presets.get(preset)
        .with(TrainKey.ENV, env)
        .with(TrainKey.STEPS, "1500")
        .with(TrainKey.EVAL_EVERY, "1500")
        .with(TrainKey.BATCH, "16")
        .with(TrainKey.HIDDEN, "64")
        .with(TrainKey.EVAL_ROUNDS, "2")
        .with(TrainKey.SEED, "3");
    JsonObject summary = TrainRunTest.run(c, tmp.resolve(preset), false);
    double tv = summary.get("exact_tv").getAsDouble();
    assertTrue(tv < 0.1, preset + " ends at exact TV " + tv + ": " + summary);
    assertTrue(summary.get("exact_mean_length").getAsDouble() >= 1, summary.toString());
    double eubo = summary.get("eubo").getAsDouble(); // exact (backward absorbing chain): a KL, so >= 0
    assertTrue(eubo >= -1e-9 && eubo < 0.5, preset + " EUBO " + eubo);
    assertTrue(summary.get("pearson").getAsDouble() > 0.9, preset + " correlation of the exact log P(x) with log R: "
        + summary);
    // Every first edge is a transport problem (uniform or not): W1 and the cost ratio are reported.
    assertTrue(summary.get("ot_w1").getAsDouble() > 0, summary.toString());
    assertTrue(summary.get("exact_ot_cost_ratio").getAsDouble() > 0, summary.toString());
    if (env.startsWith("permutations")) {
      assertTrue(summary.get("fixed_point_l1").getAsDouble() < 0.1, preset + " fixed-point law: " + summary);
    }
    assertEquals(summary.get("log_z_true").getAsDouble(), summary.get("log_z_learned").getAsDouble(), 0.1,
        preset + " log Z: " + summary);
  }
}
