package org.gfn4j.env.dag;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Memoises a local score per (node, parent set): a graph's score is the sum of d cached terms and
 * an added edge changes one of them, so rewards and delta scores cost lookups after warm-up.
 */
public final class CachedScore implements LocalScore {
  private final LocalScore inner;
  private final ConcurrentHashMap<Long, Double> cache = new ConcurrentHashMap<>();

  public CachedScore(LocalScore inner) {
    this.inner = inner;
  }

  @Override
  public int numVariables() {
    return inner.numVariables();
  }

  @Override
  public double local(int node, long parents) {
    long key = ((long) node << 32) | (parents & 0xFFFFFFFFL);
    Double v = cache.get(key);
    if (v == null) {
      v = inner.local(node, parents);
      cache.putIfAbsent(key, v);
    }
    return v;
  }

  /** The parent set of {@code node} in the adjacency stored at {@code cells[offset..offset + d²)}. */
  static long parents(int[] cells, int offset, int d, int node) {
    long mask = 0;
    for (int i = 0; i < d; i++) {
      if (cells[offset + i * d + node] != 0) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /** log R of the graph at {@code cells[offset..]}: the sum of its local scores (uniform prior). */
  double graphScore(int[] cells, int offset, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += local(j, parents(cells, offset, d, j));
    }
    return s;
  }
}
