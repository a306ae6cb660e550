package org.gfn4j.metrics;

import java.util.Arrays;
import java.util.Map;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.StateBatch;

/**
 * The empirical terminal distribution of training rollouts (gfnx ApproxDistributionMetricsModule):
 * a FIFO of the last {@code capacity} terminal objects reached (exploration included), turned
 * into normalised counts and compared with the target distribution. Counts are kept up to date on
 * every insertion, so {@link #get()} costs one pass over the terminal space.
 */
public final class ApproxDistribution {
  /** gfnx's buffer size for the hypergrid, TFBind8 and QM9 baselines. */
  public static final int DEFAULT_CAPACITY = 200_000;

  private final double[] trueDistribution;
  private final int[] ring;
  private final int[] counts;
  private int size;
  private int next;

  /** A buffer of {@code capacity} entries over {@code trueDistribution}'s index set (kept by reference). */
  public ApproxDistribution(double[] trueDistribution, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    if (trueDistribution.length == 0) {
      throw new IllegalArgumentException("empty terminal space");
    }
    this.trueDistribution = trueDistribution;
    this.ring = new int[capacity];
    this.counts = new int[trueDistribution.length];
  }

  public ApproxDistribution(StateSpace space) {
    this(space.trueDistribution(), DEFAULT_CAPACITY);
  }

  public int capacity() {
    return ring.length;
  }

  /** Entries held (at most the capacity). */
  public int size() {
    return size;
  }

  /** Appends terminal indices, evicting the oldest entries beyond the capacity; all are checked first. */
  public void add(int... terminalIndices) {
    for (int x : terminalIndices) {
      if (x < 0 || x >= counts.length) {
        throw new IllegalArgumentException("terminal index " + x + " outside [0, " + counts.length + ")");
      }
    }
    for (int x : terminalIndices) {
      if (size == ring.length) {
        counts[ring[next]]--;
      } else {
        size++;
      }
      ring[next] = x;
      counts[x]++;
      next = next + 1 == ring.length ? 0 : next + 1;
    }
  }

  /**
   * Appends the terminal states of {@code states} (gfnx's {@code final_env_state}); non-terminal
   * entries are skipped, as gfnx counts only terminal ones. Returns how many were added.
   */
  public int addStates(StateSpace space, StateBatch states) {
    int[] found = new int[states.batchSize()];
    int n = 0;
    int[] cells = new int[states.width()];
    for (int b = 0; b < states.batchSize(); b++) {
      if (states.isTerminal(b)) {
        found[n++] = space.terminalIndex(states.cells(b, cells));
      }
    }
    add(Arrays.copyOf(found, n));
    return n;
  }

  /** The held entries, oldest first (re-adding them restores this buffer, e.g. on resume). */
  public int[] entries() {
    int[] out = new int[size];
    int start = size == ring.length ? next : 0;
    for (int i = 0; i < size; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    return out;
  }

  /** Normalised counts over the terminal index set; all NaN while empty (gfnx divides 0 by 0). */
  public double[] empirical() {
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (double) counts[i] / size;
    }
    return p;
  }

  /** {@code approx_tv}, {@code approx_kl} = KL(p_true ‖ empirical) and {@code approx_jsd}. */
  public Map<String, Double> get() {
    return Distances.all("approx", trueDistribution, empirical());
  }
}
