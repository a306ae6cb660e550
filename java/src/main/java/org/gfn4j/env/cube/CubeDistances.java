package org.gfn4j.env.cube;

import org.gfn4j.env.ShortestPaths;

/**
 * Exact quarter-turn distances from the solved 2×2×2 cube to all 3,674,160 states, by one
 * breadth-first search over the dense index of {@link CubeGroup} with move tables on its two
 * coordinates (corner permutation and twists move independently), computed once per JVM
 * (≈ 3.7 MB) on first use.
 */
public final class CubeDistances implements ShortestPaths {
  private static volatile CubeDistances instance;

  private final byte[] distance;
  private final long[] histogram;

  private CubeDistances() {
    int[][] permMove = new int[CubeGroup.PERMUTATIONS][CubeGroup.MOVES];
    int[][] twistMove = new int[CubeGroup.TWISTS][CubeGroup.MOVES];
    for (int p = 0; p < CubeGroup.PERMUTATIONS; p++) {
      int[] s = CubeGroup.state(p * CubeGroup.TWISTS);
      for (int m = 0; m < CubeGroup.MOVES; m++) {
        permMove[p][m] = CubeGroup.permutationRank(CubeGroup.move(s, 0, m), 0);
      }
    }
    for (int t = 0; t < CubeGroup.TWISTS; t++) {
      int[] s = CubeGroup.state(t);
      for (int m = 0; m < CubeGroup.MOVES; m++) {
        twistMove[t][m] = CubeGroup.twistRank(CubeGroup.move(s, 0, m), CubeGroup.CORNERS);
      }
    }
    distance = new byte[CubeGroup.STATES];
    java.util.Arrays.fill(distance, (byte) -1);
    int[] queue = new int[CubeGroup.STATES];
    int head = 0;
    int tail = 0;
    int start = CubeGroup.index(CubeGroup.solved(), 0);
    distance[start] = 0;
    queue[tail++] = start;
    long[] counts = new long[64];
    while (head < tail) {
      int here = queue[head++];
      int d = distance[here];
      counts[d]++;
      int p = here / CubeGroup.TWISTS;
      int t = here % CubeGroup.TWISTS;
      for (int m = 0; m < CubeGroup.MOVES; m++) {
        int next = permMove[p][m] * CubeGroup.TWISTS + twistMove[t][m];
        if (distance[next] < 0) {
          distance[next] = (byte) (d + 1);
          queue[tail++] = next;
        }
      }
    }
    int diameter = 0;
    while (diameter + 1 < counts.length && counts[diameter + 1] > 0) {
      diameter++;
    }
    histogram = java.util.Arrays.copyOf(counts, diameter + 1);
  }

  /** The table, searched on first call. */
  public static CubeDistances get() {
    CubeDistances d = instance;
    if (d == null) {
      synchronized (CubeDistances.class) {
        d = instance;
        if (d == null) {
          d = new CubeDistances();
          instance = d;
        }
      }
    }
    return d;
  }

  /** Number of states at each distance 0..diameter from solved (God's number = length − 1). */
  public long[] histogram() {
    return histogram.clone();
  }

  /** Quarter turns from solved to the state of dense index {@code index} (−1 if unreached). */
  public int fromSolved(int index) {
    return distance[index];
  }

  /** Fewest quarter turns leading from {@code from} to {@code to}: the distance of from⁻¹·to. */
  @Override
  public int distance(int[] from, int[] to) {
    return distance[CubeGroup.index(CubeGroup.compose(CubeGroup.inverse(from), to), 0)];
  }
}
