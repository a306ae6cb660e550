package org.gfn4j.search;

import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * MENTS over a batch of trajectories, one tree per trajectory: at each environment step every
 * live tree gets {@code rollouts} E2W descents, and each expansion round evaluates all the new
 * leaves with the value network (the soft-DQN target) in ONE batched call, Q(s, ·) = log F(s) +
 * log_softmax(logits) (the dueling head at temperature 1); the inner reward of a child is log of
 * the uniform PB, -log #parents. The tree of a trajectory is kept across steps: the chosen child
 * becomes the root (re-evaluated only where it was never expanded).
 */
public final class MentsSearch implements AutoCloseable {
  /** Node-action entries all trees may hold together (about 220 MB of tree buffers at most). */
  private static final long NODE_ACTION_BUDGET = 1L << 24;
  private final Environment env;
  private final PolicyFn valueNetwork;
  private final MctsSettings settings;
  private final long seed;
  private final int batch;
  private final int actions;
  private final int width;
  private final int maxDepth;
  private final MentsTrees trees;
  private final StateBatch scratch;
  private final StateBatch next;
  private final Tensor<?> obs;
  private final HeadBlock heads;
  private final ByteTensor mask;
  private final ByteTensor backwardMask;
  private final ByteTensor skip;
  private final IntTensor act;
  private final FloatTensor logReward;

  public MentsSearch(Environment env, PolicyFn valueNetwork, int batch, MctsSettings settings, long seed,
      Backend backend) {
    this(env, valueNetwork, batch, settings, seed, backend, 0);
  }

  /** {@code nodesPerTree} > 0 fixes the arena size (tests of the rebuild path); 0 sizes it as above. */
  MentsSearch(Environment env, PolicyFn valueNetwork, int batch, MctsSettings settings, long seed, Backend backend,
      int nodesPerTree) {
    if (env == null || valueNetwork == null || settings == null) {
      throw new IllegalArgumentException("environment, value network and settings must not be null");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, got " + batch);
    }
    this.env = env;
    this.valueNetwork = valueNetwork;
    this.settings = settings;
    this.seed = seed;
    this.batch = batch;
    this.actions = env.numActions();
    this.width = env.stateWidth();
    this.maxDepth = env.maxSteps() + 1;
    // A whole trajectory fits where memory allows (each step adds at most a root and one node per
    // rollout); otherwise a tree without room for the next step is rebuilt from its current state.
    long whole = (long) maxDepth * (settings.rollouts() + 1) + 1;
    long affordable = Math.max(settings.rollouts() + 2L, NODE_ACTION_BUDGET / ((long) batch * actions));
    int capacity = nodesPerTree > 0 ? Math.max(nodesPerTree, settings.rollouts() + 2)
        : (int) Math.min(Math.min(whole, affordable), Integer.MAX_VALUE);
    this.trees = new MentsTrees(batch, capacity, actions, width, backend);
    this.scratch = env.newBatch(batch);
    this.next = env.newBatch(batch);
    env.reset(scratch);
    this.obs = env.observationSpec().allocate(batch);
    this.heads = new HeadBlock(1, batch, actions, env.numBackwardActions());
    this.mask = ByteTensor.allocate(batch, actions);
    this.backwardMask = ByteTensor.allocate(batch, env.numBackwardActions());
    this.skip = ByteTensor.allocate(batch);
    this.act = IntTensor.allocate(batch);
    this.logReward = FloatTensor.allocate(batch);
  }

  public MentsTrees trees() {
    return trees;
  }

  /** A new batch of trajectories: every tree is emptied. */
  public void reset() {
    trees.clear();
  }

  /** Rows of {@code states} a tree searches from: neither terminal nor padding. */
  private int[] live(StateBatch states) {
    int n = 0;
    int[] ids = new int[batch];
    for (int b = 0; b < batch; b++) {
      if (!states.isTerminal(b) && !states.isPad(b)) {
        ids[n++] = b;
      }
    }
    return java.util.Arrays.copyOf(ids, n);
  }

