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

  /**
   * Merges packed sets {@code a} and {@code b} (length p) into {@code out}; returns the number
   * of sites whose intersection was empty (the mutations of the new node).
   */
  static int merge(int[] cells, int a, int b, int[] out, int o, int p) {
    int mutations = 0;
    for (int k = 0; k < p; k++) {
      int x = cells[a + k];
      int y = cells[b + k];
      int inter = x & y;
      // One bit per 5-bit field that is non-empty: OR-fold each field onto its lowest bit.
      int nonEmpty = (inter | inter >>> 1 | inter >>> 2 | inter >>> 3 | inter >>> 4) & LOW;
      int present = (x | x >>> 1 | x >>> 2 | x >>> 3 | x >>> 4) & LOW; // padding fields are empty in both
      int empty = present & ~nonEmpty;
      mutations += Integer.bitCount(empty);
      int emptyMask = empty * 0b11111; // spread each flag over its field
      out[o + k] = (inter & ~emptyMask) | ((x | y) & emptyMask);
    }
    return mutations;
  }
}
