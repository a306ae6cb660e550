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
    int[] length = new int[batch];
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
