package org.gfn4j.train;

import java.util.List;
import org.gfn4j.env.Environment;
import org.gfn4j.env.ising.IsingEnergyLearner;

/**
 * The values of the {@code reward_model} setting: {@code fixed} (the environment's own reward) or
 * a learned reward, built from the training config for the environment it will score.
 */
public final class RewardLearners {
  public static final String FIXED = "fixed";
  public static final String ISING_EBM = "ising_ebm";

  private RewardLearners() {}

  public static List<String> names() {
    return List.of(FIXED, ISING_EBM);
  }

  /** Checks the setting against {@code env} without building anything. */
  static void validate(TrainConfig config, Environment env) {
    String kind = config.get(TrainKey.REWARD_MODEL);
    if (kind.equals(ISING_EBM)) {
      IsingEnergyLearner.Settings.of(config, env);
    } else if (!kind.equals(FIXED)) {
      throw new IllegalArgumentException("'reward_model' must be one of " + String.join(", ", names()) + ", got '"
          + kind + "'");
    }
  }

  /**
   * The learner {@code config} asks for on {@code env} (null for a fixed reward).
   * {@code uniformBackward}: whether the run's PB is uniform rather than the policy's backward head.
   */
  static RewardLearner create(TrainConfig config, Environment env, boolean uniformBackward) {
    validate(config, env);
    if (config.get(TrainKey.REWARD_MODEL).equals(FIXED)) {
      return null;
    }
    return new IsingEnergyLearner(IsingEnergyLearner.Settings.of(config, env), env, uniformBackward);
  }
}
