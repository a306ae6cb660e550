package org.gfn4j.env.phylo;

/**
 * Fitch sets packed six 5-bit sites per int: the merge of two sets is their intersection where
 * it is non-empty, else their union and one mutation (Fitch's small parsimony).
 */
final class Fitch {
  static final int PER_INT = 6;
  private static final int LOW = 0b00001_00001_00001_00001_00001_00001;

  private Fitch() {}

  static int packedLength(int sites) {
    return (sites + PER_INT - 1) / PER_INT;
  }

  static void pack(int[] sets, int[] out, int offset) {
    for (int s = 0; s < sets.length; s++) {
      out[offset + s / PER_INT] |= sets[s] << (5 * (s % PER_INT));
    }
  }

  /** One bit per 5-bit field that is non-empty: each field OR-folded onto its lowest bit. */
  private static int nonEmpty(int x) {
    return (x | x >>> 1 | x >>> 2 | x >>> 3 | x >>> 4) & LOW;
  }

  /**
   * Merges the packed rows {@code x[xo..]} and {@code y[yo..]} (length p) into {@code out[o..]}
   * (skipped when {@code out} is null); returns the number of sites whose intersection was empty
   * (the mutations of the new node).
   */
  static int merge(int[] x, int xo, int[] y, int yo, int[] out, int o, int p) {
    int mutations = 0;
    for (int k = 0; k < p; k++) {
      int a = x[xo + k];
      int b = y[yo + k];
      int inter = a & b;
      int empty = nonEmpty(a) & ~nonEmpty(inter); // padding fields are empty in both
      mutations += Integer.bitCount(empty);
      if (out != null) {
        int spread = empty * 0b11111; // each flag over its field
        out[o + k] = (inter & ~spread) | ((a | b) & spread);
      }
    }
    return mutations;
  }
}
