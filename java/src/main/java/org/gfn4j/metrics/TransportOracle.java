package org.gfn4j.metrics;

import org.gfn4j.env.StateSpace;

/**
 * Optimal transport on the state graph of an environment with a fixed first edge (Maksimov et al.
 * 2026, "Your GFlowNet Secretly Learns an OT Plan"): a trajectory s0 → u → … → x → sf moves the
 * start u drawn from the first edge's law L to the object x, so its number of moves (steps between
 * u and x, the first edge and the exit left out) is a transport cost under the graph distance
 * d_G (unit cost per forward move; the exit is free). The exact optimum W1_{d_G}(L, R/Z) is solved
 * once as a min-cost flow ({@link MinCostTransport}); {@link #distance} gives d_G between two
 * states by breadth-first search over forward moves (cached per source), for the cost of sampled
 * (start, end) pairs.
 */
public final class TransportOracle {
  /** Sources whose distance rows are kept. */
  private static final int CACHE = 256;

  private final StateSpace space;
  private final int n;
  private final int[] offsets;
  private final int[] heads;
  private final int[] exitParent;
  private final double w1;
  private final java.util.LinkedHashMap<Integer, int[]> rows = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<Integer, int[]> eldest) {
      return size() > CACHE;
    }
  };

  /** {@code start} is the source law over states [numStates] (as {@link CyclicExactDistribution#startDistribution()}). */
  public TransportOracle(StateSpace space, double[] start) {
    this.space = space;
    this.n = space.numStates();
    int m = space.numTerminalStates();
    int a = space.numActions();
    int[] children = space.children();
    if (start.length != n) {
      throw new IllegalArgumentException("the source law needs " + n + " entries, got " + start.length);
    }
    java.util.List<int[]> arcs = new java.util.ArrayList<>();
    this.exitParent = new int[m];
    java.util.Arrays.fill(exitParent, -1);
    this.offsets = new int[n + 1];
    int[] degree = new int[n];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < a; k++) {
        int c = children[s * a + k];
        if (c >= n) {
          arcs.add(new int[] {s, c, 0});
          exitParent[c - n] = exitParent[c - n] == -1 ? s : exitParent[c - n];
        } else if (c >= 0 && c != s) {
          arcs.add(new int[] {s, c, 1});
          degree[s]++;
        }
      }
    }
    for (int s = 0; s < n; s++) {
      offsets[s + 1] = offsets[s] + degree[s];
    }
    this.heads = new int[offsets[n]];
    int[] fill = offsets.clone();
    int[] from = new int[arcs.size()];
    int[] to = new int[arcs.size()];
    double[] cost = new double[arcs.size()];
    for (int i = 0; i < arcs.size(); i++) {
      int[] arc = arcs.get(i);
      from[i] = arc[0];
      to[i] = arc[1];
      cost[i] = arc[2];
      if (arc[2] == 1) {
        heads[fill[arc[0]]++] = arc[1];
      }
    }
    double[] source = java.util.Arrays.copyOf(start, n + m);
    double[] target = new double[n + m];
    System.arraycopy(space.trueDistribution(), 0, target, n, m);
    this.w1 = MinCostTransport.w1(n + m, from, to, cost, source, target);
  }

  /** W1 under the graph distance between the source law and R/Z: the least mean number of moves. */
  public double w1() {
    return w1;
  }

  /** The state whose exit produces terminal object {@code terminal}. */
  public int exitParent(int terminal) {
    return exitParent[terminal];
  }

  public StateSpace space() {
    return space;
  }

  /** d_G(from, to): the fewest forward moves from one state to another (−1 when unreachable). */
  public int distance(int from, int to) {
    if (from < 0 || from >= n || to < 0 || to >= n) {
      throw new IllegalArgumentException("states are 0.." + (n - 1) + ", got " + from + " and " + to);
    }
    return rows.computeIfAbsent(from, this::breadthFirst)[to];
  }

  private int[] breadthFirst(int from) {
    int[] d = new int[n];
    java.util.Arrays.fill(d, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    d[from] = 0;
    queue[tail++] = from;
    while (head < tail) {
      int s = queue[head++];
      for (int i = offsets[s]; i < offsets[s + 1]; i++) {
        int c = heads[i];
        if (d[c] == -1) {
          d[c] = d[s] + 1;
          queue[tail++] = c;
        }
      }
    }
    return d;
  }
}
