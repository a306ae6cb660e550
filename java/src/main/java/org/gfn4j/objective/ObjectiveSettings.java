package org.gfn4j.objective;

import java.util.OptionalInt;

/**
 * The training settings an objective may read (each objective takes what it uses): whether PB
 * is learned, SubTB's λ, soft-DQN's leaf coefficient, the environment's stop action (MDB), and
 * the soft-DQN family's Munchausen coefficient and clip floor (mdqn only), temperature (NaN:
 * 1/(1 - alpha), the consistent one) and double-DQN switch.
 */
public record ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction,
    double mdqnAlpha, double mdqnL0, double softdqnLambda, boolean doubleDqn) {
  /** M-DQN's defaults on hypergrids (Tiapkin et al. 2024): alpha 0.15, l0 -100. */
  public static final double DEFAULT_MDQN_ALPHA = 0.15;
  public static final double DEFAULT_MDQN_L0 = -100.0;

  /** Settings with the soft-DQN family at its defaults (automatic temperature, no double DQN). */
  public ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction) {
    this(learnedBackward, subtbLambda, leafCoeff, stopAction, DEFAULT_MDQN_ALPHA, DEFAULT_MDQN_L0, Double.NaN, false);
  }
}
