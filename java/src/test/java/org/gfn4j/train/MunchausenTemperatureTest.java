package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * M-DQN end to end (network, prioritized replay, Polyak target): with alpha = 0.5 the consistent
 * temperature 1/(1 - alpha) learns R/Z on a small grid by the exact metric, while temperature 1
 * learns a tempered distribution, clearly further away (its exact fixed point is 0.25 away here,
 * MunchausenFixedPointTest).
 */
class MunchausenTemperatureTest {
  @TempDir Path tmp;

  private double exactTv(String lambda) {
    TrainConfig c = Presets.get("mdqn_hypergrid").with(TrainKey.ENV, "hypergrid:dim=2,side=5")
        .with(TrainKey.STEPS, "1200").with(TrainKey.EVAL_EVERY, "1200").with(TrainKey.HIDDEN, "64")
        .with(TrainKey.EVAL_ROUNDS, "2").with(TrainKey.SEED, "5").with(TrainKey.REPLAY_MIN, "512")
        .with(TrainKey.REPLAY_BETA_STEPS, "1200").with(TrainKey.MDQN_ALPHA, "0.5")
        .with(TrainKey.SOFTDQN_LAMBDA, lambda);
    JsonObject summary = TrainRunTest.run(c, tmp.resolve("lambda-" + lambda), false);
    return summary.get("exact_tv").getAsDouble();
  }

  @Test
  void onlyTheConsistentTemperatureLearnsTheRewardDistribution() {
    double right = exactTv("auto");
    double wrong = exactTv("1");
    assertTrue(right < 0.05, "lambda = 1/(1 - alpha) ends at exact TV " + right);
    assertTrue(wrong > right + 0.15, "lambda = 1 ends at exact TV " + wrong + " vs " + right);
  }
}
