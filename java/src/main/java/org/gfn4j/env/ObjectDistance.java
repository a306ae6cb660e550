package org.gfn4j.env;

/**
 * A distance between two terminal objects given by their cells (an environment's notion of how
 * different two objects are), used by the modes and diversity metrics: Hamming for grids and bit
 * sequences, Levenshtein for variable-length sequences, structural distances for graphs.
 */
@FunctionalInterface
public interface ObjectDistance {
  /** Number of positions where the cells differ (gfnx {@code hamming_distance}). */
  ObjectDistance HAMMING = (a, b) -> {
    if (a.length != b.length) {
      throw new IllegalArgumentException("objects differ in width: " + a.length + " vs " + b.length);
    }
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        d++;
      }
    }
    return d;
  };

  double distance(int[] a, int[] b);
}
