package org.gfn4j.env;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The reset, step and backward-step loops shared by the Java twins of environments with a virtual
 * first edge (a sentinel s0 row of −1s whose one action leads to the first state, an exit action,
 * and a backward "return to s0" action). Every row is validated before anything is written, in the
 * order the native kernels use, so bad input leaves the output untouched.
 */
public final class FirstEdgeSteps {
  private FirstEdgeSteps() {}

  /** The moves of one such environment; rows are copies, so implementations may return them changed. */
  public interface Moves {
    /** Cells per state row. */
    int width();

    /** The kernel name prefix in error messages (e.g. {@code "permutations"}). */
    String kernelName();

    /** Forward action ids are 0..forwardActions−1; {@link #exitAction()} among them. */
    int forwardActions();

    int exitAction();

    /** Backward action ids are 0..backwardActions−1; the exit's undo has the exit's id. */
    int backwardActions();

    int returnAction();

    /** Whether {@code r} is a valid state other than the sentinel. */
    boolean isState(int[] r);

    /** Whether non-exit action {@code a} is allowed from valid state {@code r}. */
    boolean forwardAllowed(int[] r, int a);

    /** Whether backward action {@code a} (not the exit's undo; the return included) is allowed at {@code r}. */
    boolean backwardAllowed(int[] r, int a);

    /** The state the first edge leads to. */
    int[] afterFirstEdge();

    /** The state non-exit action {@code a} leads to from {@code r}. */
    int[] forward(int[] r, int a);

    /** The state backward action {@code a} (neither the exit's undo nor the return) leads to from {@code r}. */
    int[] backward(int[] r, int a);

    /** The log reward a kernel writes when {@code r} exits (0 where a reward module supplies it). */
    float exitLogReward(int[] r);
  }

  /** Whether {@code r} is the sentinel s0 (every cell −1). */
  public static boolean isSentinel(int[] r) {
    return isSentinel(r, 0, r.length);
  }

  /** Whether {@code cells[offset..offset+width)} is the sentinel s0 (every cell −1). */
  public static boolean isSentinel(int[] cells, int offset, int width) {
    for (int i = 0; i < width; i++) {
      if (cells[offset + i] != -1) {
        return false;
      }
    }
    return true;
  }

  /** A copy of row {@code b} of a batch's cells, {@code width} cells a row. */
  public static int[] row(IntBuffer cells, int b, int width) {
    int[] r = new int[width];
    cells.get(b * width, r, 0, width);
    return r;
  }

  public static void reset(StateBatch s) {
    s.cells().fill(-1);
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  public static void step(Moves m, StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int[][] rows = rows(m, s);
    int exit = m.exitAction();
    for (int b = 0; b < rows.length; b++) {
      if (term.get(b) != 0) {
        continue;
      }
      int act = a.get(b);
      boolean start = isSentinel(rows[b]);
      if (!start && !m.isState(rows[b])) {
        fail(m, "step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act >= m.forwardActions()) {
        fail(m, "step", "an action id is out of range");
      } else if (start ? act != 0 : act != exit && !m.forwardAllowed(rows[b], act)) {
        fail(m, "step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = next.cells().buffer();
    ByteBuffer termOut = next.terminal().buffer();
    ByteBuffer padOut = next.pad().buffer();
    FloatBuffer lr = logReward.buffer();
    int w = m.width();
    for (int b = 0; b < rows.length; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      int act = a.get(b);
      float reward = 0f;
      int[] result = r;
      if (!wasTerminal) {
        if (act == exit) {
          reward = m.exitLogReward(r);
        } else {
          result = isSentinel(r) ? m.afterFirstEdge() : m.forward(r, act);
        }
      }
      out.put(b * w, result, 0, w);
      lr.put(b, reward);
      padOut.put(b, (byte) (wasTerminal ? 1 : 0));
      termOut.put(b, (byte) (wasTerminal || act == exit ? 1 : 0));
    }
  }

  public static void backwardStep(Moves m, StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int[][] rows = rows(m, s);
    int exit = m.exitAction();
    for (int b = 0; b < rows.length; b++) {
      boolean terminal = term.get(b) != 0;
      if (!terminal && isSentinel(rows[b])) {
        continue;
      }
      int act = a.get(b);
      if (!m.isState(rows[b])) {
        fail(m, "backward_step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act >= m.backwardActions()) {
        fail(m, "backward_step", "an action id is out of range");
      } else if (terminal ? act != exit : act == exit || !m.backwardAllowed(rows[b], act)) {
        fail(m, "backward_step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = prev.cells().buffer();
    ByteBuffer termOut = prev.terminal().buffer();
    ByteBuffer padOut = prev.pad().buffer();
    ByteBuffer doneOut = done.buffer();
    int w = m.width();
    for (int b = 0; b < rows.length; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      boolean wasStart = !wasTerminal && isSentinel(r);
      int act = a.get(b);
      int[] result = r;
      if (!wasTerminal && !wasStart) {
        if (act == m.returnAction()) {
          result = new int[w];
          Arrays.fill(result, -1);
        } else {
          result = m.backward(r, act);
        }
      }
      out.put(b * w, result, 0, w);
      termOut.put(b, (byte) 0);
      padOut.put(b, (byte) (wasStart ? 1 : 0));
      doneOut.put(b, (byte) (isSentinel(result) ? 1 : 0));
    }
  }

  private static int[][] rows(Moves m, StateBatch s) {
    IntBuffer c = s.cells().buffer();
    int[][] rows = new int[s.batchSize()][];
    for (int b = 0; b < rows.length; b++) {
      rows[b] = row(c, b, m.width());
    }
    return rows;
  }

  private static void fail(Moves m, String kernel, String what) {
    throw new IllegalArgumentException(m.kernelName() + "_" + kernel + ": " + what);
  }
}
