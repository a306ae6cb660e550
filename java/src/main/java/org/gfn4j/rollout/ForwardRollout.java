package org.gfn4j.rollout;

import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;

/**
 * Batched forward rollouts: at each slot the environment writes observations and masks into
 * the block, the policy reads that slot's observations in place and writes its heads, the
 * sampler picks actions and the environment steps into the next slot. Once every trajectory has
 * terminated the remaining slots are filled by padding steps without calling the policy. Nothing
 * here assumes the state graph is acyclic: the block's slot count is the step cap, and a
 * trajectory still not terminal in the last slot is marked truncated (it has no terminal object
 * and no reward; see {@link Trajectories#truncated}). An environment with a fixed first edge
 * ({@link org.gfn4j.env.FirstEdge}) gets its start state drawn after s0 instead of stepped.
 */
public final class ForwardRollout implements AutoCloseable {
  private final Environment env;
  private final Sampler sampler;
  private final FloatTensor sampledLogPF;
  private final org.gfn4j.env.FirstEdge firstEdge;

  /** {@code batch} is the number of trajectories per rollout. */
  public ForwardRollout(Environment env, Sampler sampler, int batch) {
    this.env = env;
    this.sampler = sampler;
    this.sampledLogPF = FloatTensor.allocate(batch);
    this.firstEdge = env.firstEdge().orElse(null);
  }

  /** Exploration of one rollout: epsilon, temperature and the RNG step of the counter. */
  public record Exploration(float epsilon, float temperature, long rngStep) {}

  /**
   * Fills {@code block} (every slot) and the heads of the slots the policy saw, from the initial
   * state. Returns the number of used slots: the longest trajectory's length plus one; slots
   * from there on hold padding only.
   */
  public int run(Trajectories block, HeadBlock heads, PolicyFn policy, Exploration exploration, RolloutTimer timer) {
    return run(block, heads, policy, exploration, timer, null);
  }

  /** {@link #run} with a {@link RolloutHook} (null: none) choosing the logits actions are drawn from. */
  public int run(Trajectories block, HeadBlock heads, PolicyFn policy, Exploration exploration, RolloutTimer timer,
      RolloutHook hook) {
    checkBuffers(block, heads);
    env.reset(block.states(0));
    if (hook != null) {
      hook.start();
    }
    return roll(block, heads, policy, exploration, timer, hook, firstEdge);
  }

  /**
   * As {@link #run}, but from the states the caller wrote into slot 0 (local search rebuilds a
   * suffix from a state part-way down a trajectory); a fixed first edge is not drawn.
   */
  public int runFrom(Trajectories block, HeadBlock heads, PolicyFn policy, Exploration exploration,
      RolloutTimer timer) {
    checkBuffers(block, heads);
    return roll(block, heads, policy, exploration, timer, null, null);
  }

  private void checkBuffers(Trajectories block, HeadBlock heads) {
    if (block.batch() != sampledLogPF.size() || heads.slots() != block.slots()) {
      throw new IllegalArgumentException("rollout buffers do not match: " + block.batch() + " trajectories, "
          + heads.slots() + " head slots for " + block.slots() + " block slots");
    }
  }

  private int roll(Trajectories block, HeadBlock heads, PolicyFn policy, Exploration exploration, RolloutTimer timer,
      RolloutHook hook, org.gfn4j.env.FirstEdge firstEdge) {
    int used = block.slots();
    boolean policyDone = false;
    for (int t = 0; t < block.slots(); t++) {
      StateBatch states = block.states(t);
      long t0 = System.nanoTime();
      env.observe(states, block.obs(t));
      env.forwardMask(states, block.forwardMask(t));
      env.backwardMask(states, block.backwardMask(t));
      long t1 = System.nanoTime();
      timer.env(t1 - t0);
      if (!policyDone) {
        // Rows produced by padding steps belong to finished trajectories: no objective reads their heads.
        policy.evaluate(block.obs(t), t == 0 ? null : states.pad(), heads.forwardLogits(t, 1),
            heads.backwardLogits(t, 1), heads.logFlow(t, 1));
        long t2 = System.nanoTime();
        timer.policy(t2 - t1);
        t1 = t2;
        if (allTerminal(block.terminal, t, block.batch())) {
          policyDone = true;
          used = t + 1;
        }
      }
      if (t + 1 == block.slots()) {
        break;
      }
      ByteTensor mask = block.forwardMask(t);
      if (policyDone) {
        block.actions(t).fill(0); // every state is terminal: a padding step, any action will do
      } else {
        FloatTensor logits = heads.forwardLogits(t, 1);
        if (hook != null) {
          logits = hook.logits(t, states, logits, exploration.rngStep());
        }
        sampler.sample(logits, mask, exploration.epsilon(), exploration.temperature(),
            exploration.rngStep(), t, block.actions(t), sampledLogPF);
      }
      if (t == 0 && firstEdge != null) {
        enter(block, exploration.rngStep());
      } else {
        env.step(states, block.actions(t), block.states(t + 1), block.logReward(t));
        env.backwardActions(states, block.actions(t), block.states(t + 1), block.backwardActions(t));
      }
      if (hook != null && !policyDone) {
        hook.stepped(t, states, block.actions(t));
      }
      timer.env(System.nanoTime() - t1);
    }
    markTruncated(block);
    return Math.max(used, 2);
  }

  /**
   * The fixed first edge s0 → s1: slot 1 receives start states drawn from the environment's
   * distribution (one random stream per seed and RNG step), with the return-to-s0 backward action
   * and no reward. The action of slot 0 is the one "enter" action s0 allows.
   */
  private void enter(Trajectories block, long rngStep) {
    long key = sampler.seed() * 0x9E3779B97F4A7C15L ^ rngStep * 0xC2B2AE3D27D4EB4FL;
    firstEdge.sample(block.states(1), new java.util.SplittableRandom(key));
    block.logReward(0).fill(0f);
    block.backwardActions(0).fill(firstEdge.returnAction());
  }

  /** Flags the trajectories whose last slot is not terminal. */
  static void markTruncated(Trajectories block) {
    java.nio.ByteBuffer flags = block.terminal.buffer();
    int base = (block.slots() - 1) * block.batch();
    for (int b = 0; b < block.batch(); b++) {
      block.truncated.set(b, (byte) (flags.get(base + b) == 0 ? 1 : 0));
    }
  }

  private static boolean allTerminal(ByteTensor terminal, int slot, int batch) {
    java.nio.ByteBuffer flags = terminal.buffer();
    int base = slot * batch;
    for (int b = 0; b < batch; b++) {
      if (flags.get(base + b) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Releases the scratch buffer; the environment and sampler are not owned. */
  @Override
  public void close() {
    sampledLogPF.close();
  }
}
