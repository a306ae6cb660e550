package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.ApproxDistribution;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;
import org.gfn4j.search.MctsHook;
import org.gfn4j.search.MctsSettings;

/**
 * mcts_inference at evaluation: objects drawn from softmax(Q_tree) with the current network at the
 * leaves, and their empirical distribution against R/Z (the approximate metrics, prefixed mcts_).
 */
final class MctsEvaluation implements AutoCloseable {
  private final StateSpace space;
  private final int samples;
  private final ForwardRollout rollout;
  private final Trajectories block;
  private final HeadBlock heads;
  private final MctsHook hook;

  MctsEvaluation(Environment env, StateSpace space, PolicyFn network, MctsSettings settings, int samples, int batch,
      long seed) {
    this.space = space;
    this.samples = samples;
    this.rollout = new ForwardRollout(env, new Sampler(seed ^ 0x6D637473L), batch);
    this.block = Trajectories.forRollouts(env, batch);
    this.heads = HeadBlock.like(block);
    this.hook = MctsSetup.hook(env, network, settings, true, batch, block.slots(), seed ^ 0x6D637473L);
  }

  /** The mcts_* sample metrics of {@code samples} fresh tree-guided objects; the RNG stream is fixed by {@code step}. */
  Map<String, Double> evaluate(PolicyFn network, long step) {
    ApproxDistribution approx = new ApproxDistribution(space.trueDistribution(), samples);
    long round = 0;
    while (approx.size() < samples) {
      int used = rollout.run(block, heads, network, new ForwardRollout.Exploration(0f, 1f, step * 1_000_003L + round++),
          RolloutTimer.NONE, hook);
      approx.addStates(space, block.states(used - 1));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    approx.get().forEach((k, v) -> out.put("mcts_" + k, v));
    return out;
  }

  @Override
  public void close() {
    rollout.close();
    block.close();
    heads.close();
    hook.close();
  }
}
