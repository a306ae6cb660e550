package org.gfn4j.env;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Checks the buffers of every batch call against the environment's shapes and holds them open
 * for the call, then hands over to the kernel methods of a backend (native or Java reference).
 * Owns the reward module: after the dynamics of a step it asks the module for the log-rewards of
 * the states that newly became terminal, in one call. A backend whose step kernel already
 * computes its environment's built-in reward (a fused closed form) says so with
 * {@link #stepComputesReward()}; a replaced reward always goes through the module.
 */
public abstract class AbstractEnvironment implements Environment {
  private final RewardModule reward;
  private final ThreadLocal<RewardScratch> scratch = new ThreadLocal<>();

  protected AbstractEnvironment(RewardModule reward) {
    this.reward = Objects.requireNonNull(reward, "reward module");
  }

  @Override
  public final RewardModule reward() {
    return reward;
  }

  @Override
  public final Environment withReward(RewardModule replacement) {
    return copyWith(Objects.requireNonNull(replacement, "reward module"));
  }

  /** The same environment (spec, backend, dynamics) with another reward module. */
  protected abstract AbstractEnvironment copyWith(RewardModule replacement);

  /** True when {@link #doStep} writes the log-rewards of the current reward module itself. */
  protected boolean stepComputesReward() {
    return false;
  }

  /**
   * Throws IllegalArgumentException unless {@code cells[offset, offset + width)} is a valid
   * terminal object (the message names the problem).
   */
  protected abstract void checkObject(int[] cells, int offset);

  @Override
  public final double[] logRewards(int[] cells, int count) {
    int width = stateWidth();
    if (count < 0 || cells.length != (long) count * width) {
      throw new IllegalArgumentException(
          count + " objects need " + (long) count * width + " cells, got " + cells.length);
    }
    for (int i = 0; i < count; i++) {
      try {
        checkObject(cells, i * width);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("object " + i + ": " + e.getMessage(), e);
      }
    }
    return count == 0 ? new double[0] : reward.logRewards(cells, count);
  }

  @Override
  public final void reset(StateBatch states) {
    checkBatch(states, states);
    try (var lease = lease(states, states)) {
      doReset(states);
    }
  }

  @Override
  public final void step(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int b = checkBatch(states, next);
    actions.requireSize("actions", b);
    logReward.requireSize("logReward", b);
    try (var lease = lease(states, next, actions, logReward)) {
      if (stepComputesReward()) {
        doStep(states, actions, next, logReward);
        return;
      }
      RewardScratch s = scratch(b);
      states.terminal().buffer().get(0, s.before, 0, b); // a step may run in place
      doStep(states, actions, next, logReward);
      askReward(s, next, logReward);
    }
  }

  private RewardScratch scratch(int b) {
    RewardScratch s = scratch.get();
    if (s == null || s.rows.size() < b) {
      if (s != null) {
        s.close();
      }
      s = new RewardScratch(b);
      scratch.set(s);
    }
    return s;
  }

  /** log R for the states that newly became terminal, one reward call; 0 elsewhere. */
  private void askReward(RewardScratch s, StateBatch next, FloatTensor logReward) {
    int b = next.batchSize();
    byte[] before = s.before;
    ByteBuffer after = next.terminal().buffer();
    ByteBuffer pad = next.pad().buffer();
    int count = 0;
    for (int i = 0; i < b; i++) {
      logReward.set(i, 0f);
      if (after.get(i) != 0 && before[i] == 0 && pad.get(i) == 0) {
        s.rows.set(count++, i);
      }
    }
    if (count == 0) {
      return;
    }
    reward.logRewards(next, s.rows, count, s.out);
    for (int i = 0; i < count; i++) {
      logReward.set(s.rows.get(i), (float) s.out.get(i));
    }
  }

  /** Per-thread index and value buffers of the reward call, grown to the largest batch seen. */
  private static final class RewardScratch implements AutoCloseable {
    final IntTensor rows;
    final DoubleTensor out;
    final byte[] before;

    RewardScratch(int capacity) {
      rows = IntTensor.allocate(capacity);
      out = DoubleTensor.allocate(capacity);
      before = new byte[capacity];
    }

    @Override
    public void close() {
      rows.close();
      out.close();
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
  public final void observe(StateBatch states, Tensor<?> obs) {
    int b = checkBatch(states, states);
    observationSpec().check("observations", obs, b);
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

  /** The dynamics of a step; {@code logReward} may be left alone unless {@link #stepComputesReward()}. */
  protected abstract void doStep(StateBatch states, IntTensor actions, StateBatch next, FloatTensor logReward);

  protected abstract void doBackwardStep(StateBatch states, IntTensor actions, StateBatch prev, ByteTensor done);

  protected abstract void doForwardMask(StateBatch states, ByteTensor invalid);

  protected abstract void doBackwardMask(StateBatch states, ByteTensor invalid);

  /** Writes observations into {@code obs}, already checked against {@link #observationSpec()}. */
  protected abstract void doObserve(StateBatch states, Tensor<?> obs);

  protected abstract void doBackwardActions(StateBatch states, IntTensor actions, StateBatch next, IntTensor out);

  protected abstract void doForwardActions(StateBatch states, IntTensor backwardActions, StateBatch prev, IntTensor out);

  private int checkBatch(StateBatch a, StateBatch b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("state batch must not be null");
    }
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
