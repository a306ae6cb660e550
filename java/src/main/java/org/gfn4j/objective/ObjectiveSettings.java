package org.gfn4j.objective;

import java.util.OptionalInt;

/**
 * The training settings an objective may read (each objective takes what it uses): whether PB
 * is learned, SubTB's λ, soft-DQN's leaf coefficient, the environment's stop action (MDB) and the
 * settings of the objectives for cycles with the environment's fixed first edge.
 */
public record ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction,
    CycleSettings cycle) {
  /** Settings without objectives for cycles in mind (their defaults, no first edge). */
  public ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction) {
    this(learnedBackward, subtbLambda, leafCoeff, stopAction, CycleSettings.DEFAULTS);
  }
}
