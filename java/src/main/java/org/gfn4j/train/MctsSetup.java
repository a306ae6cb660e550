package org.gfn4j.train;

import org.gfn4j.env.Environment;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.runtime.Backend;
import org.gfn4j.search.MctsHook;
import org.gfn4j.search.MctsSettings;
import org.gfn4j.search.MentsSearch;

/** The mcts_* settings of a run, checked against its objective and environment, and the search hooks they build. */
final class MctsSetup {
  private MctsSetup() {}

  /** The run's tree-search settings; IllegalArgumentException where they cannot apply. */
  static MctsSettings settings(TrainConfig c, Environment env) {
    MctsSettings s = new MctsSettings(MctsSettings.Mode.parse(c.get(TrainKey.MCTS)), c.getInt(TrainKey.MCTS_ROLLOUTS),
        c.getDouble(TrainKey.MCTS_EPS));
    if (!s.enabled()) {
      return s;
    }
    String mode = s.mode().label();
    if (!c.get(TrainKey.OBJECTIVE).equals("softdqn")) {
      throw new IllegalArgumentException("mcts=" + mode + " searches with soft-DQN's Q network at temperature 1:"
          + " use objective=softdqn, not " + c.get(TrainKey.OBJECTIVE));
    }
    String lambda = c.get(TrainKey.SOFTDQN_LAMBDA);
    if (!lambda.equals("auto") && Double.parseDouble(lambda) != 1.0) {
      throw new IllegalArgumentException("mcts=" + mode + " backs up soft values at temperature 1: softdqn_lambda must"
          + " be auto or 1, got " + lambda);
    }
    if (TrainSetup.backwardChoice(c).separateNetwork()) {
      throw new IllegalArgumentException("mcts=" + mode + " rewards tree edges with the uniform PB: backward_policy "
          + c.get(TrainKey.BACKWARD_POLICY) + " does not apply");
    }
    if (s.mode().searchesInTraining() && !c.get(TrainKey.REPLAY).equals("none")) {
      throw new IllegalArgumentException("mcts=" + mode + " trains on each batch's own trees: replay must be none, got "
          + c.get(TrainKey.REPLAY));
    }
    String loss = c.get(TrainKey.MCTS_LOSS);
    if (!loss.equals("regression") && !loss.equals("bootstrap")) {
      throw new IllegalArgumentException("'mcts_loss' must be regression or bootstrap, got '" + loss + "'");
    }
    if (!env.alwaysTerminates() || env.firstEdge().isPresent()) {
      throw new IllegalArgumentException("mcts=" + mode + " needs an acyclic environment; " + env.spec()
          + " can revisit states");
    }
    return s;
  }

  /** A hook searching one tree per trajectory of a {@code batch}-row rollout with {@code valueNetwork} at the leaves. */
  static MctsHook hook(Environment env, PolicyFn valueNetwork, MctsSettings s, boolean actFromTree, int batch,
      int slots, long seed) {
    return new MctsHook(new MentsSearch(env, valueNetwork, batch, s, seed, Backend.NATIVE), actFromTree, batch,
        env.numActions(), slots);
  }
}
