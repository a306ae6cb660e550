package org.gfn4j.env.phylo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.RowEnvironment;

/**
 * Phylogenetic trees under Fitch parsimony (gfnx PhyloTree-v0) on the batched Java dynamics of
 * {@link PhyloDynamics}: log R = (C − M(T))/4 with gfnx's per-dataset C; objects are written and
 * read as Newick trees over the dataset's taxon names (any rooting or child order of a binary
 * tree gives the same parsimony, hence the same reward).
 */
public final class Phylo extends RowEnvironment {
  private final PhyloData data;
  private final PhyloDynamics dyn;
  private final double c;

  Phylo(EnvSpec spec, PhyloData data, double c) {
    this(spec, data, c, new PhyloDynamics(data), null);
  }

  private Phylo(EnvSpec spec, PhyloData data, double c, PhyloDynamics dyn, RewardModule reward) {
    super(spec, dyn.width, dyn.pairI.length, dyn.n - 1, dyn.n - 1,
        ObservationSpec.features(dyn.n * data.numSites() * 5), dyn,
        reward != null ? reward : parsimonyReward(dyn, c));
    this.data = data;
    this.dyn = dyn;
    this.c = c;
  }

  /**
   * log R = (C − M)/4 of a complete tree, M read from the state's parsimony cell. A partial state
   * after k merges gets ((k + 1)·C/n − M)/4, so that gfnx's per-merge delta score is exactly its
   * change along every step, and log F̃(s0) + C/(4n) estimates log Z (FL-DB).
   */
  static RewardModule parsimonyReward(PhyloDynamics dyn, double c) {
    return (cells, count) -> {
      double[] out = new double[count];
      for (int b = 0; b < count; b++) {
        int merges = cells[b * dyn.width + dyn.lengthCell] - dyn.n;
        out[b] = ((merges + 1) * c / dyn.n - cells[b * dyn.width + dyn.parsCell]) / 4.0;
      }
      return out;
    };
  }

  @Override
  protected Phylo copyWith(RewardModule replacement) {
    return new Phylo(spec(), data, c, dyn, replacement);
  }

  public List<String> taxa() {
    return data.taxa();
  }

  /** The Fitch parsimony M(T) of a terminal object's cells. */
  public int parsimony(int[] cells) {
    return cells[dyn.parsCell];
  }

  @Override
  public OptionalLong stateCountBound() {
    return OptionalLong.of(Long.MAX_VALUE); // (2n − 3)!! trees alone: never enumerated
  }

  /** gfnx's per-merge Δ = (C/n − m_new)/4, m_new the mutations of the new node (0 on padding). */
  @Override
  public Optional<DeltaScore> deltaScore() {
    return Optional.of((from, to, out) -> {
      for (int b = 0; b < from.batchSize(); b++) {
        int before = from.cells().get((long) b * dyn.width + dyn.parsCell);
        int after = to.cells().get((long) b * dyn.width + dyn.parsCell);
        out.set(b, to.isPad(b) ? 0f : (float) ((c / dyn.n - (after - before)) / 4.0));
      }
    });
  }

  @Override
  public int[] parseObject(String text) {
    Newick.Node root = Newick.parse(text);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dyn.n; i++) {
      index.put(data.taxa().get(i), i);
    }
    boolean[] seen = new boolean[dyn.n];
    int[] s = new int[dyn.width];
    dyn.reset(s);
    build(root, index, seen, s);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < dyn.n; i++) {
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
    dyn.step(s, dyn.pairIndex(Math.min(a, b), Math.max(a, b)));
    return Math.min(a, b);
  }

  @Override
  public String formatObject(int[] cells) {
    StringBuilder sb = new StringBuilder();
    Newick.write(dyn, cells, 0, cells[0], data.taxa(), sb);
    return sb.append(';').toString();
  }

  /**
   * A valid forest: every slot holds a tree whose smallest leaf is the slot, every leaf appears
   * once, the node ids are 0..length−1, and the Fitch sets and the parsimony cell are what the
   * trees give.
   */
  @Override
  protected void checkObject(int[] cells, int offset) {
    int[] s = java.util.Arrays.copyOfRange(cells, offset, offset + dyn.width);
    int length = s[dyn.lengthCell];
    if (length < dyn.n || length > dyn.nodes) {
      throw new IllegalArgumentException("node count " + length + " outside [" + dyn.n + ", " + dyn.nodes + "]");
    }
    boolean[] seen = new boolean[length];
    int[] pars = {0};
    int trees = 0;
    for (int i = 0; i < dyn.n; i++) {
      int r = s[i];
      if (r == -1) {
        continue;
      }
      int[] set = forestSet(s, r, length, seen, pars);
      if (dyn.minLeaf(s, r) != i) {
        throw new IllegalArgumentException("slot " + i + " holds a tree whose smallest leaf is not " + i);
      }
      for (int k = 0; k < dyn.packed; k++) {
        if (set[k] != s[dyn.sets + i * dyn.packed + k]) {
          throw new IllegalArgumentException("the Fitch sets of slot " + i + " do not match its tree");
        }
      }
      trees++;
    }
    for (int k = 0; k < length; k++) {
      if (!seen[k]) {
        throw new IllegalArgumentException("node " + k + " is in no tree");
      }
    }
    if (trees != dyn.nodes - length + 1 || pars[0] != s[dyn.parsCell]) {
      throw new IllegalArgumentException("the tree count or the parsimony cell does not match the trees");
    }
  }

  /** The Fitch set of {@code node}'s subtree, checking ids and that no node is reached twice. */
  private int[] forestSet(int[] s, int node, int length, boolean[] seen, int[] pars) {
    if (node < 0 || node >= length || seen[node]) {
      throw new IllegalArgumentException("node " + node + " is out of range or shared between trees");
    }
    seen[node] = true;
    if (node < dyn.n) {
      return dyn.subtreeSet(s, node);
    }
    int[] both = new int[2 * dyn.packed];
    System.arraycopy(forestSet(s, s[dyn.left + node], length, seen, pars), 0, both, 0, dyn.packed);
    System.arraycopy(forestSet(s, s[dyn.right + node], length, seen, pars), 0, both, dyn.packed, dyn.packed);
    int[] out = new int[dyn.packed];
    pars[0] += Fitch.merge(both, 0, dyn.packed, out, 0, dyn.packed);
    return out;
  }
}
