package org.gfn4j.train;

import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutHook;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.search.MctsHook;
import org.gfn4j.search.MctsSettings;
import org.gfn4j.search.TreeRegression;
import org.gfn4j.tensor.FloatTensor;

/**
 * What the mcts_* settings add to a training run: the rollout hook searching one tree per
 * trajectory with the target network at the leaves (mcts_train, mcts_all), the tree targets of
 * the on-policy update (mcts_loss), and tree-guided evaluation samples (mcts_inference, mcts_all).
 * With mcts=none every part is absent and every method is a no-op.
 */
final class TreeTraining implements AutoCloseable {
  private final MctsHook hook;
  private final TreeRegression regression;
  private final MctsEvaluation evaluation;

  /** {@code targetPolicy}: the target network (its native copy where there is one), null when there is none. */
  TreeTraining(TrainConfig config, Environment env, StateSpace space, PolicyFn targetPolicy, PolicyFn online,
      int batch, long seed) {
    MctsSettings mcts = MctsSetup.settings(config, env);
    boolean search = mcts.mode().searchesInTraining() && targetPolicy != null;
    this.hook = search ? MctsSetup.hook(env, targetPolicy, mcts, mcts.mode().actsFromTreeInTraining(), batch,
        env.maxSteps() + 1, seed) : null;
    this.regression = search && config.get(TrainKey.MCTS_LOSS).equals("regression")
        ? new TreeRegression(Backend.NATIVE) : null;
    int samples = config.getInt(TrainKey.MCTS_EVAL_SAMPLES);
    this.evaluation = mcts.mode().actsFromTreeInInference() && samples > 0 && space != null
        ? new MctsEvaluation(env, space, online, mcts, samples, batch, seed) : null;
  }

  /** The hook of training rollouts, null when trees are not searched in training. */
  RolloutHook rolloutHook() {
    return hook;
  }

  /** mcts_loss=regression: the on-policy update's loss is the tree regression. */
  boolean regresses() {
    return regression != null;
  }

  /** The tree regression loss of the last rollout, gradients into {@code grads}. */
  double regressionLoss(Trajectories block, int used, HeadBlock heads, HeadBlock grads) {
    return hook.regressionLoss(block, used, heads, grads, regression);
  }

  /** mcts_loss=bootstrap: the target network's log F(s') gives way to V_tree(s') where a tree searched s'. */
  void bootstrap(FloatTensor targetLogFlow, int used) {
    if (hook != null && regression == null) {
      hook.overwriteTargetValues(targetLogFlow, used);
    }
  }

  /** The mcts_* sample metrics at this evaluation (none without mcts_eval_samples). */
  Map<String, Double> evaluate(PolicyFn online, long step) {
    return evaluation == null ? Map.of() : evaluation.evaluate(online, step);
  }

  @Override
  public void close() {
    if (hook != null) {
      hook.close();
    }
    if (evaluation != null) {
      evaluation.close();
    }
  }
}
