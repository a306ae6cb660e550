package org.gfn4j.env.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateSpace;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainKey;
import org.gfn4j.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Bringing one's own problem without C++: a Java environment registered by name trains with the
 * library's trainer, and a reward written as a Java function replaces an existing environment's.
 */
class CustomEnvironmentTest {
  static synchronized void registerOnce() {
    if (Environments.factories().stream().noneMatch(f -> f.name().equals("bits"))) {
      Environments.register(new BitStrings.Factory());
    }
  }

  @Test
  void aJavaEnvironmentTrainsToItsTargetDistribution() {
    registerOnce();
    TrainConfig config = Presets.get(Presets.defaultName())
        .with(TrainKey.ENV, "bits:n=4").with(TrainKey.STEPS, "600").with(TrainKey.CORR_OBJECTS, "0")
        .with(TrainKey.HIDDEN, "64").with(TrainKey.EPS_STEPS, "0").with(TrainKey.EPS_START, "0");
    try (Trainer trainer = Trainer.start(config, (java.nio.file.Path) null)) {
      double before = trainer.evaluate().get("exact_tv");
      while (trainer.step() < 600) {
        trainer.iterate();
      }
      Map<String, Double> after = trainer.evaluate();
      assertTrue(after.get("exact_tv") < before / 3, "exact TV " + before + " -> " + after.get("exact_tv"));
      // log Z = log Σ exp(ones/2) over the 16 strings = 4 log(1 + e^0.5)
      assertEquals(4 * Math.log(1 + Math.exp(0.5)), after.get("log_z_true"), 1e-9);
    }
  }

  @Test
  void aRewardWrittenInJavaReplacesAnEnvironmentsReward() {
    Environment grid = Environments.create("hypergrid:dim=2,side=4");
    RewardModule corner = RewardModule.of(cells -> cells[0] == 3 && cells[1] == 3 ? Math.log(10) : 0.0);
    Environment custom = grid.withReward(corner);
    assertTrue(custom.closedForm().isEmpty(), "a replaced reward has no closed form");
    StateSpace space = StateSpace.enumerate(custom);
    assertEquals(Math.log(15 + 10), space.logZ(), 1e-12);
    assertEquals(Math.log(10), custom.logRewards(new int[] {3, 3}, 1)[0], 0.0);
    assertThrows(IllegalArgumentException.class, () -> custom.logRewards(new int[] {4, 3}, 1));
    TrainConfig config = Presets.get(Presets.defaultName()).with(TrainKey.ENV, "hypergrid:dim=2,side=4")
        .with(TrainKey.STEPS, "1").with(TrainKey.CORR_OBJECTS, "0");
    try (Trainer trainer = Trainer.start(config, custom)) {
      trainer.iterate();
      assertEquals(Math.log(25), trainer.evaluate().get("log_z_true"), 1e-12);
    }
    assertEquals(Arrays.asList(0.0, Math.log(10)),
        Arrays.asList(custom.logRewards(new int[] {0, 0, 3, 3}, 2)[0], custom.logRewards(new int[] {0, 0, 3, 3}, 2)[1]));
  }
}
