package org.gfn4j.rollout;

import org.gfn4j.env.Environment;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * A block of B trajectories over T1 time slots in native memory, time-major (layout and
 * semantics: native/include/gfn4j/trajectory.h). Slot t is a contiguous slab, so the
 * environment steps straight from slot t into slot t+1 and its observations are the policy input
 * of that step without a copy. Observations are float features or int tokens, as the
 * environment's {@link ObservationSpec} says. A trajectory still not terminal in the last slot is
 * marked {@link #truncated}. Owns every tensor; views of a slot borrow them.
 */
public final class Trajectories implements AutoCloseable {
  private final int slots;
  private final int batch;
  private final int width;
  private final ObservationSpec obsSpec;
  private final int numActions;
  private final int numBackwardActions;

  public final IntTensor cells;
  public final ByteTensor terminal;
  public final ByteTensor pad;
  /** Observations [T1, B, O]: a FloatTensor (features) or an IntTensor (tokens). */
  public final Tensor<?> obs;
  public final ByteTensor forwardMask;
  public final ByteTensor backwardMask;
  public final IntTensor actions;
  public final IntTensor backwardActions;
  public final FloatTensor logReward;
  /** [B]: 1 where the trajectory hit the step cap without terminating (see {@link ForwardRollout}). */
  public final ByteTensor truncated;
  private final boolean owner;
  // Slot views are created once and reused: a view costs a JNI buffer and reflection in JavaCPP,
  // and rollouts ask for several per slot per iteration.
  private final SlotViews views;
  private Tensor<?> obsRows;

  /** Per-slot and per-prefix views, made on first use. */
  private static final class SlotViews {
    final StateBatch[] states;
    final Tensor<?>[] obs;
    final ByteTensor[] forwardMask;
    final ByteTensor[] backwardMask;
    final IntTensor[] actions;
    final IntTensor[] backwardActions;
    final FloatTensor[] logReward;
    final Trajectories[] prefixes;

    SlotViews(int slots) {
      states = new StateBatch[slots];
      obs = new Tensor<?>[slots];
      forwardMask = new ByteTensor[slots];
      backwardMask = new ByteTensor[slots];
      actions = new IntTensor[slots];
      backwardActions = new IntTensor[slots];
      logReward = new FloatTensor[slots];
      prefixes = new Trajectories[slots + 1];
    }
  }

  public Trajectories(int slots, int batch, int width, ObservationSpec obsSpec, int numActions,
      int numBackwardActions) {
    if (slots < 2 || batch < 1 || width < 1 || obsSpec == null || numActions < 1 || numBackwardActions < 1) {
      throw new IllegalArgumentException(
          "trajectory block needs slots >= 2 and positive sizes, got slots=" + slots + " batch=" + batch);
    }
    this.slots = slots;
    this.batch = batch;
    this.width = width;
    this.obsSpec = obsSpec;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    cells = IntTensor.allocate(slots, batch, width);
    terminal = ByteTensor.allocate(slots, batch);
    pad = ByteTensor.allocate(slots, batch);
    obs = obsSpec.allocate(slots, batch);
    forwardMask = ByteTensor.allocate(slots, batch, numActions);
    backwardMask = ByteTensor.allocate(slots, batch, numBackwardActions);
    actions = IntTensor.allocate(slots, batch);
    backwardActions = IntTensor.allocate(slots, batch);
    logReward = FloatTensor.allocate(slots, batch);
    truncated = ByteTensor.allocate(batch);
    owner = true;
    views = new SlotViews(slots);
  }

  /** A view of the first {@code prefix} slots of {@code full}; it borrows the memory. */
  private Trajectories(Trajectories full, int prefix) {
    slots = prefix;
    batch = full.batch;
    width = full.width;
    obsSpec = full.obsSpec;
    numActions = full.numActions;
    numBackwardActions = full.numBackwardActions;
    cells = full.cells.view(0, prefix, batch, width);
    terminal = full.terminal.view(0, prefix, batch);
    pad = full.pad.view(0, prefix, batch);
    obs = full.obs.view(0, prefix, batch, obsSpec.size());
    forwardMask = full.forwardMask.view(0, prefix, batch, numActions);
    backwardMask = full.backwardMask.view(0, prefix, batch, numBackwardActions);
    actions = full.actions.view(0, prefix, batch);
    backwardActions = full.backwardActions.view(0, prefix, batch);
    logReward = full.logReward.view(0, prefix, batch);
    truncated = full.truncated;
    owner = false;
    views = new SlotViews(slots);
  }

  /**
   * The first {@code slots} slots as a block of its own (a view): after a rollout whose longest
   * trajectory has L steps, the first L + 1 slots hold every real transition, so objectives and
   * the policy's training step need not touch the padding behind them.
   */
  public Trajectories prefix(int prefixSlots) {
    if (prefixSlots < 2 || prefixSlots > slots) {
      throw new IllegalArgumentException("prefix of " + prefixSlots + " slots out of [2, " + slots + "]");
    }
    if (prefixSlots == slots) {
      return this;
    }
    Trajectories p = views.prefixes[prefixSlots];
    if (p == null) {
      p = new Trajectories(this, prefixSlots);
      views.prefixes[prefixSlots] = p;
    }
    return p;
  }

  /** A block sized for full forward rollouts of {@code env}: maxSteps + 1 slots. */
  public static Trajectories forRollouts(Environment env, int batch) {
    return of(env, env.maxSteps() + 1, batch);
  }

  /** A block of {@code slots} slots shaped for {@code env}. */
  public static Trajectories of(Environment env, int slots, int batch) {
    return new Trajectories(slots, batch, env.stateWidth(), env.observationSpec(), env.numActions(),
        env.numBackwardActions());
  }

  public int slots() {
    return slots;
  }

  public int batch() {
    return batch;
  }

  public int width() {
    return width;
  }

  public int obsSize() {
    return obsSpec.size();
  }

  public ObservationSpec observationSpec() {
    return obsSpec;
  }

  public int numActions() {
    return numActions;
  }

  public int numBackwardActions() {
    return numBackwardActions;
  }

  private void checkSlot(int t) {
    if (t < 0 || t >= slots) {
      throw new IndexOutOfBoundsException("slot " + t + " of " + slots);
    }
  }

  /** The states of slot t as a batch view (writes go into this block). */
  /** The cached view of slot t, made on first use. */
  private static <T> T slot(T[] cache, int t, java.util.function.IntFunction<T> make) {
    T v = cache[t];
    if (v == null) {
      v = make.apply(t);
      cache[t] = v;
    }
    return v;
  }

  public StateBatch states(int t) {
    checkSlot(t);
    return slot(views.states, t, k -> {
      long b = (long) k * batch;
      return StateBatch.of(cells.view(b * width, batch, width), terminal.view(b, batch), pad.view(b, batch), width);
    });
  }

  public Tensor<?> obs(int t) {
    checkSlot(t);
    return slot(views.obs, t, k -> obs.view((long) k * batch * obsSpec.size(), batch, obsSpec.size()));
  }

  public ByteTensor forwardMask(int t) {
    checkSlot(t);
    return slot(views.forwardMask, t, k -> forwardMask.view((long) k * batch * numActions, batch, numActions));
  }

  public ByteTensor backwardMask(int t) {
    checkSlot(t);
    return slot(views.backwardMask, t,
        k -> backwardMask.view((long) k * batch * numBackwardActions, batch, numBackwardActions));
  }

  public IntTensor actions(int t) {
    checkSlot(t);
    return slot(views.actions, t, k -> actions.view((long) k * batch, batch));
  }

  public IntTensor backwardActions(int t) {
    checkSlot(t);
    return slot(views.backwardActions, t, k -> backwardActions.view((long) k * batch, batch));
  }

  public FloatTensor logReward(int t) {
    checkSlot(t);
    return slot(views.logReward, t, k -> logReward.view((long) k * batch, batch));
  }

  /** Every observation of this block as one [T1 * B, O] matrix: the policy's training input. */
  public Tensor<?> obsRows() {
    if (obsRows == null) {
      obsRows = obs.view(0, (long) slots * batch, obsSpec.size());
    }
    return obsRows;
  }

  /** Trajectory b hit the step cap without terminating. */
  public boolean isTruncated(int b) {
    return truncated.get(b) != 0;
  }

  /** Transition t of trajectory b is real (not padding). */
  public boolean isReal(int t, int b) {
    return t + 1 < slots && pad.get((long) (t + 1) * batch + b) == 0;
  }

  @Override
  public void close() {
    if (!owner) {
      return;
    }
    cells.close();
    terminal.close();
    pad.close();
    obs.close();
    forwardMask.close();
    backwardMask.close();
    actions.close();
    backwardActions.close();
    logReward.close();
    truncated.close();
  }
}
