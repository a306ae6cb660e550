package org.gfn4j.objective;

/** Hyper-parameters of one objective instance (unused ones keep their defaults). */
final class ObjectiveParams {
  final double lambda;
  final double leafCoeff;
  final int stopAction;
  final boolean uniformBackward;
  final Munchausen munchausen;

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward) {
    this(lambda, leafCoeff, stopAction, uniformBackward, Munchausen.NONE);
  }

  ObjectiveParams(double lambda, double leafCoeff, int stopAction, boolean uniformBackward, Munchausen munchausen) {
    this.lambda = lambda;
    this.leafCoeff = leafCoeff;
    this.stopAction = stopAction;
    this.uniformBackward = uniformBackward;
    this.munchausen = munchausen;
  }
}
