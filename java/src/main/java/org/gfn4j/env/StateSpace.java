package org.gfn4j.env;

import java.util.Arrays;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Every state an environment can reach, discovered by breadth-first search from the initial
 * state over a hashed encoding of the state cells, with the child of every (state, valid
 * action): the basis of exact metrics for any environment, whether or not its states have a
 * natural dense index (grids, sequences, DAGs, trees, spins). Non-terminal states and terminal
 * objects are indexed separately in lexicographic order of their cells, the initial state first,
 * so indices do not depend on the search order (for a hypergrid they are the row-major indices).
 */
public final class StateSpace {
  /** Default bound on non-terminal plus terminal states. */
  public static final long DEFAULT_MAX_STATES = 1L << 22;
  /** States stepped per environment call while searching. */
  public static final int BATCH = 1024;
  private static final RewardModule NO_REWARD = (cells, count) -> new double[count];

  private final Environment env;
  private final CellTable states;
  private final CellTable terminals;
  private final int[] children;
  private final int numEdges;
  private final double[] terminalLogRewards;
  private final double logZ;
  private final double meanReward;

  private StateSpace(Environment env, CellTable states, CellTable terminals, int[] children) {
    this.env = env;
    this.states = states;
    this.terminals = terminals;
    this.children = children;
    int edges = 0;
    for (int c : children) {
      edges += c >= 0 ? 1 : 0;
    }
    this.numEdges = edges;
    this.terminalLogRewards = logRewardsOf(env, terminals);
    ClosedForm closed = env.closedForm().orElse(null);
    this.logZ = closed != null ? closed.logZ() : logSumExp(terminalLogRewards, 1);
    this.meanReward = closed != null ? closed.meanReward()
        : Math.exp(logSumExp(terminalLogRewards, 2) - logSumExp(terminalLogRewards, 1));
  }

  /**
   * Whether {@code env} may fit {@code maxStates} states: a cheap test on its declared bound
   * ({@link Environment#stateCountBound}); an environment that declares none may fit, and
   * {@link #enumerate} finds out.
   */
  public static boolean mayFit(Environment env, long maxStates) {
    java.util.OptionalLong bound = env.stateCountBound();
    return bound.isEmpty() || bound.getAsLong() <= maxStates;
  }

  /** The state space of {@code env} with at most {@value #DEFAULT_MAX_STATES} states. */
  public static StateSpace enumerate(Environment env) {
    return enumerate(env, DEFAULT_MAX_STATES);
  }

