package org.gfn4j.train;

import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.TargetNetwork;
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
  /** The target network as a native forward for the leaves, reloaded at each target update (null: the ORT target). */
  private final MlpForward targetForward;
  private final TreeRegression regression;
  private final MctsEvaluation evaluation;

  TreeTraining(TrainConfig config, Environment env, StateSpace space, PolicySpec spec, TargetNetwork target,
      PolicyFn targetPolicy, PolicyFn online, boolean nativeForward, int batch, long seed) {
    MctsSettings mcts = MctsSetup.settings(config, env);
    boolean search = mcts.mode().searchesInTraining() && target != null;
    this.targetForward = search && nativeForward && spec.kind() == PolicySpec.Kind.MLP
        ? MlpForward.create(spec, Backend.NATIVE) : null;
    if (targetForward != null) {
      targetForward.load(target.parameters());
    }
    PolicyFn leaves = targetForward != null ? new NetworkPolicy(targetForward) : targetPolicy;
    this.hook = search ? MctsSetup.hook(env, leaves, mcts, mcts.mode().actsFromTreeInTraining(), batch,
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

  /** The target network changed: the leaves' native copy follows. */
  void targetUpdated(TargetNetwork target) {
    if (targetForward != null) {
      targetForward.load(target.parameters());
    }
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
    if (targetForward != null) {
      targetForward.close();
    }
    if (evaluation != null) {
      evaluation.close();
    }
  }
}
