package org.gfn4j.objective;

import org.gfn4j.tensor.FloatTensor;

/**
 * Where an objective writes dLoss/dHead: dForwardLogits [T1, B, A], dBackwardLogits [T1, B, Ab],
 * dLogFlow [T1, B] (the upstream gradients of the policy's training step) and the scalar dLogZ.
 * Every element of a present buffer is overwritten (zero where the loss does not depend on it);
 * an absent (null) buffer is skipped. An optional tdErrors [T1, B] receives each transition's
 * residual (priorities of prioritized replay). {@link #allocate} owns its tensors, {@link #of} borrows.
 */
public final class ObjectiveGrads implements AutoCloseable {
  private final FloatTensor dForwardLogits;
  private final FloatTensor dBackwardLogits;
  private final FloatTensor dLogFlow;
  private final boolean owner;
  private double dLogZ;
  private FloatTensor tdErrors;

  private ObjectiveGrads(FloatTensor dForward, FloatTensor dBackward, FloatTensor dFlow, boolean owner) {
    this.dForwardLogits = dForward;
    this.dBackwardLogits = dBackward;
    this.dLogFlow = dFlow;
    this.owner = owner;
  }

  /** Zeroed buffers for a block of {@code slots} x {@code batch} with the given action counts. */
  public static ObjectiveGrads allocate(int slots, int batch, int numActions, int numBackwardActions) {
    if (slots < 1 || batch < 1 || numActions < 1 || numBackwardActions < 1) {
      throw new IllegalArgumentException("gradient buffers need positive sizes");
    }
    return new ObjectiveGrads(FloatTensor.allocate(slots, batch, numActions),
        FloatTensor.allocate(slots, batch, numBackwardActions), FloatTensor.allocate(slots, batch), true);
  }

  /** Buffers sized for {@code in}. */
  public static ObjectiveGrads allocate(ObjectiveInputs in) {
    return allocate(in.slots, in.batch, in.numActions, in.numBackwardActions);
  }

  /** Borrows caller buffers (for example ONNX Runtime's upstream-gradient inputs); any may be null. */
  public static ObjectiveGrads of(FloatTensor dForwardLogits, FloatTensor dBackwardLogits, FloatTensor dLogFlow) {
    return new ObjectiveGrads(dForwardLogits, dBackwardLogits, dLogFlow, false);
  }

  /**
   * Also writes every transition's residual into {@code td} [T1, B] (borrowed): the loss's error
   * at cell t for DB, FL-DB, MDB, soft-DQN and the objectives for cycles, the trajectory residual at
   * [0, b] for TB, 0 elsewhere.
   */
  public ObjectiveGrads withTdErrors(FloatTensor td) {
    tdErrors = td;
    return this;
  }

  public FloatTensor tdErrors() {
    return tdErrors;
  }

  public FloatTensor dForwardLogits() {
    return dForwardLogits;
  }

  public FloatTensor dBackwardLogits() {
    return dBackwardLogits;
  }

  public FloatTensor dLogFlow() {
    return dLogFlow;
  }

  /** dLoss/dlogZ of the last {@link Objective#loss} call (0 for objectives without logZ). */
  public double dLogZ() {
    return dLogZ;
  }

  void setDLogZ(double value) {
    dLogZ = value;
  }

  void checkSizes(ObjectiveInputs in) {
    long cells = (long) in.slots * in.batch;
    if (dForwardLogits != null) {
      dForwardLogits.requireSize("dForwardLogits", cells * in.numActions);
    }
    if (dBackwardLogits != null) {
      dBackwardLogits.requireSize("dBackwardLogits", cells * in.numBackwardActions);
    }
    if (dLogFlow != null) {
      dLogFlow.requireSize("dLogFlow", cells);
    }
    if (tdErrors != null) {
      tdErrors.requireSize("tdErrors", cells);
    }
  }

  @Override
  public void close() {
    if (owner) {
      dForwardLogits.close();
      dBackwardLogits.close();
      dLogFlow.close();
    }
  }
}