  /**
   * Searches the states of {@code env}. IllegalArgumentException when there are more than
   * {@code maxStates} (non-terminal plus terminal), when the edge table would not fit an int
   * array, or when a non-terminal state has no valid forward action.
   */
  public static StateSpace enumerate(Environment env, long maxStates) {
    if (maxStates < 2) {
      throw new IllegalArgumentException("max states must be at least 2, got " + maxStates);
    }
    if (!mayFit(env, maxStates)) {
      throw tooLarge(env, maxStates);
    }
    Environment quiet = env.withReward(NO_REWARD); // rewards are asked once per object below
    int w = env.stateWidth();
    int a = env.numActions();
    CellTable states = new CellTable(w);
    CellTable terminals = new CellTable(w);
    int[] children = new int[a * 64];
    int rows = BATCH;
    try (StateBatch cur = env.newBatch(rows);
        StateBatch succ = env.newBatch(rows);
        ByteTensor invalid = ByteTensor.allocate(rows, a);
        IntTensor actions = IntTensor.allocate(rows);
        FloatTensor logReward = FloatTensor.allocate(rows)) {
      quiet.reset(cur);
      states.intern(cur.cells().toArray(), 0);
      cur.terminal().fill((byte) 0);
      cur.pad().fill((byte) 0);
      int[] next = new int[rows * w];
      int[] fallback = new int[rows];
      int[] chosen = new int[rows];
      byte[] mask = new byte[rows * a];
      byte[] terminal = new byte[rows];
      byte[] pad = new byte[rows];
      for (int start = 0, count; start < states.size(); start += count) {
        count = Math.min(rows, states.size() - start);
        // Rows past the last state repeat it, so every call sees a full, valid batch. The cells
        // came from the environment itself, so they are copied without validation.
        states.copyRows(start, count, cur.cells().buffer());
        for (int b = count; b < rows; b++) {
          cur.cells().buffer().put(b * w, cur.cells().buffer(), (count - 1) * w, w);
        }
        quiet.forwardMask(cur, invalid);
        invalid.buffer().get(0, mask, 0, rows * a);
        for (int b = 0; b < count; b++) {
          fallback[b] = -1;
          for (int k = a - 1; k >= 0; k--) {
            fallback[b] = mask[b * a + k] == 0 ? k : fallback[b];
          }
          if (fallback[b] < 0) {
            throw new IllegalArgumentException("non-terminal state " + Arrays.toString(states.row(start + b))
                + " of " + env.spec() + " has no valid forward action");
          }
        }
        if ((long) (start + count) * a > Integer.MAX_VALUE - 8) {
          throw tooLarge(env, maxStates);
        }
        if (children.length < (start + count) * a) {
          children = Arrays.copyOf(children, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * children.length,
              (long) (start + count) * a)));
        }
        for (int k = 0; k < a; k++) {
          // Rows where k is invalid take a valid action instead; their children are ignored.
          for (int b = 0; b < rows; b++) {
            chosen[b] = b < count && mask[b * a + k] == 0 ? k : fallback[Math.min(b, count - 1)];
          }
          actions.buffer().put(0, chosen, 0, rows);
          quiet.step(cur, actions, succ, logReward);
          succ.cells().buffer().get(0, next, 0, rows * w);
          succ.terminal().buffer().get(0, terminal, 0, rows);
          succ.pad().buffer().get(0, pad, 0, rows);
          for (int b = 0; b < count; b++) {
            int e = (start + b) * a + k;
            if (mask[b * a + k] != 0) {
              children[e] = -1;
            } else if (pad[b] != 0) {
              throw new IllegalStateException("a step from a non-terminal state of " + env.spec() + " was padding");
            } else {
              children[e] = terminal[b] != 0 ? -2 - terminals.intern(next, b * w) : states.intern(next, b * w);
            }
          }
          if ((long) states.size() + terminals.size() > maxStates) {
            throw tooLarge(env, maxStates);
          }
        }
      }
    }
    return canonical(env, states, terminals, children, a);
  }

  private static IllegalArgumentException tooLarge(Environment env, long maxStates) {
    return new IllegalArgumentException(env.spec() + " has more than " + maxStates
        + " states, too many to enumerate (raise the limit, e.g. --set enum_max_states=N)");
  }

  /** Reindexes both state sets in lexicographic order of their cells, the initial state first. */
  private static StateSpace canonical(Environment env, CellTable states, CellTable terminals, int[] children, int a) {
    int n = states.size();
    int[] stateOrder = sortedOrder(states, true);
    int[] terminalOrder = sortedOrder(terminals, false);
    int[] newState = inverse(stateOrder);
    int[] newTerminal = inverse(terminalOrder);
    CellTable sortedStates = new CellTable(states.width());
    for (int old : stateOrder) {
      sortedStates.intern(states.row(old), 0);
    }
    CellTable sortedTerminals = new CellTable(terminals.width());
    for (int old : terminalOrder) {
      sortedTerminals.intern(terminals.row(old), 0);
    }
    int[] remapped = new int[n * a];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < a; k++) {
        int c = children[stateOrder[s] * a + k];
        remapped[s * a + k] = c == -1 ? -1 : c >= 0 ? newState[c] : n + newTerminal[-2 - c];
      }
    }
    return new StateSpace(env, sortedStates, sortedTerminals, remapped);
  }

  private static int[] sortedOrder(CellTable table, boolean keepFirst) {
    int n = table.size();
    int w = table.width();
    int[] all = table.rows();
    int from = keepFirst ? Math.min(1, n) : 0;
    long[] packed = packedKeys(all, n, w);
    int[] out = new int[n];
    if (packed != null) { // keys of at most 31 bits: sort key << 32 | index as longs
      long[] order = new long[n - from];
      for (int i = from; i < n; i++) {
        order[i - from] = packed[i] << 32 | i;
      }
      Arrays.sort(order);
      for (int i = 0; i < from; i++) {
        out[i] = i;
      }
      for (int i = from; i < n; i++) {
        out[i] = (int) order[i - from];
      }
      return out;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, from, n, (x, y) -> Arrays.compare(all, x * w, (x + 1) * w, all, y * w, (y + 1) * w));
    for (int i = 0; i < n; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Each row packed into one number whose order is the rows' lexicographic order (cells offset
   * by their column minimum, fixed bits per column), or null when that needs more than 31 bits.
   */
  private static long[] packedKeys(int[] all, int n, int w) {
    int[] min = new int[w];
    int[] bits = new int[w];
    int total = 0;
    for (int c = 0; c < w; c++) {
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        lo = Math.min(lo, all[i * w + c]);
        hi = Math.max(hi, all[i * w + c]);
      }
      long range = n == 0 ? 0 : (long) hi - lo;
      min[c] = lo;
      bits[c] = 64 - Long.numberOfLeadingZeros(range);
      total += bits[c];
      if (total > 31) {
        return null;
      }
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long k = 0;
      for (int c = 0; c < w; c++) {
        k = k << bits[c] | (all[i * w + c] - min[c]);
      }
      keys[i] = k;
    }
    return keys;
  }

  private static int[] inverse(int[] order) {
    int[] inv = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      inv[order[i]] = i;
    }
    return inv;
  }

  private static double[] logRewardsOf(Environment env, CellTable terminals) {
    int m = terminals.size();
    int w = terminals.width();
    int[] all = terminals.rows();
    double[] out = new double[m];
    int chunk = 1 << 16;
    for (int start = 0; start < m; start += chunk) {
      int count = Math.min(chunk, m - start);
      double[] part = env.logRewards(Arrays.copyOfRange(all, start * w, (start + count) * w), count);
      System.arraycopy(part, 0, out, start, count);
    }
    return out;
  }

  /** log Σ exp(scale · v). */
  private static double logSumExp(double[] v, double scale) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, scale * x);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double x : v) {
      sum += Math.exp(scale * x - max);
    }
    return max + Math.log(sum);
  }

  public Environment environment() {
    return env;
  }

  public int stateWidth() {
    return states.width();
  }

  public int numActions() {
    return env.numActions();
  }

  /** Non-terminal states, the initial state (index 0) included. */
  public int numStates() {
    return states.size();
  }

  public int numTerminalStates() {
    return terminals.size();
  }

  /** Valid forward edges (state, action). */
  public int numEdges() {
    return numEdges;
  }

  public int[] state(int index) {
    checkIndex(index, states.size(), "state");
    return states.row(index);
  }

  /** Index of a non-terminal state; IllegalArgumentException if unreachable. */
  public int stateIndex(int[] cells) {
    return lookup(states, cells, "non-terminal state");
  }

  public int[] terminalState(int index) {
    checkIndex(index, terminals.size(), "terminal object");
    return terminals.row(index);
  }

  /** Index of a terminal object; IllegalArgumentException if it is not one. */
  public int terminalIndex(int[] cells) {
    return lookup(terminals, cells, "terminal object");
  }

  /** Cells of every non-terminal state, [numStates, width] row-major (a copy). */
  public int[] stateCells() {
    return states.rows();
  }

  /** Cells of every terminal object, [numTerminal, width] row-major (a copy). */
  public int[] terminalCells() {
    return terminals.rows();
  }

  /**
   * Child codes [numStates, numActions] (a copy): -1 for an invalid action, a state index, or
   * numStates + the index of a terminal object.
   */
  public int[] children() {
    return children.clone();
  }

  /** log R of every terminal object, in index order (a copy). */
  public double[] terminalLogRewards() {
    return terminalLogRewards.clone();
  }

  /** log Z = log Σ_x R(x) (closed form where the environment has one). */
  public double logZ() {
    return logZ;
  }

  /** E_{x~R/Z}[R(x)] = Σ R² / Σ R. */
  public double meanReward() {
    return meanReward;
  }

  /** The target distribution R(x)/Z in index order. */
  public double[] trueDistribution() {
    double[] p = new double[terminalLogRewards.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(terminalLogRewards[i] - logZ);
    }
    return p;
  }

  private int lookup(CellTable table, int[] cells, String what) {
    if (cells.length != table.width()) {
      throw new IllegalArgumentException("expected " + table.width() + " cells, got " + cells.length);
    }
    int i = table.find(cells, 0);
    if (i < 0) {
      throw new IllegalArgumentException(Arrays.toString(cells) + " is not a reachable " + what + " of " + env.spec());
    }
    return i;
  }

  private static void checkIndex(int index, int size, String what) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(what + " index " + index + " outside [0, " + size + ")");
    }
  }
}