  /**
   * {@code rollouts} expansions in the tree of every live row of {@code roots} (one tree per row),
   * with random numbers fixed by the seed, {@code rngStep} and {@code slot}.
   */
  public void search(StateBatch roots, long rngStep, int slot) {
    if (roots.batchSize() != batch || roots.width() != width) {
      throw new IllegalArgumentException("roots must be " + batch + " states of " + width + " cells");
    }
    int[] ids = live(roots);
    placeRoots(roots, ids);
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ rngStep * 0xBF58476D1CE4E5B9L ^ slot);
    double[] uniforms = new double[ids.length * maxDepth];
    for (int r = 0; r < settings.rollouts(); r++) {
      for (int i = 0; i < uniforms.length; i++) {
        uniforms[i] = rng.nextDouble();
      }
      MentsTrees.Selection s = trees.select(ids, settings.eps(), maxDepth, uniforms);
      expand(ids, s);
    }
  }

  /** Trees without a root (new trajectory, unexpanded child) or without room for this step get one from their row. */
  private void placeRoots(StateBatch roots, int[] ids) {
    int[] fresh = new int[ids.length];
    int n = 0;
    for (int b : ids) {
      int root = trees.root(b);
      if (root >= 0 && !java.util.Arrays.equals(trees.cells(b, root), roots.cells(b))) {
        throw new IllegalStateException("tree " + b + " is not at its trajectory's state: advance() was skipped");
      }
      if (root < 0 || trees.size(b) + settings.rollouts() + 1 > trees.capacity()) {
        fresh[n++] = b;
      }
    }
    fresh = java.util.Arrays.copyOf(fresh, n);
    if (n == 0) {
      return;
    }
    trees.clear(fresh);
    for (int b = 0; b < batch; b++) {
      skip.set(b, (byte) 1);
    }
    for (int b : fresh) {
      scratch.set(b, roots.cells(b), false);
      skip.set(b, (byte) 0);
    }
    int[] cells = new int[n * width];
    double[] q = new double[n * actions];
    byte[] invalid = new byte[n * actions];
    evaluate(scratch, fresh, cells, q, invalid);
    trees.setRoots(fresh, cells, q, invalid);
  }

  /** Q rows of the value network at rows {@code rows} of {@code states} (one batched call). */
  private void evaluate(StateBatch states, int[] rows, int[] cells, double[] q, byte[] invalid) {
    env.observe(states, obs);
    env.forwardMask(states, mask);
    valueNetwork.evaluate(obs, skip, heads.forwardLogits(0, 1), heads.backwardLogits(0, 1), heads.logFlow(0, 1));
    for (int j = 0; j < rows.length; j++) {
      int b = rows[j];
      System.arraycopy(states.cells(b), 0, cells, j * width, width);
      QRows.dueling(heads.forwardLogits, heads.logFlow, mask, b, actions, q, invalid, j * actions);
    }
  }

  private void expand(int[] ids, MentsTrees.Selection s) {
    int n = ids.length;
    for (int b = 0; b < batch; b++) {
      scratch.terminal().set(b, (byte) 1); // rows not expanded this round take a padding step
      act.set(b, 0);
    }
    for (int j = 0; j < n; j++) {
      if (s.actions()[j] >= 0) {
        scratch.set(ids[j], java.util.Arrays.copyOfRange(s.cells(), j * width, (j + 1) * width), false);
        act.set(ids[j], s.actions()[j]);
      }
    }
    env.step(scratch, act, next, logReward);
    env.backwardMask(next, backwardMask);
    byte[] childTerminal = new byte[n];
    double[] childReward = new double[n];
    for (int b = 0; b < batch; b++) {
      skip.set(b, (byte) 1);
    }
    for (int j = 0; j < n; j++) {
      int b = ids[j];
      if (s.actions()[j] < 0) {
        childTerminal[j] = 1;
        continue;
      }
      childTerminal[j] = (byte) (next.isTerminal(b) ? 1 : 0);
      if (childTerminal[j] == 0) {
        skip.set(b, (byte) 0);
        childReward[j] = -Math.log(QRows.validCount(backwardMask, b, env.numBackwardActions()));
      }
    }
    int[] cells = new int[n * width];
    double[] q = new double[n * actions];
    byte[] invalid = new byte[n * actions];
    evaluate(next, ids, cells, q, invalid);
    for (int j = 0; j < n; j++) {
      if (childTerminal[j] != 0) {
        java.util.Arrays.fill(invalid, j * actions, (j + 1) * actions, (byte) 1);
      }
    }
    trees.expand(ids, s.nodes(), s.actions(), cells, childTerminal, childReward, q, invalid);
  }

  /** The soft value V_tree(s) = logsumexp Q_tree(s, ·) at the root of row {@code b}'s tree; NaN without a root. */
  public double rootValue(int b) {
    int root = trees.root(b);
    return root < 0 ? Double.NaN : trees.value(b, root);
  }

  /** Q_tree at the root of row {@code b}'s tree, one entry per action (invalid ones included). */
  public double[] rootQ(int b) {
    int root = trees.root(b);
    if (root < 0) {
      throw new IllegalStateException("tree " + b + " has no root");
    }
    double[] out = new double[actions];
    for (int a = 0; a < actions; a++) {
      out[a] = trees.q(b, root, a);
    }
    return out;
  }

  /** Overwrites the logits of rows with a root by Q_tree(root, ·), so that a sampler draws from softmax(Q_tree). */
  public void writeRootLogits(FloatTensor logits) {
    logits.requireSize("logits", (long) batch * actions);
    for (int b = 0; b < batch; b++) {
      int root = trees.root(b);
      if (root < 0) {
        continue;
      }
      for (int a = 0; a < actions; a++) {
        logits.set((long) b * actions + a, (float) trees.q(b, root, a));
      }
    }
  }

  /** Tree reuse after the environment stepped the live rows of {@code states} by {@code chosen}. */
  public void advance(StateBatch states, IntTensor chosen) {
    int[] ids = live(states);
    int n = 0;
    int[] withRoot = new int[ids.length];
    int[] acts = new int[ids.length];
    for (int b : ids) {
      if (trees.root(b) >= 0) {
        withRoot[n] = b;
        acts[n++] = chosen.get(b);
      }
    }
    trees.advance(java.util.Arrays.copyOf(withRoot, n), java.util.Arrays.copyOf(acts, n));
  }

  @Override
  public void close() {
    trees.close();
    scratch.close();
    next.close();
    obs.close();
    heads.close();
    mask.close();
    backwardMask.close();
    skip.close();
    act.close();
    logReward.close();
  }
}
