package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * A GFlowNet training objective: the loss of a trajectory block under the policy heads, and its
 * exact gradient with respect to every head, with gfnx's scale conventions. Instances are
 * stateless and may be shared; create them with {@link Objectives#create}.
 */
public interface Objective {
  /** The factory name: tb, db, subtb, fldb, mdb, softdqn or mdqn (soft-DQN with a Munchausen bonus). */
  String name();

  Backend backend();

  /**
   * Returns the loss and writes dLoss/dHead into {@code grads} (dLogZ included). Throws
   * IllegalArgumentException when a head the objective needs is missing, a buffer has the wrong
   * size, or an action of a real transition is out of range or forbidden by its mask.
   */
  double loss(ObjectiveInputs inputs, ObjectiveGrads grads);

  /** The loss reads logZ (and writes dLogZ). */
  boolean usesLogZ();

  /** The loss reads the logFlow head (log F for DB/SubTB/FL-DB, V for soft-DQN). */
  boolean usesLogFlow();

  /** The loss reads backwardLogits and writes their gradient (false: uniform backward policy). */
  boolean learnsBackwardPolicy();

  /** The loss reads target-network heads (absent ones default to the online heads). */
  boolean usesTargetNetwork();

  /** The loss reads per-transition delta scores (the environment's {@code DeltaScore}). */
  default boolean needsDeltaScores() {
    return false;
  }

  /**
   * The loss is a function of whole trajectories from s0 to a terminal object (TB, SubTB), so it
   * cannot train on replayed transitions or on trajectories truncated at a step cap.
   */
  default boolean needsWholeTrajectories() {
    return false;
  }

  /** How a model trained with this objective estimates log Z. */
  LogZEstimate logZEstimate();
}
