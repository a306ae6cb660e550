package org.gfn4j.search;

import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.RolloutHook;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * MENTS inside a forward rollout: before each slot's draw every live trajectory's tree is
 * searched; the tree's root Q_tree(s, ·) and value V_tree(s) are recorded per slot (the training
 * targets of mcts_train / mcts_all) and, when {@code actFromTree}, the actions are drawn from
 * softmax(Q_tree(s, ·)) instead of the policy's own logits.
 */
public final class MctsHook implements RolloutHook, AutoCloseable {
  private final MentsSearch search;
  private final boolean actFromTree;
  private final int batch;
  private final int actions;
  private final FloatTensor treeLogits;
  private final FloatTensor rootValues;
  private final FloatTensor rootQ;
  private final ByteTensor searched;
  private final IntTensor exitAction;
  private final FloatTensor exitLogReward;

  /** {@code slots} bounds the recorded root values (the rollout block's slot count). */
  public MctsHook(MentsSearch search, boolean actFromTree, int batch, int actions, int slots) {
    this.search = search;
    this.actFromTree = actFromTree;
    this.batch = batch;
    this.actions = actions;
    this.treeLogits = FloatTensor.allocate(batch, actions);
    this.rootValues = FloatTensor.allocate(slots, batch);
    this.rootQ = FloatTensor.allocate(slots, batch, actions);
    this.searched = ByteTensor.allocate(slots, batch);
    this.exitAction = IntTensor.allocate(slots, batch);
    this.exitLogReward = FloatTensor.allocate(slots, batch);
  }

  @Override
  public void start() {
    search.reset();
    rootValues.fill(Float.NaN);
    searched.fill((byte) 0);
  }

  @Override
  public FloatTensor logits(int slot, StateBatch states, FloatTensor policyLogits, long rngStep) {
    search.search(states, rngStep, slot);
    for (int b = 0; b < batch; b++) {
      double v = search.rootValue(b);
      long row = (long) slot * batch + b;
      rootValues.set(row, (float) v);
      if (!Double.isNaN(v)) {
        searched.set(row, (byte) 1);
        double[] q = search.rootQ(b);
        for (int a = 0; a < actions; a++) {
          rootQ.set(row * actions + a, (float) q[a]);
        }
      }
    }
    if (!actFromTree) {
      return policyLogits;
    }
    treeLogits.copyElements(policyLogits);
    search.writeRootLogits(treeLogits);
    return treeLogits;
  }

  @Override
  public void stepped(int slot, StateBatch states, IntTensor chosen) {
    search.advance(states, chosen);
  }

  /**
   * Replaces log F(s) of {@code targetLogFlow} [used, B] by the tree's soft value wherever a tree
   * searched from s in the last rollout, so that the soft-DQN target r + V(s') bootstraps from
   * V_tree(s') = logsumexp Q_tree(s', ·) rather than from the target network alone.
   */
  public void overwriteTargetValues(FloatTensor targetLogFlow, int used) {
    targetLogFlow.requireSize("target log-flows", (long) used * batch);
    for (long i = 0; i < (long) used * batch; i++) {
      float v = rootValues.get(i);
      if (!Float.isNaN(v)) {
        targetLogFlow.set(i, v);
      }
    }
  }

  /**
   * The tree regression loss ({@link TreeRegression}) on the last rollout's first {@code used} slots:
   * Q_θ of every searched state regressed onto Q_tree, each terminating transition's Q_θ onto log R.
   * Gradients land in {@code grads} (forward logits and log-flow; the backward head gets zeros).
   */
  public double regressionLoss(Trajectories block, int used, HeadBlock heads, HeadBlock grads, TreeRegression kernel) {
    int rows = used * batch;
    for (int t = 0; t < used; t++) {
      StateBatch here = block.states(t);
      StateBatch next = t + 1 < used ? block.states(t + 1) : null;
      for (int b = 0; b < batch; b++) {
        long row = (long) t * batch + b;
        boolean exits = next != null && !here.isTerminal(b) && !here.isPad(b) && next.isTerminal(b);
        exitAction.set(row, exits ? block.actions.get(row) : -1);
        exitLogReward.set(row, exits ? block.logReward.get(row) : 0f);
      }
    }
    grads.backwardLogits(0, used).fill(0f);
    return kernel.loss(rows, actions, heads.forwardLogits(0, used), heads.logFlow(0, used),
        block.forwardMask.view(0, rows, actions), searched.view(0, rows), rootQ.view(0, rows, actions),
        exitAction.view(0, rows), exitLogReward.view(0, rows), grads.forwardLogits(0, used), grads.logFlow(0, used));
  }

  public int actions() {
    return actions;
  }

  @Override
  public void close() {
    search.close();
    treeLogits.close();
    rootValues.close();
    rootQ.close();
    searched.close();
    exitAction.close();
    exitLogReward.close();
  }
}
