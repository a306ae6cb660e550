package org.gfn4j.rollout;

import org.gfn4j.tensor.FloatTensor;

/**
 * Policy head outputs laid out like a trajectory block ([T1, B, ...], time-major): the rollout
 * writes slot t while it samples, and the objective reads the whole block. Owns its tensors.
 */
public final class HeadBlock implements AutoCloseable {
  private final int slots;
  private final int batch;
  private final int numActions;
  private final int numBackwardActions;
  public final FloatTensor forwardLogits;
  public final FloatTensor backwardLogits;
  public final FloatTensor logFlow;

  public HeadBlock(int slots, int batch, int numActions, int numBackwardActions) {
    this.slots = slots;
    this.batch = batch;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    forwardLogits = FloatTensor.allocate(slots, batch, numActions);
    backwardLogits = FloatTensor.allocate(slots, batch, numBackwardActions);
    logFlow = FloatTensor.allocate(slots, batch);
  }

  /** Heads for every slot of {@code block}. */
  public static HeadBlock like(Trajectories block) {
    return new HeadBlock(block.slots(), block.batch(), block.numActions(), block.numBackwardActions());
  }

  public int slots() {
    return slots;
  }

  /** Rows [first * B, (first + count) * B) of each head, flattened to [count * B, size]. */
  public FloatTensor forwardLogits(int first, int count) {
    return forwardLogits.view((long) first * batch * numActions, (long) count * batch, numActions);
  }

  public FloatTensor backwardLogits(int first, int count) {
    return backwardLogits.view((long) first * batch * numBackwardActions, (long) count * batch, numBackwardActions);
  }

  public FloatTensor logFlow(int first, int count) {
    return logFlow.view((long) first * batch, (long) count * batch, 1);
  }

  @Override
  public void close() {
    forwardLogits.close();
    backwardLogits.close();
    logFlow.close();
  }
}
