package org.gfn4j.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Test blocks with heads, as plain arrays: synthetic ones (random lengths, masks and padding, with
 * garbage in padded cells that no objective may read) and realistic ones rolled out in the real
 * hypergrid with random valid actions. Converts to ObjectiveArrays (double) and to tensors.
 */
final class BlockFixture {
  final int slots;
  final int batch;
  final int numActions;
  final int numBackwardActions;
  final int[] actions;
  final int[] backwardActions;
  final byte[] forwardMask;
  final byte[] backwardMask;
  final byte[] terminal;
  final byte[] pad;
  final float[] logReward;
  float[] forwardLogits;
  float[] backwardLogits;
  float[] logFlow;
  double logZ;
  float[] targetForwardLogits;
  float[] targetBackwardLogits;
  float[] targetLogFlow;
  float[] deltaScore;
  /** Per-trajectory first-edge log PF [B] of the objectives for cycles, or null (one value). */
  float[] firstEdgeLogPF;

  BlockFixture(int slots, int batch, int numActions, int numBackwardActions) {
    this.slots = slots;
    this.batch = batch;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    int cells = slots * batch;
    actions = new int[cells];
    backwardActions = new int[cells];
    forwardMask = new byte[cells * numActions];
    backwardMask = new byte[cells * numBackwardActions];
    terminal = new byte[cells];
    pad = new byte[cells];
    logReward = new float[cells];
  }

  int cell(int t, int b) {
    return t * batch + b;
  }

  boolean real(int t, int b) {
    return t + 1 < slots && pad[cell(t + 1, b)] == 0;
  }

  boolean done(int t, int b) {
    return terminal[cell(t + 1, b)] != 0;
  }

  /**
   * Random trajectories of 1..slots-1 real transitions; the last one terminates with a random
   * log-reward. Action stop = numActions-1 is always valid (MDB), every state has a valid
   * backward action (soft-DQN). Padded actions are out of range on purpose.
   */
  static BlockFixture synthetic(long seed, int slots, int batch, int numActions, int numBackwardActions) {
    Random rng = new Random(seed);
    BlockFixture f = new BlockFixture(slots, batch, numActions, numBackwardActions);
    for (int b = 0; b < batch; b++) {
      int length = 1 + rng.nextInt(slots - 1);
      for (int s = 0; s < slots; s++) {
        f.pad[f.cell(s, b)] = (byte) (s > length ? 1 : 0);
        f.terminal[f.cell(s, b)] = (byte) (s >= length ? 1 : 0);
        randomMask(rng, f.forwardMask, f.cell(s, b) * numActions, numActions, numActions - 1);
        randomMask(rng, f.backwardMask, f.cell(s, b) * numBackwardActions, numBackwardActions, -1);
      }
      for (int t = 0; t < slots; t++) {
        int c = f.cell(t, b);
        if (t < length) {
          f.actions[c] = randomValid(rng, f.forwardMask, c * numActions, numActions);
          f.backwardActions[c] = randomValid(rng, f.backwardMask, f.cell(t + 1, b) * numBackwardActions,
              numBackwardActions);
        } else {
          f.actions[c] = -7;
          f.backwardActions[c] = numBackwardActions + 3;
        }
        f.logReward[c] = t == length - 1 ? (float) (2 * rng.nextGaussian()) : 0f;
      }
    }
    f.randomHeads(rng);
    return f;
  }

  private static void randomMask(Random rng, byte[] mask, int base, int n, int alwaysValid) {
    boolean any = false;
    for (int k = 0; k < n; k++) {
      boolean invalid = k != alwaysValid && rng.nextDouble() < 0.35;
      mask[base + k] = (byte) (invalid ? 1 : 0);
      any |= !invalid;
    }
    if (!any) {
      mask[base + rng.nextInt(n)] = 0;
    }
  }

