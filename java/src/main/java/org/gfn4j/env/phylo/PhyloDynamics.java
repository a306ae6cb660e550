package org.gfn4j.env.phylo;

import java.util.Arrays;
import org.gfn4j.env.RowDynamics;

/**
 * gfnx's phylogenetic-tree dynamics, one state at a time. Cells: slot → root node (−1 once
 * merged away, n slots), left and right child of every node (2n − 1 each, −1 for leaves), the
 * next free node id, the parsimony M so far, then the packed Fitch sets of every slot's root.
 * Leaves are nodes 0..n−1, internal nodes are numbered in merge order. Forward action a merges
 * the slots of the a-th pair (i < j) in row-major upper-triangular order: the new root goes to
 * slot i, its Fitch set and mutations computed incrementally from the two roots' sets. A slot
 * always holds the tree whose smallest leaf is its index, so a split (backward action i < n − 1)
 * returns the left subtree to slot i and the right one to the slot of its smallest leaf; the
 * removed node is swapped with the last one to keep ids compact, as gfnx does.
 */
final class PhyloDynamics implements RowDynamics {
  final int n;
  final int nodes;
  final int packed;
  final int[] pairI;
  final int[] pairJ;
  private final int[][] leafSets;
  final int left;
  final int right;
  final int lengthCell;
  final int parsCell;
  final int sets;
  final int width;
  final int numSites;

  PhyloDynamics(PhyloData data) {
    n = data.numTaxa();
    numSites = data.numSites();
    nodes = 2 * n - 1;
    packed = Fitch.packedLength(data.numSites());
    left = n;
    right = n + nodes;
    lengthCell = n + 2 * nodes;
    parsCell = lengthCell + 1;
    sets = parsCell + 1;
    width = sets + n * packed;
    pairI = new int[n * (n - 1) / 2];
    pairJ = new int[pairI.length];
    for (int i = 0, a = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, a++) {
        pairI[a] = i;
        pairJ[a] = j;
      }
    }
    leafSets = new int[n][packed];
    for (int i = 0; i < n; i++) {
      Fitch.pack(data.sites()[i], leafSets[i], 0);
    }
  }

  int pairIndex(int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  @Override
  public void reset(int[] s) {
    Arrays.fill(s, 0);
    for (int i = 0; i < n; i++) {
      s[i] = i;
      System.arraycopy(leafSets[i], 0, s, sets + i * packed, packed);
    }
    Arrays.fill(s, left, left + 2 * nodes, -1);
    s[lengthCell] = n;
  }

  @Override
  public void forwardMask(int[] s, boolean[] invalid) {
    for (int a = 0; a < pairI.length; a++) {
      invalid[a] = s[pairI[a]] < 0 || s[pairJ[a]] < 0;
    }
  }

  @Override
  public boolean step(int[] s, int a) {
    int i = pairI[a];
    int j = pairJ[a];
    int node = s[lengthCell];
    s[left + node] = s[i];
    s[right + node] = s[j];
    s[parsCell] += Fitch.merge(s, sets + i * packed, sets + j * packed, s, sets + i * packed, packed);
    Arrays.fill(s, sets + j * packed, sets + (j + 1) * packed, 0);
    s[i] = node;
    s[j] = -1;
    s[lengthCell] = node + 1;
    return node + 1 == nodes;
  }

  @Override
  public void backwardMask(int[] s, boolean terminal, boolean[] invalid) {
    for (int i = 0; i < n - 1; i++) {
      invalid[i] = s[i] < n; // empty (−1) or a single leaf
    }
  }

  int minLeaf(int[] s, int node) {
    return node < n ? node : Math.min(minLeaf(s, s[left + node]), minLeaf(s, s[right + node]));
  }

  /** The packed Fitch set of {@code node}'s subtree, recomputed from the leaves. */
  int[] subtreeSet(int[] s, int node) {
    if (node < n) {
      return leafSets[node].clone();
    }
    int[] both = new int[2 * packed];
    System.arraycopy(subtreeSet(s, s[left + node]), 0, both, 0, packed);
    System.arraycopy(subtreeSet(s, s[right + node]), 0, both, packed, packed);
    int[] out = new int[packed];
    Fitch.merge(both, 0, packed, out, 0, packed);
    return out;
  }

  @Override
  public void backwardStep(int[] s, boolean terminal, int i) {
    int r = s[i];
    int l = s[left + r];
    int rr = s[right + r];
    int j = minLeaf(s, rr);
    int[] both = new int[2 * packed];
    System.arraycopy(subtreeSet(s, l), 0, both, 0, packed);
    System.arraycopy(subtreeSet(s, rr), 0, both, packed, packed);
    s[parsCell] -= Fitch.merge(both, 0, packed, new int[packed], 0, packed);
    System.arraycopy(both, 0, s, sets + i * packed, packed);
    System.arraycopy(both, packed, s, sets + j * packed, packed);
    s[i] = l;
    s[j] = rr;
    int last = s[lengthCell] - 1;
    if (r != last) { // the last node takes the freed id; whoever pointed at it follows
      s[left + r] = s[left + last];
      s[right + r] = s[right + last];
      for (int k = 0; k < 2 * nodes; k++) {
        if (s[left + k] == last) {
          s[left + k] = r;
        }
      }
      for (int k = 0; k < n; k++) {
        if (s[k] == last) {
          s[k] = r;
        }
      }
    }
    s[left + last] = -1;
    s[right + last] = -1;
    s[lengthCell] = last;
  }

  @Override
  public int undo(int[] before, int a, int[] after) {
    return pairI[a];
  }

  @Override
  public int redo(int[] s, boolean terminal, int b, int[] parent) {
    return pairIndex(b, minLeaf(s, s[right + s[b]]));
  }

  /** gfnx's observation: bit b of every site's Fitch set of every slot's root, [n, L, 5], least significant bit first. */
  @Override
  public void observe(int[] s, boolean terminal, float[] out) {
    int sites = numSites;
    for (int i = 0; i < n; i++) {
      if (s[i] < 0) {
        continue;
      }
      for (int t = 0; t < sites; t++) {
        int set = s[sets + i * packed + t / Fitch.PER_INT] >>> (5 * (t % Fitch.PER_INT)) & 0b11111;
        for (int bit = 0; bit < 5; bit++) {
          out[(i * sites + t) * 5 + bit] = set >> bit & 1;
        }
      }
    }
  }
}
