package org.gfn4j.metrics;

/**
 * A distance between two objects given by their cells (same width), used by the modes and
 * diversity metrics; gfnx uses Hamming for bit sequences and Levenshtein for proteins.
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
