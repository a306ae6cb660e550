package org.gfn4j.objective;

import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * What an objective reads: a trajectory block (time-major [T1, B, ...], layout in
 * native/include/gfn4j/trajectory.h) and policy heads in the same layout — forwardLogits
 * [T1, B, A], backwardLogits [T1, B, Ab], logFlow [T1, B] (log F, the V head for soft-DQN), the
 * scalar logZ — plus, where an objective needs them, target-network heads and per-transition
 * deltaScore [T1, B] (Delta(s_t -> s_{t+1}) of FL-DB/MDB; absent = zeros), and per-transition
 * importance weights [T1, B] (prioritized replay; finite and non-negative, absent = ones; TB and
 * SubTB read trajectory b's weight at [0, b]), and per-trajectory firstEdgeLogPF [B] (objectives for
 * cycles: log PF(s1 | s0) of each row's fixed first edge under a non-uniform start distribution;
 * absent = the objective's one value). An absent target head
 * means "use the online head", still as a constant (no gradient). Heads are checked by element
 * count, so [T1*B, A] outputs of a policy work as they are. Borrows every tensor; closes nothing.
 */
public final class ObjectiveInputs {
  final int slots;
  final int batch;
  final int numActions;
  final int numBackwardActions;
  final IntTensor actions;
  final IntTensor backwardActions;
  final ByteTensor forwardMask;
  final ByteTensor backwardMask;
  final ByteTensor terminal;
  final ByteTensor pad;
  final FloatTensor logReward;
  final FloatTensor forwardLogits;
  final FloatTensor backwardLogits;
  final FloatTensor logFlow;
  final double logZ;
  final FloatTensor targetForwardLogits;
  final FloatTensor targetBackwardLogits;
  final FloatTensor targetLogFlow;
  final FloatTensor deltaScore;
  final FloatTensor weights;
  final FloatTensor firstEdgeLogPF;

  private ObjectiveInputs(Builder b) {
    forwardMask = require(b.forwardMask, "forwardMask");
    backwardMask = require(b.backwardMask, "backwardMask");
    if (forwardMask.rank() != 3 || backwardMask.rank() != 3) {
      throw new IllegalArgumentException("masks must be [T1, B, A] and [T1, B, Ab], got " + forwardMask
          + " and " + backwardMask);
    }
    slots = (int) forwardMask.dim(0);
    batch = (int) forwardMask.dim(1);
    numActions = (int) forwardMask.dim(2);
    numBackwardActions = (int) backwardMask.dim(2);
    if (slots < 2 || batch < 1 || numActions < 1 || numBackwardActions < 1) {
      throw new IllegalArgumentException("a block needs T1 >= 2 slots and positive sizes, got " + forwardMask);
    }
    backwardMask.requireShape("backwardMask", slots, batch, numBackwardActions);
    long cells = (long) slots * batch;
    actions = sized(b.actions, "actions", cells);
    backwardActions = sized(b.backwardActions, "backwardActions", cells);
    terminal = sized(b.terminal, "terminal", cells);
    pad = sized(b.pad, "pad", cells);
    logReward = sized(b.logReward, "logReward", cells);
    forwardLogits = sized(b.forwardLogits, "forwardLogits", cells * numActions);
    backwardLogits = optional(b.backwardLogits, "backwardLogits", cells * numBackwardActions);
    logFlow = optional(b.logFlow, "logFlow", cells);
    if (!Double.isFinite(b.logZ)) {
      throw new IllegalArgumentException("logZ must be finite, got " + b.logZ);
    }
    logZ = b.logZ;
    targetForwardLogits = optional(b.targetForwardLogits, "targetForwardLogits", cells * numActions);
    targetBackwardLogits = optional(b.targetBackwardLogits, "targetBackwardLogits", cells * numBackwardActions);
    targetLogFlow = optional(b.targetLogFlow, "targetLogFlow", cells);
    deltaScore = optional(b.deltaScore, "deltaScore", cells);
    weights = optional(b.weights, "weights", cells);
    if (weights != null) {
      java.nio.FloatBuffer w = weights.buffer();
      for (int i = 0; i < cells; i++) {
        float v = w.get(i);
        if (!(v >= 0) || !Float.isFinite(v)) {
          throw new IllegalArgumentException("importance weights must be finite and non-negative, got " + v);
        }
      }
    }
    firstEdgeLogPF = optional(b.firstEdgeLogPF, "firstEdgeLogPF", batch);
    if (firstEdgeLogPF != null) {
      java.nio.FloatBuffer f = firstEdgeLogPF.buffer();
      for (int i = 0; i < batch; i++) {
        if (!Float.isFinite(f.get(i))) {
          throw new IllegalArgumentException("first-edge log PF must be finite, got " + f.get(i));
        }
      }
    }
  }

  private static <T> T require(T t, String name) {
    if (t == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return t;
  }

  private static <T extends org.gfn4j.tensor.Tensor<?>> T sized(T t, String name, long n) {
    require(t, name).requireSize(name, n);
    return t;
  }

  private static <T extends org.gfn4j.tensor.Tensor<?>> T optional(T t, String name, long n) {
    if (t != null) {
      t.requireSize(name, n);
    }
    return t;
  }

  /** Starts from the block tensors of {@code block} (actions, masks, terminal, pad, logReward). */
  public static Builder builder(Trajectories block) {
    return new Builder().actions(block.actions).backwardActions(block.backwardActions)
        .forwardMask(block.forwardMask).backwardMask(block.backwardMask).terminal(block.terminal)
        .pad(block.pad).logReward(block.logReward);
  }

  /** Starts empty, for blocks held in other tensors (a replay batch is a block with T1 = 2). */
  public static Builder builder() {
    return new Builder();
  }

  /** The same inputs with another logZ (it changes every optimiser step). */
  public ObjectiveInputs withLogZ(double newLogZ) {
    return toBuilder().logZ(newLogZ).build();
  }

  public Builder toBuilder() {
    return new Builder().actions(actions).backwardActions(backwardActions).forwardMask(forwardMask)
        .backwardMask(backwardMask).terminal(terminal).pad(pad).logReward(logReward)
        .forwardLogits(forwardLogits).backwardLogits(backwardLogits).logFlow(logFlow).logZ(logZ)
        .targetForwardLogits(targetForwardLogits).targetBackwardLogits(targetBackwardLogits)
        .targetLogFlow(targetLogFlow).deltaScore(deltaScore).weights(weights).firstEdgeLogPF(firstEdgeLogPF);
  }

  public int slots() {
    return slots;
  }

  public int batch() {
    return batch;
  }

  public int numActions() {
    return numActions;
  }

  public int numBackwardActions() {
    return numBackwardActions;
  }

  public double logZ() {
    return logZ;
  }

  /** Collects tensors; {@link #build()} checks every shape against the masks' [T1, B, A/Ab]. */
  public static final class Builder {
    private IntTensor actions;
    private IntTensor backwardActions;
    private ByteTensor forwardMask;
    private ByteTensor backwardMask;
    private ByteTensor terminal;
    private ByteTensor pad;
    private FloatTensor logReward;
    private FloatTensor forwardLogits;
    private FloatTensor backwardLogits;
    private FloatTensor logFlow;
    private double logZ;
    private FloatTensor targetForwardLogits;
    private FloatTensor targetBackwardLogits;
    private FloatTensor targetLogFlow;
    private FloatTensor deltaScore;
    private FloatTensor weights;
    private FloatTensor firstEdgeLogPF;

    private Builder() {}

    public Builder actions(IntTensor t) { actions = t; return this; }

    public Builder backwardActions(IntTensor t) { backwardActions = t; return this; }

    public Builder forwardMask(ByteTensor t) { forwardMask = t; return this; }

    public Builder backwardMask(ByteTensor t) { backwardMask = t; return this; }

    public Builder terminal(ByteTensor t) { terminal = t; return this; }

    public Builder pad(ByteTensor t) { pad = t; return this; }

    public Builder logReward(FloatTensor t) { logReward = t; return this; }

    public Builder forwardLogits(FloatTensor t) { forwardLogits = t; return this; }

    public Builder backwardLogits(FloatTensor t) { backwardLogits = t; return this; }

    public Builder logFlow(FloatTensor t) { logFlow = t; return this; }

    public Builder logZ(double v) { logZ = v; return this; }

    public Builder targetForwardLogits(FloatTensor t) { targetForwardLogits = t; return this; }

    public Builder targetBackwardLogits(FloatTensor t) { targetBackwardLogits = t; return this; }

    public Builder targetLogFlow(FloatTensor t) { targetLogFlow = t; return this; }

    public Builder deltaScore(FloatTensor t) { deltaScore = t; return this; }

    /** Per-transition importance weights [T1, B] (null = ones). */
    public Builder weights(FloatTensor t) { weights = t; return this; }

    /** Per-trajectory log PF of the fixed first edge [B] (null = the objective's one value). */
    public Builder firstEdgeLogPF(FloatTensor t) { firstEdgeLogPF = t; return this; }

    public ObjectiveInputs build() {
      return new ObjectiveInputs(this);
    }
  }
}
