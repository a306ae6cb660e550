package org.gfn4j.objective;

import java.util.OptionalInt;

/**
 * The training settings an objective may read (each objective takes what it uses): whether PB
 * is learned, SubTB's λ, soft-DQN's leaf coefficient, the environment's stop action (MDB), the
 * soft-DQN family's Munchausen coefficient and clip floor (mdqn only), temperature (NaN:
 * 1/(1 - alpha), the consistent one) and double-DQN switch, and the settings of the objectives
 * for cycles with the environment's fixed first edge.
 */
public record ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction,
    double mdqnAlpha, double mdqnL0, double softdqnLambda, boolean doubleDqn, CycleSettings cycle) {
  /** M-DQN's defaults on hypergrids (Tiapkin et al. 2024): alpha 0.15, l0 -100. */
  public static final double DEFAULT_MDQN_ALPHA = 0.15;
  public static final double DEFAULT_MDQN_L0 = -100.0;

  /** Settings with the soft-DQN family and the objectives for cycles at their defaults. */
  public ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction) {
    this(learnedBackward, subtbLambda, leafCoeff, stopAction, CycleSettings.DEFAULTS);
  }

  /** Settings for the soft-DQN family, the objectives for cycles at their defaults (no first edge). */
  public ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction,
      double mdqnAlpha, double mdqnL0, double softdqnLambda, boolean doubleDqn) {
    this(learnedBackward, subtbLambda, leafCoeff, stopAction, mdqnAlpha, mdqnL0, softdqnLambda, doubleDqn,
        CycleSettings.DEFAULTS);
  }

  /** Settings for the objectives for cycles, the soft-DQN family at its defaults (automatic temperature). */
  public ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction,
      CycleSettings cycle) {
    this(learnedBackward, subtbLambda, leafCoeff, stopAction, DEFAULT_MDQN_ALPHA, DEFAULT_MDQN_L0, Double.NaN, false,
        cycle);
  }
}
