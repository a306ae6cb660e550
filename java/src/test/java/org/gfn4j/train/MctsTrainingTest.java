package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MENTS in the trainer: mcts_train collects the same trajectories as plain soft-DQN (it acts from
 * Q_θ) but trains on the trees' targets, so its first loss differs; mcts_all moves the policy towards
 * R/Z on a small grid.
 */
class MctsTrainingTest {
  private static TrainConfig config(String mode, String loss) {
    return Presets.get("mcts_softdqn_hypergrid").with(TrainKey.ENV, "hypergrid:dim=2,side=4")
        .with(TrainKey.HIDDEN, "32").with(TrainKey.SEED, "4").with(TrainKey.EVAL_ROUNDS, "2")
        .with(TrainKey.MCTS, mode).with(TrainKey.MCTS_LOSS, loss);
  }

  private static double firstLoss(TrainConfig c) {
    Environment env = Environments.create(c.get(TrainKey.ENV));
    try (Trainer t = Trainer.start(c, env)) {
      return t.iterate();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"regression", "bootstrap"})
  void treeTargetsChangeTheLossOnTheSameTrajectories(String loss) {
    double plain = firstLoss(config("none", loss));
    double again = firstLoss(config("none", loss));
    double tree = firstLoss(config("mcts_train", loss));
    assertEquals(plain, again, "the same seed gives the same first loss");
    assertNotEquals(plain, tree, "mcts_train with mcts_loss=" + loss + " trains on the trees' targets");
  }

  @Test
  void mctsAllMovesThePolicyTowardsTheRewardDistribution() {
    TrainConfig c = config("mcts_all", "regression").with(TrainKey.STEPS, "400").with(TrainKey.EVAL_EVERY, "400");
    Environment env = Environments.create(c.get(TrainKey.ENV));
    try (Trainer t = Trainer.start(c, env)) {
      double before = t.evaluate().get("exact_tv");
      for (int i = 0; i < 400; i++) {
        t.iterate();
      }
      double after = t.evaluate().get("exact_tv");
      assertTrue(after < 0.5 * before, "exact TV " + before + " before and " + after + " after 400 iterations");
    }
  }
}
