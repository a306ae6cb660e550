package org.gfn4j.env.phylo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.IntTensor;

/**
 * What both phylogenetic-tree backends share (gfnx PhyloTree-v0 under Fitch parsimony): shapes
 * (gfn4j/phylo.h, {@link PhyloLayout}), log R = (C − M(T))/4 with gfnx's per-dataset C, gfnx's
 * per-merge delta score, the action maps, and objects written and read as Newick trees over the
 * dataset's taxon names (any rooting or child order of a binary tree gives the same parsimony,
 * hence the same reward).
 */
public abstract class Phylo extends AbstractEnvironment {
  protected final EnvSpec spec;
  protected final PhyloData data;
  protected final PhyloLayout layout;
  protected final double c;

  protected Phylo(EnvSpec spec, PhyloData data, double c, RewardModule reward) {
    this(spec, data, c, new PhyloLayout(data), reward);
  }

  Phylo(EnvSpec spec, PhyloData data, double c, PhyloLayout layout, RewardModule reward) {
    super(reward != null ? reward : parsimonyReward(layout, c));
    this.spec = spec;
    this.data = data;
    this.layout = layout;
    this.c = c;
  }

  /**
   * log R = (C − M)/4 of a complete tree, M read from the state's parsimony cell. A partial state
   * after k merges gets ((k + 1)·C/n − M)/4, so that gfnx's per-merge delta score is exactly its
   * change along every step, and log F̃(s0) + C/(4n) estimates log Z (FL-DB).
   */
  static RewardModule parsimonyReward(PhyloLayout l, double c) {
    return (cells, count) -> {
      double[] out = new double[count];
      for (int b = 0; b < count; b++) {
        int merges = cells[b * l.width + l.mergesCell];
        out[b] = ((merges + 1) * c / l.n - cells[b * l.width + l.parsCell]) / 4.0;
      }
      return out;
    };
  }

  @Override
  public EnvSpec spec() {
    return spec;
  }

  public List<String> taxa() {
    return data.taxa();
  }

  /** The Fitch parsimony M(T) of a terminal object's cells. */
  public int parsimony(int[] cells) {
    return cells[layout.parsCell];
  }

  @Override
  public int numActions() {
    return layout.numPairs;
  }

