package org.gfn4j.objective;

/** Gradients of the Java reference objectives in double precision (null = not requested). */
final class ArrayGrads {
  final double[] dForwardLogits;
  final double[] dBackwardLogits;
  final double[] dLogFlow;
  double dLogZ;
  /** Per-transition residuals [T1, B] (null = not requested). */
  double[] tdErrors;

  ArrayGrads(double[] dForwardLogits, double[] dBackwardLogits, double[] dLogFlow) {
    this.dForwardLogits = dForwardLogits;
    this.dBackwardLogits = dBackwardLogits;
    this.dLogFlow = dLogFlow;
  }

  /** Every gradient of a block shaped like {@code a}. */
  static ArrayGrads full(ObjectiveArrays a) {
    int cells = a.slots * a.batch;
    return new ArrayGrads(new double[cells * a.numActions], new double[cells * a.numBackwardActions],
        new double[cells]);
  }
}
