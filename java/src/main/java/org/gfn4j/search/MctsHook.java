package org.gfn4j.search;

import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.RolloutHook;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * MENTS inside a forward rollout: before each slot's draw every live trajectory's tree is
 * searched; the tree's root value V_tree(s) is recorded per slot (the soft-DQN target of
 * mcts_train / mcts_all) and, when {@code actFromTree}, the actions are drawn from
 * softmax(Q_tree(s, ·)) instead of the policy's own logits.
 */
public final class MctsHook implements RolloutHook, AutoCloseable {
  private final MentsSearch search;
  private final boolean actFromTree;
  private final int batch;
  private final int actions;
  private final FloatTensor treeLogits;
  private final FloatTensor rootValues;

  /** {@code slots} bounds the recorded root values (the rollout block's slot count). */
  public MctsHook(MentsSearch search, boolean actFromTree, int batch, int actions, int slots) {
    this.search = search;
    this.actFromTree = actFromTree;
    this.batch = batch;
    this.actions = actions;
    this.treeLogits = FloatTensor.allocate(batch, actions);
    this.rootValues = FloatTensor.allocate(slots, batch);
  }

  @Override
  public void start() {
    search.reset();
    rootValues.fill(Float.NaN);
  }

  @Override
  public FloatTensor logits(int slot, StateBatch states, FloatTensor policyLogits, long rngStep) {
    search.search(states, rngStep, slot);
    for (int b = 0; b < batch; b++) {
      rootValues.set((long) slot * batch + b, (float) search.rootValue(b));
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

  public int actions() {
    return actions;
  }

  @Override
  public void close() {
    search.close();
    treeLogits.close();
    rootValues.close();
  }
}
