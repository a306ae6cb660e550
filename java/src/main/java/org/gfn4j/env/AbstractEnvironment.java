package org.gfn4j.env;

import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Checks the buffers of every batch call against the environment's shapes and holds them open
 * for the call, then hands over to the kernel methods of a backend (native or Java reference).
 */
public abstract class AbstractEnvironment implements Environment {

  @Override
  public final void reset(StateBatch states) {
    checkBatch(states, states);
    try (var lease = lease(states)) {
      doReset(states);
    }
  }

  @Override
  public final void step(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int b = checkBatch(states, next);
    actions.requireSize("actions", b);
    logReward.requireSize("logReward", b);
    try (var lease = lease(states, next, actions, logReward)) {
      doStep(states, actions, next, logReward);
    }
  }

  @Override
  public final void backwardStep(StateBatch states, IntTensor actions, StateBatch prev, ByteTensor done) {
    int b = checkBatch(states, prev);
    actions.requireSize("actions", b);
    done.requireSize("done", b);
    try (var lease = lease(states, prev, actions, done)) {
      doBackwardStep(states, actions, prev, done);
    }
  }

  @Override
  public final void forwardMask(StateBatch states, ByteTensor invalid) {
    int b = checkBatch(states, states);
    invalid.requireSize("invalid mask", (long) b * numActions());
    try (var lease = lease(states, states, invalid)) {
      doForwardMask(states, invalid);
    }
  }

  @Override
  public final void backwardMask(StateBatch states, ByteTensor invalid) {
    int b = checkBatch(states, states);
    invalid.requireSize("invalid backward mask", (long) b * numBackwardActions());
    try (var lease = lease(states, states, invalid)) {
      doBackwardMask(states, invalid);
    }
  }

  @Override
  public final void observe(StateBatch states, FloatTensor obs) {
    int b = checkBatch(states, states);
    obs.requireSize("observations", (long) b * observationSize());
    try (var lease = lease(states, states, obs)) {
      doObserve(states, obs);
    }
  }

  @Override
  public final void backwardActions(StateBatch states, IntTensor actions, StateBatch next, IntTensor out) {
    int b = checkBatch(states, next);
    actions.requireSize("actions", b);
    out.requireSize("out", b);
    try (var lease = lease(states, next, actions, out)) {
      doBackwardActions(states, actions, next, out);
    }
  }

  @Override
  public final void forwardActions(StateBatch states, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    int b = checkBatch(states, prev);
    backwardActions.requireSize("backward actions", b);
    out.requireSize("out", b);
    try (var lease = lease(states, prev, backwardActions, out)) {
      doForwardActions(states, backwardActions, prev, out);
    }
  }

  protected abstract void doReset(StateBatch states);

  protected abstract void doStep(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward);

  protected abstract void doBackwardStep(StateBatch states, IntTensor actions, StateBatch prev, ByteTensor done);

  protected abstract void doForwardMask(StateBatch states, ByteTensor invalid);

  protected abstract void doBackwardMask(StateBatch states, ByteTensor invalid);

  protected abstract void doObserve(StateBatch states, FloatTensor obs);

  protected abstract void doBackwardActions(StateBatch states, IntTensor actions, StateBatch next, IntTensor out);

  protected abstract void doForwardActions(StateBatch states, IntTensor backwardActions, StateBatch prev, IntTensor out);

  private int checkBatch(StateBatch a, StateBatch b) {
    if (a.width() != stateWidth() || b.width() != stateWidth()) {
      throw new IllegalArgumentException(
          "state batch has width " + a.width() + "/" + b.width() + ", environment needs " + stateWidth());
    }
    if (a.batchSize() != b.batchSize()) {
      throw new IllegalArgumentException(
          "state batches differ in size: " + a.batchSize() + " vs " + b.batchSize());
    }
    return a.batchSize();
  }

  private static NativeResource.Lease lease(StateBatch a) {
    return NativeResource.lease(a.cells(), a.terminal(), a.pad());
  }

  private static NativeResource.Lease lease(StateBatch a, StateBatch b, NativeResource... more) {
    NativeResource[] all = new NativeResource[6 + more.length];
    all[0] = a.cells();
    all[1] = a.terminal();
    all[2] = a.pad();
    all[3] = b.cells();
    all[4] = b.terminal();
    all[5] = b.pad();
    System.arraycopy(more, 0, all, 6, more.length);
    return NativeResource.lease(all);
  }
}
