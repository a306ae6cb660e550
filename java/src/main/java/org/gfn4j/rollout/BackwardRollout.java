package org.gfn4j.rollout;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Backward rollouts from given terminal objects: backward actions are sampled from the
 * policy's backward head (or uniformly) until every trajectory reaches the initial state, and
 * the trajectories are written forward-ordered into a trajectory block (slot 0 = s0, the object
 * at slot L, padding behind), so the same log-probability kernels as for forward rollouts apply.
 */
public final class BackwardRollout implements AutoCloseable {
  private final Environment env;
  private final Sampler sampler;
  private final Trajectories reverse;
  private final HeadBlock reverseHeads;
  private final IntTensor redo;
  private final ByteTensor done;
  /** Each trajectory's length in the last run. */
  private int[] length = new int[0];

  public BackwardRollout(Environment env, Sampler sampler, int batch) {
    this.env = env;
    this.sampler = sampler;
    this.reverse = Trajectories.forRollouts(env, batch);
    this.reverseHeads = HeadBlock.like(reverse);
    this.redo = IntTensor.allocate(reverse.slots(), batch);
    this.done = ByteTensor.allocate(batch);
  }

  /**
   * Samples one backward trajectory from each object (cells [B * W], terminal objects) and
   * writes the forward-ordered block. Returns the used slots (longest length + 1).
   */
  public int run(int[] objects, Trajectories block, PolicyFn policy, boolean uniformBackward, long rngStep) {
    int batch = block.batch();
    int width = block.width();
    if (objects.length != batch * width || reverse.batch() != batch || block.slots() != reverse.slots()) {
      throw new IllegalArgumentException("backward rollout of " + objects.length / Math.max(1, width)
          + " objects does not fit a block of " + batch + " trajectories");
    }
    StateBatch start = reverse.states(0);
    for (int b = 0; b < batch; b++) {
      env.setState(start, b, java.util.Arrays.copyOfRange(objects, b * width, (b + 1) * width), true);
    }
    length = new int[batch];
    java.util.Arrays.fill(length, -1);
    int k = 0;
    for (; k + 1 < reverse.slots(); k++) {
      StateBatch states = reverse.states(k);
      FloatTensor logits = reverseHeads.backwardLogits(k, 1);
      if (uniformBackward) {
        logits.fill(0f);
      } else {
        env.observe(states, reverse.obs(k));
        policy.evaluate(reverse.obs(k), reverseHeads.forwardLogits(k, 1), logits, reverseHeads.logFlow(k, 1));
      }
      env.backwardMask(states, reverse.backwardMask(k));
      sampler.sample(logits, reverse.backwardMask(k), 0f, 1f, rngStep, k, reverse.backwardActions(k), null);
      env.backwardStep(states, reverse.backwardActions(k), reverse.states(k + 1), done);
      env.forwardActions(states, reverse.backwardActions(k), reverse.states(k + 1), redo.view((long) k * batch, batch));
      boolean all = true;
      for (int b = 0; b < batch; b++) {
        if (length[b] < 0 && done.get(b) != 0) {
          length[b] = k + 1;
        }
        all &= length[b] >= 0;
      }
      if (all) {
        break;
      }
    }
    for (int b = 0; b < batch; b++) {
      if (length[b] < 0) {
        throw new IllegalStateException("backward rollout " + b + " did not reach the initial state");
      }
    }
    double[] logR = env.logRewards(objects, batch);
    writeForward(block, length, logR);
    int longest = java.util.Arrays.stream(length).max().orElse(1);
    return Math.min(block.slots(), longest + 1);
  }

  /**
   * {@link #run} that also writes the policy's heads of every real slot of {@code block} into
   * {@code heads}, as one evaluation of the block would. With a learned backward policy the
   * sampling evaluated every state but s0 already: those heads are copied into forward order and
   * only s0's are computed; with a uniform one the used slots are evaluated.
   */
  public int run(int[] objects, Trajectories block, HeadBlock heads, PolicyFn policy, boolean uniformBackward,
      long rngStep) {
    if (heads.slots() != block.slots()) {
      throw new IllegalArgumentException(heads.slots() + " head slots for " + block.slots() + " block slots");
    }
    int used = run(objects, block, policy, uniformBackward, rngStep);
    if (uniformBackward) {
      policy.evaluate(block.prefix(used).obsRows(), heads.forwardLogits(0, used), heads.backwardLogits(0, used),
          heads.logFlow(0, used));
      return used;
    }
    int batch = block.batch();
    copyRows(reverseHeads.forwardLogits.buffer(), heads.forwardLogits.buffer(), batch, block.numActions());
    copyRows(reverseHeads.backwardLogits.buffer(), heads.backwardLogits.buffer(), batch, block.numBackwardActions());
    copyRows(reverseHeads.logFlow.buffer(), heads.logFlow.buffer(), batch, 1);
    policy.evaluate(block.obs(0), heads.forwardLogits(0, 1), heads.backwardLogits(0, 1), heads.logFlow(0, 1));
    return used;
  }

  /** Forward slot t ≥ 1 of row b takes reverse slot length[b] − t, the same state ([T1, B, width] rows). */
  private void copyRows(java.nio.FloatBuffer src, java.nio.FloatBuffer dst, int batch, int width) {
    float[] row = new float[width];
    for (int b = 0; b < batch; b++) {
      for (int t = 1; t <= length[b]; t++) {
        src.get(((length[b] - t) * batch + b) * width, row);
        dst.put((t * batch + b) * width, row);
      }
    }
  }

  private void writeForward(Trajectories block, int[] length, double[] logR) {
    int batch = block.batch();
    int width = block.width();
    IntBuffer srcCells = reverse.cells.buffer();
    ByteBuffer srcTerminal = reverse.terminal.buffer();
    IntBuffer srcBack = reverse.backwardActions.buffer();
    IntBuffer srcRedo = redo.buffer();
    IntBuffer cells = block.cells.buffer();
    ByteBuffer terminal = block.terminal.buffer();
    ByteBuffer pad = block.pad.buffer();
    IntBuffer actions = block.actions.buffer();
    IntBuffer back = block.backwardActions.buffer();
    java.nio.FloatBuffer reward = block.logReward.buffer();
    for (int t = 0; t < block.slots(); t++) {
      for (int b = 0; b < batch; b++) {
        int len = length[b];
        int src = Math.max(len - t, 0); // reverse slot holding forward state t (the object once t >= len)
        int dst = t * batch + b;
        for (int i = 0; i < width; i++) {
          cells.put(dst * width + i, srcCells.get((src * batch + b) * width + i));
        }
        terminal.put(dst, srcTerminal.get(src * batch + b));
        pad.put(dst, (byte) (t > len ? 1 : 0));
        boolean real = t < len;
        int k = len - t - 1; // backward step that undid forward transition t
        actions.put(dst, real ? srcRedo.get(k * batch + b) : 0);
        back.put(dst, real ? srcBack.get(k * batch + b) : 0);
        reward.put(dst, t == len - 1 ? (float) logR[b] : 0f);
      }
    }
    for (int t = 0; t < block.slots(); t++) {
      StateBatch states = block.states(t);
      env.observe(states, block.obs(t));
      env.forwardMask(states, block.forwardMask(t));
      env.backwardMask(states, block.backwardMask(t));
    }
  }

  @Override
  public void close() {
    reverse.close();
    reverseHeads.close();
    redo.close();
    done.close();
  }
}