  @Override
  public int numBackwardActions() {
    return layout.n - 1;
  }

  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(layout.n * layout.sites * 5);
  }

  @Override
  public int maxSteps() {
    return layout.n - 1;
  }

  @Override
  public int stateWidth() {
    return layout.width;
  }

  /**
   * The number of forests of rooted binary trees over the n taxa (one state each):
   * F(n) = Σ_k C(n−1, k−1)·(2k−3)!!·F(n−k), the tree holding taxon 0 having k leaves.
   */
  @Override
  public OptionalLong stateCountBound() {
    int n = layout.n;
    BigInteger[] f = new BigInteger[n + 1];
    f[0] = BigInteger.ONE;
    for (int m = 1; m <= n; m++) {
      BigInteger sum = BigInteger.ZERO;
      BigInteger trees = BigInteger.ONE; // (2k − 3)!! for k = 1
      BigInteger choose = BigInteger.ONE; // C(m − 1, k − 1)
      for (int k = 1; k <= m; k++) {
        if (k >= 3) {
          trees = trees.multiply(BigInteger.valueOf(2L * k - 3));
        }
        if (k >= 2) {
          choose = choose.multiply(BigInteger.valueOf(m - k + 1)).divide(BigInteger.valueOf(k - 1));
        }
        sum = sum.add(choose.multiply(trees).multiply(f[m - k]));
      }
      f[m] = sum;
    }
    return OptionalLong.of(f[n].bitLength() < 63 ? f[n].longValue() : Long.MAX_VALUE);
  }

  /** gfnx's per-merge Δ = (C/n − m_new)/4, m_new the mutations of the new node (0 on padding). */
  @Override
  public Optional<DeltaScore> deltaScore() {
    return Optional.of((from, to, out) -> {
      for (int b = 0; b < from.batchSize(); b++) {
        int before = from.cells().get((long) b * layout.width + layout.parsCell);
        int after = to.cells().get((long) b * layout.width + layout.parsCell);
        out.set(b, to.isPad(b) ? 0f : (float) ((c / layout.n - (after - before)) / 4.0));
      }
    });
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != layout.width) {
      throw new IllegalArgumentException("expected " + layout.width + " cells, got " + cells.length);
    }
    states.set(b, cells, terminal);
  }

  @Override
  public int[] parseObject(String text) {
    Newick.Node root = Newick.parse(text);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < layout.n; i++) {
      index.put(data.taxa().get(i), i);
    }
    boolean[] seen = new boolean[layout.n];
    int[] s = new int[layout.width];
    layout.reset(s, 0);
    build(root, index, seen, s);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < layout.n; i++) {
      if (!seen[i]) {
        missing.add(data.taxa().get(i));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the tree misses " + missing.size() + " taxa: " + String.join(", ",
          missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", ..." : ""));
    }
    return s;
  }

  /** Merges the subtrees of {@code node} bottom-up; returns the slot (smallest leaf) holding it. */
  private int build(Newick.Node node, Map<String, Integer> index, boolean[] seen, int[] s) {
    if (node.isLeaf()) {
      Integer i = index.get(node.name());
      if (i == null) {
        throw new IllegalArgumentException("unknown taxon '" + node.name() + "'");
      }
      if (seen[i]) {
        throw new IllegalArgumentException("taxon '" + node.name() + "' appears more than once");
      }
      seen[i] = true;
      return i;
    }
    if (node.children().size() != 2) {
      throw new IllegalArgumentException("the tree is not binary: a node has " + node.children().size() + " children");
    }
    int a = build(node.children().get(0), index, seen, s);
    int b = build(node.children().get(1), index, seen, s);
    layout.merge(s, 0, layout.pairIndex(Math.min(a, b), Math.max(a, b)));
    return Math.min(a, b);
  }

  @Override
  public String formatObject(int[] cells) {
    StringBuilder sb = new StringBuilder();
    Newick.write(layout, cells, cells[0], data.taxa(), sb);
    return sb.append(';').toString();
  }

  /**
   * A valid forest in its one encoding: every slot i holds −1 or a tree whose smallest leaf is i,
   * each internal node n−1+j has the tree of smallest leaf j on its right, every node is in one
   * tree, absent nodes are cleared, and the Fitch rows, the merge count and the parsimony are
   * what the trees give.
   */
  @Override
  protected void checkObject(int[] cells, int offset) {
    int[] s = Arrays.copyOfRange(cells, offset, offset + layout.width);
    int n = layout.n;
    boolean[] seen = new boolean[2 * n - 1];
    int[] counts = new int[2]; // internal nodes, mutations
    int[] rebuilt = new int[layout.width];
    for (int i = 0; i < n; i++) {
      int r = s[i];
      if (r == -1) {
        continue;
      }
      if (minLeaf(s, r, seen, counts, rebuilt) != i) {
        throw new IllegalArgumentException("slot " + i + " holds a tree whose smallest leaf is not " + i);
      }
    }
    for (int k = 0; k < n - 1; k++) {
      if (!seen[n + k] && (s[layout.left + k] != -1 || s[layout.right + k] != -1)) {
        throw new IllegalArgumentException("node " + (n + k) + " is in no tree");
      }
    }
    for (int leaf = 0; leaf < n; leaf++) {
      if (!seen[leaf]) {
        throw new IllegalArgumentException("taxon " + leaf + " is in no tree");
      }
    }
    if (!Arrays.equals(s, layout.sets, layout.width, rebuilt, layout.sets, layout.width)) {
      throw new IllegalArgumentException("the Fitch sets do not match the trees");
    }
    if (counts[0] != s[layout.mergesCell] || counts[1] != s[layout.parsCell]) {
      throw new IllegalArgumentException("the merge count or the parsimony cell does not match the trees");
    }
  }

  /** Walks {@code node}'s subtree checking ids and names, rebuilding its Fitch rows; returns its smallest leaf. */
  private int minLeaf(int[] s, int node, boolean[] seen, int[] counts, int[] rebuilt) {
    int n = layout.n;
    if (node < 0 || node >= 2 * n - 1 || seen[node]) {
      throw new IllegalArgumentException("node " + node + " is out of range or shared between trees");
    }
    seen[node] = true;
    if (node < n) {
      return node;
    }
    int k = node - n;
    int a = minLeaf(s, s[layout.left + k], seen, counts, rebuilt);
    int b = minLeaf(s, s[layout.right + k], seen, counts, rebuilt);
    if (b != k + 1 || a >= b) {
      throw new IllegalArgumentException("node " + node + " is not named by the smallest leaf of its right subtree");
    }
    int l = s[layout.left + k];
    int r = s[layout.right + k];
    counts[0]++;
    counts[1] += Fitch.merge(layout.rowArray(rebuilt, l), layout.rowOffset(0, l), layout.rowArray(rebuilt, r),
        layout.rowOffset(0, r), rebuilt, layout.sets + k * layout.packed, layout.packed);
    return a;
  }

  /** Merging pair (i, j) is undone by splitting slot i. */
  @Override
  protected final void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int a = actions.get(b);
      out.set(b, s.isTerminal(b) || a < 0 || a >= layout.numPairs ? 0 : layout.pairI[a]);
    }
  }

  /** Splitting slot i is redone by merging slot i with the slot its right subtree returns to. */
  @Override
  protected final void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int i = backwardActions.get(b);
      int root = i >= 0 && i < layout.n - 1 ? s.cells().get((long) b * layout.width + i) : -1;
      boolean splittable = root >= layout.n && root < 2 * layout.n - 1;
      out.set(b, prev.isPad(b) || !splittable ? 0 : layout.pairIndex(i, root - layout.n + 1));
    }
  }
}