  private static int randomValid(Random rng, byte[] mask, int base, int n) {
    List<Integer> valid = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (mask[base + k] == 0) {
        valid.add(k);
      }
    }
    return valid.get(rng.nextInt(valid.size()));
  }

  /** Forward rollouts of {@code spec} with uniformly random valid actions, in a real trajectory block. */
  static BlockFixture hypergrid(String spec, int batch, long seed) {
    Environment env = Environments.create(spec, Backend.NATIVE);
    Random rng = new Random(seed);
    try (Trajectories block = Trajectories.forRollouts(env, batch)) {
      int slots = block.slots();
      env.reset(block.states(0));
      for (int t = 0; t < slots; t++) {
        env.forwardMask(block.states(t), block.forwardMask(t));
        env.backwardMask(block.states(t), block.backwardMask(t));
        if (t + 1 == slots) {
          break;
        }
        ByteTensor mask = block.forwardMask(t);
        IntTensor actions = block.actions(t);
        for (int b = 0; b < batch; b++) {
          int a;
          do {
            a = rng.nextInt(env.numActions());
          } while (mask.get((long) b * env.numActions() + a) != 0);
          actions.set(b, a);
        }
        env.step(block.states(t), actions, block.states(t + 1), block.logReward(t));
        env.backwardActions(block.states(t), actions, block.states(t + 1), block.backwardActions(t));
      }
      BlockFixture f = new BlockFixture(slots, batch, env.numActions(), env.numBackwardActions());
      block.actions.buffer().get(0, f.actions);
      block.backwardActions.buffer().get(0, f.backwardActions);
      block.forwardMask.buffer().get(0, f.forwardMask);
      block.backwardMask.buffer().get(0, f.backwardMask);
      block.terminal.buffer().get(0, f.terminal);
      block.pad.buffer().get(0, f.pad);
      block.logReward.buffer().get(0, f.logReward);
      f.randomHeads(rng);
      return f;
    }
  }

  void randomHeads(Random rng) {
    int cells = slots * batch;
    forwardLogits = gaussian(rng, cells * numActions, 1.5);
    backwardLogits = gaussian(rng, cells * numBackwardActions, 1.5);
    logFlow = gaussian(rng, cells, 2.0);
    logZ = 3 * rng.nextGaussian();
    targetForwardLogits = gaussian(rng, cells * numActions, 1.5);
    targetBackwardLogits = gaussian(rng, cells * numBackwardActions, 1.5);
    targetLogFlow = gaussian(rng, cells, 2.0);
    deltaScore = gaussian(rng, cells, 1.0);
  }

  private static float[] gaussian(Random rng, int n, double scale) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (scale * rng.nextGaussian());
    }
    return out;
  }

  /** This block with {@code extra} padding slots appended (garbage heads there, copied masks). */
  BlockFixture padded(int extra, long seed) {
    Random rng = new Random(seed);
    BlockFixture g = new BlockFixture(slots + extra, batch, numActions, numBackwardActions);
    g.randomHeads(rng);
    int cells = slots * batch;
    System.arraycopy(actions, 0, g.actions, 0, cells);
    System.arraycopy(backwardActions, 0, g.backwardActions, 0, cells);
    System.arraycopy(terminal, 0, g.terminal, 0, cells);
    System.arraycopy(pad, 0, g.pad, 0, cells);
    System.arraycopy(logReward, 0, g.logReward, 0, cells);
    System.arraycopy(forwardMask, 0, g.forwardMask, 0, cells * numActions);
    System.arraycopy(backwardMask, 0, g.backwardMask, 0, cells * numBackwardActions);
    for (float[][] pair : new float[][][] {{forwardLogits, g.forwardLogits}, {backwardLogits, g.backwardLogits},
        {logFlow, g.logFlow}, {targetForwardLogits, g.targetForwardLogits},
        {targetBackwardLogits, g.targetBackwardLogits}, {targetLogFlow, g.targetLogFlow},
        {deltaScore, g.deltaScore}}) {
      System.arraycopy(pair[0], 0, pair[1], 0, pair[0].length);
    }
    g.logZ = logZ;
    for (int s = slots; s < slots + extra; s++) {
      for (int b = 0; b < batch; b++) {
        int c = g.cell(s, b);
        int last = cell(slots - 1, b);
        g.pad[c] = 1;
        g.terminal[c] = 1;
        g.actions[c] = rng.nextInt(numActions);
        g.backwardActions[c] = rng.nextInt(numBackwardActions);
        System.arraycopy(forwardMask, last * numActions, g.forwardMask, c * numActions, numActions);
        System.arraycopy(backwardMask, last * numBackwardActions, g.backwardMask, c * numBackwardActions,
            numBackwardActions);
      }
    }
    return g;
  }

  /** Double-precision arrays for the reference objectives (every head present). */
  ObjectiveArrays arrays() {
    ObjectiveArrays a = new ObjectiveArrays(slots, batch, numActions, numBackwardActions);
    a.actions = actions.clone();
    a.backwardActions = backwardActions.clone();
    a.forwardMask = forwardMask.clone();
    a.backwardMask = backwardMask.clone();
    a.terminal = terminal.clone();
    a.pad = pad.clone();
    a.logReward = ObjectiveArrays.doubles(logReward);
    a.forwardLogits = ObjectiveArrays.doubles(forwardLogits);
    a.backwardLogits = ObjectiveArrays.doubles(backwardLogits);
    a.logFlow = ObjectiveArrays.doubles(logFlow);
    a.logZ = logZ;
    a.targetForwardLogits = ObjectiveArrays.doubles(targetForwardLogits);
    a.targetBackwardLogits = ObjectiveArrays.doubles(targetBackwardLogits);
    a.targetLogFlow = ObjectiveArrays.doubles(targetLogFlow);
    a.deltaScore = ObjectiveArrays.doubles(deltaScore);
    a.firstEdgeLogPF = firstEdgeLogPF == null ? null : ObjectiveArrays.doubles(firstEdgeLogPF);
    return a;
  }

  /** The block and every head in native tensors; closing closes them all. */
  Tensors tensors() {
    return new Tensors(this);
  }

  static final class Tensors implements AutoCloseable {
    final List<AutoCloseable> owned = new ArrayList<>();
    final ObjectiveInputs inputs;

    Tensors(BlockFixture f) {
      long t1 = f.slots;
      long b = f.batch;
      inputs = ObjectiveInputs.builder()
          .actions(own(IntTensor.of(f.actions, t1, b)))
          .backwardActions(own(IntTensor.of(f.backwardActions, t1, b)))
          .forwardMask(own(ByteTensor.of(f.forwardMask, t1, b, f.numActions)))
          .backwardMask(own(ByteTensor.of(f.backwardMask, t1, b, f.numBackwardActions)))
          .terminal(own(ByteTensor.of(f.terminal, t1, b)))
          .pad(own(ByteTensor.of(f.pad, t1, b)))
          .logReward(own(FloatTensor.of(f.logReward, t1, b)))
          .forwardLogits(own(FloatTensor.of(f.forwardLogits, t1, b, f.numActions)))
          .backwardLogits(own(FloatTensor.of(f.backwardLogits, t1, b, f.numBackwardActions)))
          .logFlow(own(FloatTensor.of(f.logFlow, t1, b)))
          .logZ(f.logZ)
          .targetForwardLogits(own(FloatTensor.of(f.targetForwardLogits, t1, b, f.numActions)))
          .targetBackwardLogits(own(FloatTensor.of(f.targetBackwardLogits, t1, b, f.numBackwardActions)))
          .targetLogFlow(own(FloatTensor.of(f.targetLogFlow, t1, b)))
          .deltaScore(own(FloatTensor.of(f.deltaScore, t1, b)))
          .firstEdgeLogPF(f.firstEdgeLogPF == null ? null : own(FloatTensor.of(f.firstEdgeLogPF, b)))
          .build();
    }

    private <T extends AutoCloseable> T own(T t) {
      owned.add(t);
      return t;
    }

    @Override
    public void close() throws Exception {
      for (AutoCloseable c : owned) {
        c.close();
      }
    }
  }
}
