package org.gfn4j.env;

/**
 * An environment's definition of its modes for the modes-found and diversity metrics: a set of
 * objects (cells of equal width) and a distance ball, a mode counting as found once a visited
 * object lies at {@code distance < threshold} from it (gfnx bitseq: Hamming &lt; 30 at n = 120;
 * an exact visit is {@code threshold = 1} under Hamming).
 */
public record ModeSet(int[][] modes, ObjectDistance distance, double threshold) {
  public ModeSet {
    if (modes == null || modes.length == 0) {
      throw new IllegalArgumentException("a mode set needs at least one mode");
    }
    if (distance == null || !(threshold > 0)) {
      throw new IllegalArgumentException("a mode set needs a distance and a positive threshold");
    }
    for (int[] m : modes) {
      if (m.length != modes[0].length) {
        throw new IllegalArgumentException("modes differ in width");
      }
    }
  }
}
