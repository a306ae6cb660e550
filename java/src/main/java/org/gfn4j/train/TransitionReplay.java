package org.gfn4j.train;

import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PrioritizedReplay;
import org.gfn4j.rollout.ReplayBuffer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;

/**
 * Off-policy updates from stored transitions (replay=uniform|prioritized): the buffer, its
 * priorities, and the two-slot block each draw fills with the heads and gradients an update of it
 * needs.
 */
final class TransitionReplay implements AutoCloseable {
  final ReplayBuffer buffer;
  /** Priorities over {@link #buffer} with replay=prioritized, else null. */
  final PrioritizedReplay prioritized;
  final Trajectories block;
  final HeadBlock heads;
  final HeadBlock grads;
  /** Heads of the target network on the draw (null without one). */
  final HeadBlock targetHeads;
  /** PB̄ heads on the draw (null without a separate backward policy). */
  final HeadBlock backwardHeads;
  /** Importance weights and per-transition residuals of a prioritized draw (null otherwise). */
  final FloatTensor weights;
  final FloatTensor residuals;
  private final TrainConfig config;

  /** The replay {@code config} asks for, or null with replay=none. */
  static TransitionReplay create(TrainConfig config, Environment env, boolean targetNetwork, boolean backwardNetwork) {
    String kind = config.get(TrainKey.REPLAY);
    return kind.equals("none") ? null
        : new TransitionReplay(config, env, kind.equals("prioritized"), targetNetwork, backwardNetwork);
  }

  private TransitionReplay(TrainConfig config, Environment env, boolean usePriorities, boolean targetNetwork,
      boolean backwardNetwork) {
    this.config = config;
    int batch = config.getInt(TrainKey.REPLAY_BATCH);
    this.buffer = new ReplayBuffer(config.getInt(TrainKey.REPLAY_CAPACITY), env.stateWidth(), env.observationSpec(),
        env.numActions(), env.numBackwardActions());
    this.prioritized = usePriorities
        ? new PrioritizedReplay(buffer, config.getDouble(TrainKey.REPLAY_ALPHA), Backend.NATIVE) : null;
    this.weights = usePriorities ? FloatTensor.allocate(2, batch) : null;
    this.residuals = usePriorities ? FloatTensor.allocate(2, batch) : null;
    this.block = Trajectories.of(env, 2, batch);
    this.heads = HeadBlock.like(block);
    this.grads = HeadBlock.like(block);
    this.targetHeads = targetNetwork ? HeadBlock.like(block) : null;
    this.backwardHeads = backwardNetwork ? HeadBlock.like(block) : null;
  }

  /** Stores the transitions of the rollout's first {@code used} slots. */
  void add(Trajectories prefix, int used) {
    if (prioritized != null) {
      prioritized.add(prefix, used);
    } else {
      buffer.add(prefix, used);
    }
  }

  /** Whether the buffer holds the replay_min transitions updates wait for. */
  boolean ready() {
    return buffer.size() >= Math.max(1, config.getInt(TrainKey.REPLAY_MIN));
  }

  /** Fills {@link #block} with a draw (and {@link #weights} with β-annealed importance weights when prioritized). */
  void draw(SplittableRandom rng, long step) {
    if (prioritized != null) {
      prioritized.sample(rng, block, PrioritizedReplay.beta(config.getDouble(TrainKey.REPLAY_BETA_START),
          config.getDouble(TrainKey.REPLAY_BETA_END), config.getInt(TrainKey.REPLAY_BETA_STEPS), step), weights);
    } else {
      buffer.sample(rng, block);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {prioritized, buffer, block, heads, grads, targetHeads, backwardHeads,
        weights, residuals}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
