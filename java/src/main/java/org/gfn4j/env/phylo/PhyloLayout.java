package org.gfn4j.env.phylo;

/**
 * The cells of a phylogenetic forest (gfn4j/phylo.h): slot roots [n], left and right children of
 * the internal nodes n..2n−2 [n−1 each], the merge count, the parsimony so far, then the packed
 * Fitch rows of the internal nodes [n−1, P]. Merging slots i < j makes node n−1+j (the smallest leaf
 * of the right tree names the node), so every forest has exactly one encoding; the leaves' rows
 * are the data set's, kept apart in {@link #leafSets}.
 */
final class PhyloLayout {
  final int n;
  final int sites;
  final int packed;
  final int left;
  final int right;
  final int mergesCell;
  final int parsCell;
  final int sets;
  final int width;
  final int numPairs;
  final int[] pairI;
  final int[] pairJ;
  /** Fitch rows of the leaves, [n, P] row-major. */
  final int[] leafSets;

  PhyloLayout(PhyloData data) {
    n = data.numTaxa();
    sites = data.numSites();
    packed = Fitch.packedLength(sites);
    left = n;
    right = 2 * n - 1;
    mergesCell = 3 * n - 2;
    parsCell = 3 * n - 1;
    sets = 3 * n;
    width = Math.toIntExact(3L * n + (long) (n - 1) * packed);
    numPairs = n * (n - 1) / 2;
    pairI = new int[numPairs];
    pairJ = new int[numPairs];
    for (int i = 0, a = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, a++) {
        pairI[a] = i;
        pairJ[a] = j;
      }
    }
    leafSets = new int[n * packed];
    for (int i = 0; i < n; i++) {
      Fitch.pack(data.sites()[i], leafSets, i * packed);
    }
  }

  int pairIndex(int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  boolean nodeOk(int v) {
    return v >= -1 && v < 2 * n - 1;
  }

  /** The array holding {@code node}'s Fitch row: the leaf table or the state's cells. */
  int[] rowArray(int[] cells, int node) {
    return node < n ? leafSets : cells;
  }

  /** Offset of {@code node}'s Fitch row in {@link #rowArray} for a state starting at {@code o}. */
  int rowOffset(int o, int node) {
    return node < n ? node * packed : o + sets + (node - n) * packed;
  }

  /** Writes the initial state (every taxon alone in its slot) at offset {@code o}. */
  void reset(int[] s, int o) {
    java.util.Arrays.fill(s, o, o + width, 0);
    for (int i = 0; i < n; i++) {
      s[o + i] = i;
    }
    java.util.Arrays.fill(s, o + left, o + mergesCell, -1);
  }

  /** Merges the trees of pair {@code a} in the state at {@code o}; true when it is now complete. */
  boolean merge(int[] s, int o, int a) {
    int i = pairI[a];
    int j = pairJ[a];
    int k = j - 1;
    int ri = s[o + i];
    int rj = s[o + j];
    s[o + left + k] = ri;
    s[o + right + k] = rj;
    s[o + parsCell] += Fitch.merge(rowArray(s, ri), rowOffset(o, ri), rowArray(s, rj), rowOffset(o, rj),
        s, o + sets + k * packed, packed);
    s[o + i] = n + k;
    s[o + j] = -1;
    s[o + mergesCell] += 1;
    return s[o + mergesCell] == n - 1;
  }

  /** Splits the tree of slot {@code i} (its root internal) in the state at {@code o}. */
  void split(int[] s, int o, int i) {
    int k = s[o + i] - n;
    int l = s[o + left + k];
    int r = s[o + right + k];
    s[o + parsCell] -= Fitch.merge(rowArray(s, l), rowOffset(o, l), rowArray(s, r), rowOffset(o, r),
        null, 0, packed);
    s[o + i] = l;
    s[o + k + 1] = r;
    s[o + left + k] = -1;
    s[o + right + k] = -1;
    java.util.Arrays.fill(s, o + sets + k * packed, o + sets + (k + 1) * packed, 0);
    s[o + mergesCell] -= 1;
  }
}
