package org.gfn4j.localsearch;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.rollout.Trajectories;

/**
 * One complete trajectory s0 → … → x held on the Java heap: its states, forward and backward
 * actions and the terminal log-reward. Local search cuts and splices these between native
 * trajectory blocks; a walk never changes after it is made.
 */
public final class Walk {
  private final int width;
  private final int[] cells;
  private final byte[] terminal;
  private final int[] actions;
  private final int[] backwardActions;
  private final double logReward;

  Walk(int width, int[] cells, byte[] terminal, int[] actions, int[] backwardActions, double logReward) {
    this.width = width;
    this.cells = cells;
    this.terminal = terminal;
    this.actions = actions;
    this.backwardActions = backwardActions;
    this.logReward = logReward;
  }

  /** Transitions of trajectory {@code b} of {@code block}: slots up to its first terminal state. */
  static int length(Trajectories block, int b) {
    ByteBuffer term = block.terminal.buffer();
    for (int t = 0; t < block.slots(); t++) {
      if (term.get(t * block.batch() + b) != 0) {
        return t;
      }
    }
    throw new IllegalArgumentException("trajectory " + b + " never reaches a terminal state");
  }

  /** Trajectory {@code b} of {@code block}, which must reach a terminal state. */
  static Walk read(Trajectories block, int b) {
    return slice(block, b, 0, length(block, b));
  }

  /** Slots {@code from..to} of trajectory {@code b} (the transitions between them), with no reward. */
  static Walk slice(Trajectories block, int b, int from, int to) {
    int width = block.width();
    int batch = block.batch();
    IntBuffer c = block.cells.buffer();
    ByteBuffer term = block.terminal.buffer();
    IntBuffer a = block.actions.buffer();
    IntBuffer ba = block.backwardActions.buffer();
    int n = to - from;
    int[] cells = new int[(n + 1) * width];
    byte[] terminal = new byte[n + 1];
    int[] actions = new int[n];
    int[] back = new int[n];
    for (int t = 0; t <= n; t++) {
      int at = (from + t) * batch + b;
      c.get(at * width, cells, t * width, width);
      terminal[t] = term.get(at);
      if (t < n) {
        actions[t] = a.get(at);
        back[t] = ba.get(at);
      }
    }
    double logR = 0;
    if (n > 0 && terminal[n] != 0) {
      FloatBuffer r = block.logReward.buffer();
      logR = r.get((to - 1) * batch + b);
    }
    return new Walk(width, cells, terminal, actions, back, logR);
  }

  /** This walk followed by {@code suffix}, which starts where this one ends. */
  Walk then(Walk suffix) {
    int n = length();
    int m = suffix.length();
    int[] c = java.util.Arrays.copyOf(cells, (n + m + 1) * width);
    System.arraycopy(suffix.cells, width, c, (n + 1) * width, m * width);
    byte[] term = java.util.Arrays.copyOf(terminal, n + m + 1);
    System.arraycopy(suffix.terminal, 1, term, n + 1, m);
    int[] a = java.util.Arrays.copyOf(actions, n + m);
    System.arraycopy(suffix.actions, 0, a, n, m);
    int[] ba = java.util.Arrays.copyOf(backwardActions, n + m);
    System.arraycopy(suffix.backwardActions, 0, ba, n, m);
    return new Walk(width, c, term, a, ba, suffix.logReward);
  }

  /** Transitions (edges) of the walk. */
  public int length() {
    return actions.length;
  }

  public double logReward() {
    return logReward;
  }

  /** The cells of state {@code t} (a copy). */
  public int[] state(int t) {
    return java.util.Arrays.copyOfRange(cells, t * width, (t + 1) * width);
  }

  /** The terminal object (a copy). */
  public int[] object() {
    return state(length());
  }

  /**
   * Writes {@code walks} as trajectories 0.. of {@code block} (its batch must be their number):
   * every slot, padding behind each walk's terminal state as a rollout leaves it. Observations
   * and masks are left to the caller. Returns the used slots (longest length + 1).
   */
  static int write(java.util.List<Walk> walks, Trajectories block) {
    int batch = block.batch();
    if (walks.size() != batch) {
      throw new IllegalArgumentException(walks.size() + " walks for a block of " + batch);
    }
    int width = block.width();
    IntBuffer c = block.cells.buffer();
    ByteBuffer term = block.terminal.buffer();
    ByteBuffer pad = block.pad.buffer();
    IntBuffer a = block.actions.buffer();
    IntBuffer ba = block.backwardActions.buffer();
    FloatBuffer r = block.logReward.buffer();
    int longest = 1;
    for (int b = 0; b < batch; b++) {
      Walk w = walks.get(b);
      int n = w.length();
      if (n >= block.slots()) {
        throw new IllegalArgumentException("a walk of " + n + " steps does not fit " + block.slots() + " slots");
      }
      longest = Math.max(longest, n);
      for (int t = 0; t < block.slots(); t++) {
        int at = t * batch + b;
        int src = Math.min(t, n);
        c.put(at * width, w.cells, src * width, width);
        term.put(at, w.terminal[src]);
        pad.put(at, (byte) (t > n ? 1 : 0));
        a.put(at, t < n ? w.actions[t] : 0);
        ba.put(at, t < n ? w.backwardActions[t] : 0);
        r.put(at, t == n - 1 ? (float) w.logReward : 0f);
      }
      block.truncated.set(b, (byte) 0);
    }
    return Math.min(block.slots(), longest + 1);
  }
}
