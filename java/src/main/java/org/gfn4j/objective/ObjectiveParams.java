package org.gfn4j.objective;

/** Hyper-parameters of one objective instance (unused ones keep their defaults). */
final class ObjectiveParams {
  final double lambda;
  final double leafCoeff;
  final int stopAction;
  final boolean uniformBackward;
  /** The soft-DQN family's Munchausen bonus, temperature and double-DQN switch. */
  final Munchausen munchausen;
  /** The objectives for cycles: regulariser, stable-DB shape, scale and the fixed first edge. */
  final CycleSettings cycle;

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward) {
    this(lambda, leafCoeff, stopAction, uniformBackward, Munchausen.NONE, CycleSettings.DEFAULTS);
  }

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward, Munchausen munchausen) {
    this(lambda, leafCoeff, stopAction, uniformBackward, munchausen, CycleSettings.DEFAULTS);
  }

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward, CycleSettings cycle) {
    this(lambda, leafCoeff, stopAction, uniformBackward, Munchausen.NONE, cycle);
  }

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward, Munchausen munchausen,
      CycleSettings cycle) {
    this.lambda = lambda;
    this.leafCoeff = leafCoeff;
    this.stopAction = stopAction;
    this.uniformBackward = uniformBackward;
    this.munchausen = munchausen;
    this.cycle = cycle;
  }
}
