package org.gfn4j.localsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The reward-prioritised replay of local search: a first-in-first-out store of terminal objects
 * and their log-rewards, from which each draw takes half its objects uniformly among the stored
 * ones whose reward is in the top fraction and half among the others (reward-prioritised
 * replay training, Shen et al. 2023, as Kim et al. 2024 use it for their offline batch).
 */
public final class RewardReplay {
  private final int capacity;
  private final int width;
  private final double top;
  private final int[] cells;
  private final double[] logRewards;
  private int size;
  private int next;

  /** Holds up to {@code capacity} objects of {@code width} cells; {@code top} in (0, 1]. */
  public RewardReplay(int capacity, int width, double top) {
    if (capacity < 1 || width < 1 || (long) capacity * width > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("replay of " + capacity + " objects of " + width + " cells");
    }
    if (!(top > 0 && top <= 1)) {
      throw new IllegalArgumentException("'ls_replay_top' must be in (0, 1], got " + top);
    }
    this.capacity = capacity;
    this.width = width;
    this.top = top;
    this.cells = new int[capacity * width];
    this.logRewards = new double[capacity];
  }

  public int size() {
    return size;
  }

  /** Stores {@code object} with its log-reward, replacing the oldest once full. */
  public void add(int[] object, double logReward) {
    if (object.length != width || Double.isNaN(logReward)) {
      throw new IllegalArgumentException("an object of " + object.length + " cells (need " + width
          + ") or a NaN log-reward");
    }
    System.arraycopy(object, 0, cells, next * width, width);
    logRewards[next] = logReward;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  /** The stored indices whose log-reward is at least that of the ceil(top · size)-th best. */
  int[] topIndices() {
    int k = Math.max(1, (int) Math.ceil(top * size));
    double[] sorted = java.util.Arrays.copyOf(logRewards, size);
    java.util.Arrays.sort(sorted);
    double threshold = sorted[size - k];
    return java.util.stream.IntStream.range(0, size).filter(i -> logRewards[i] >= threshold).toArray();
  }

  /** Draws {@code n} objects (cells, [n * width]) as the class comment says; IllegalStateException when empty. */
  public int[] sample(int n, SplittableRandom rng) {
    if (size == 0) {
      throw new IllegalStateException("the reward replay is empty");
    }
    int[] best = topIndices();
    boolean[] isBest = new boolean[size];
    for (int i : best) {
      isBest[i] = true;
    }
    int[] rest = java.util.stream.IntStream.range(0, size).filter(i -> !isBest[i]).toArray();
    int[] out = new int[n * width];
    int fromBest = (n + 1) / 2;
    for (int j = 0; j < n; j++) {
      int[] pool = j < fromBest || rest.length == 0 ? best : rest;
      int i = pool[rng.nextInt(pool.length)];
      System.arraycopy(cells, i * width, out, j * width, width);
    }
    return out;
  }

  /** The stored objects' cells, oldest slot first ([size * width], a copy). */
  public int[] objects() {
    return java.util.Arrays.copyOf(cells, size * width);
  }

  /** The stored objects, log-rewards and insertion point, so a resumed run draws the same. */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(size);
    out.writeInt(next);
    out.writeInt(width);
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < width; k++) {
        out.writeInt(cells[i * width + k]);
      }
      out.writeDouble(logRewards[i]);
    }
  }

  /** Replaces the contents with what {@link #save} wrote; IOException when it does not fit. */
  public void restore(DataInputStream in) throws IOException {
    int n = in.readInt();
    int at = in.readInt();
    int w = in.readInt();
    if (n < 0 || n > capacity || at < 0 || at >= capacity || w != width || (n < capacity && at != n)) {
      throw new IOException("a reward replay of " + n + " objects of " + w + " cells (next " + at
          + ") does not fit capacity " + capacity + " and width " + width);
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < width; k++) {
        cells[i * width + k] = in.readInt();
      }
      logRewards[i] = in.readDouble();
      if (Double.isNaN(logRewards[i])) {
        throw new IOException("stored log-reward " + i + " is NaN");
      }
    }
    if (in.read() != -1) {
      throw new IOException("trailing bytes after " + n + " objects");
    }
    size = n;
    next = at;
  }
}
