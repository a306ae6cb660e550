package org.gfn4j.objective;

import java.util.OptionalInt;

/**
 * The training settings an objective may read (each objective takes what it uses): whether PB
 * is learned, SubTB's λ, soft-DQN's leaf coefficient, and the environment's stop action (MDB).
 */
public record ObjectiveSettings(boolean learnedBackward, double subtbLambda, double leafCoeff, OptionalInt stopAction) {}
