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
  // Views are cached (JavaCPP views cost reflection and a JNI buffer each): per slot, and per
  // prefix length, which together cover every request rollouts and trainers make.
  private final FloatTensor[][] views = new FloatTensor[6][];

  public HeadBlock(int slots, int batch, int numActions, int numBackwardActions) {
    this.slots = slots;
    this.batch = batch;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    forwardLogits = FloatTensor.allocate(slots, batch, numActions);
    backwardLogits = FloatTensor.allocate(slots, batch, numBackwardActions);
    logFlow = FloatTensor.allocate(slots, batch);
    for (int i = 0; i < views.length; i++) {
      views[i] = new FloatTensor[slots + 1];
    }
  }

  /** Cached view: kind 0-2 = forward/backward/flow per slot, 3-5 = the same from slot 0 for count slots. */
  private FloatTensor cached(int kind, int first, int count) {
    int k;
    int index;
    if (count == 1) {
      k = kind;
      index = first;
    } else if (first == 0) {
      k = kind + 3;
      index = count;
    } else {
      return null;
    }
    if (index < 0 || index > slots) {
      throw new IllegalArgumentException("slots [" + first + ", " + (first + count) + ") outside [0, " + slots + ")");
    }
    return views[k][index];
  }

  private FloatTensor remember(int kind, int first, int count, FloatTensor view) {
    if (count == 1) {
      views[kind][first] = view;
    } else if (first == 0) {
      views[kind + 3][count] = view;
    }
    return view;
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
    FloatTensor v = cached(0, first, count);
    return v != null ? v : remember(0, first, count,
        forwardLogits.view((long) first * batch * numActions, (long) count * batch, numActions));
  }

  public FloatTensor backwardLogits(int first, int count) {
    FloatTensor v = cached(1, first, count);
    return v != null ? v : remember(1, first, count,
        backwardLogits.view((long) first * batch * numBackwardActions, (long) count * batch, numBackwardActions));
  }

  public FloatTensor logFlow(int first, int count) {
    FloatTensor v = cached(2, first, count);
    return v != null ? v : remember(2, first, count, logFlow.view((long) first * batch, (long) count * batch, 1));
  }

  @Override
  public void close() {
    forwardLogits.close();
    backwardLogits.close();
    logFlow.close();
  }
}
