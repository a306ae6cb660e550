package org.gfn4j.env.hypergrid;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the non-acyclic hypergrid kernels, matching the native ones value for
 * value with the same validation order (nothing is written when a state or an action is invalid).
 */
public final class JavaCyclicHypergrid extends CyclicHypergrid {
  public JavaCyclicHypergrid(HypergridConfig config) {
    this(config, null, 0.0);
  }

  public JavaCyclicHypergrid(HypergridConfig config, RewardModule reward) {
    this(config, reward, 0.0);
  }

  /** {@code sourceTilt} β ≠ 0: the first edge draws from L(x) ∝ exp(−β·Σx) ({@code source=corner:β}). */
  public JavaCyclicHypergrid(HypergridConfig config, RewardModule reward, double sourceTilt) {
    super(config, reward, JavaHypergrid.builtInReward(config), sourceTilt);
  }

  @Override
  protected JavaCyclicHypergrid copyWith(RewardModule replacement) {
    return new JavaCyclicHypergrid(config, replacement, sourceTilt);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private int[] row(IntBuffer c, int b) {
    int[] r = new int[dim];
    c.get(b * dim, r, 0, dim);
    return r;
  }

  private boolean inRange(int[] r) {
    for (int v : r) {
      if (v < 0 || v >= side) {
        return false;
      }
    }
    return true;
  }

  private boolean forwardOk(int[] c, int a) {
    return a == 2 * dim || (a < dim ? c[a] > 0 : c[a - dim] < side - 1);
  }

  private boolean backwardOk(int[] c, int a) {
    if (a == 2 * dim + 1) {
      return true;
    }
    return a != 2 * dim && (a < dim ? c[a] < side - 1 : c[a - dim] > 0);
  }

  private static void fail(String kernel, String what) {
    throw new IllegalArgumentException("cyclic_hypergrid_" + kernel + ": " + what);
  }

  @Override
  protected void doReset(StateBatch s) {
    s.cells().fill(-1);
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    int[][] rows = new int[n][];
    for (int b = 0; b < n; b++) {
      rows[b] = row(c, b);
      if (term.get(b) != 0) {
        continue;
      }
      int act = a.get(b);
      boolean start = isStart(rows[b]);
      if (!start && !inRange(rows[b])) {
        fail("step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act > 2 * dim) {
        fail("step", "an action id is out of range");
      } else if (start ? act != 0 : !forwardOk(rows[b], act)) {
        fail("step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = next.cells().buffer();
    ByteBuffer termOut = next.terminal().buffer();
    ByteBuffer padOut = next.pad().buffer();
    FloatBuffer lr = logReward.buffer();
    for (int b = 0; b < n; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      int act = a.get(b);
      float reward = 0f;
      if (!wasTerminal) {
        if (act == 2 * dim) {
          reward = (float) levelLogR[config.level(r)];
        } else if (isStart(r)) {
          java.util.Arrays.fill(r, 0);
        } else if (act < dim) {
          r[act]--;
        } else {
          r[act - dim]++;
        }
      }
      out.put(b * dim, r, 0, dim);
      lr.put(b, reward);
      padOut.put(b, (byte) (wasTerminal ? 1 : 0));
      termOut.put(b, (byte) (wasTerminal || act == 2 * dim ? 1 : 0));
    }
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    int[][] rows = new int[n][];
    for (int b = 0; b < n; b++) {
      rows[b] = row(c, b);
      boolean terminal = term.get(b) != 0;
      if (!terminal && isStart(rows[b])) {
        continue;
      }
      int act = a.get(b);
      if (!inRange(rows[b])) {
        fail("backward_step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act > 2 * dim + 1) {
        fail("backward_step", "an action id is out of range");
      } else if (terminal ? act != 2 * dim : !backwardOk(rows[b], act)) {
        fail("backward_step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = prev.cells().buffer();
    ByteBuffer termOut = prev.terminal().buffer();
    ByteBuffer padOut = prev.pad().buffer();
    ByteBuffer doneOut = done.buffer();
    for (int b = 0; b < n; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      boolean wasStart = !wasTerminal && isStart(r);
      int act = a.get(b);
      if (!wasTerminal && !wasStart) {
        if (act == 2 * dim + 1) {
          java.util.Arrays.fill(r, -1);
        } else if (act < dim) {
          r[act]++;
        } else {
          r[act - dim]--;
        }
      }
      out.put(b * dim, r, 0, dim);
      termOut.put(b, (byte) 0);
      padOut.put(b, (byte) (wasStart ? 1 : 0));
      doneOut.put(b, (byte) (isStart(r) ? 1 : 0));
    }
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    int na = numActions();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      boolean start = isStart(r);
      for (int a = 0; a < na; a++) {
        boolean forbidden = start ? a != 0 : !forwardOk(r, a);
        m.put(b * na + a, (byte) (forbidden ? 1 : 0));
      }
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    ByteBuffer m = invalid.buffer();
    int nb = numBackwardActions();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      boolean terminal = term.get(b) != 0;
      boolean start = !terminal && isStart(r);
      for (int a = 0; a < nb; a++) {
        boolean forbidden = terminal ? a != 2 * dim : start || !backwardOk(r, a);
        m.put(b * nb + a, (byte) (forbidden ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> observations) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      if (!isStart(r) && !inRange(r)) {
        fail("observe", "invalid argument (shape, size or value)");
      }
    }
    FloatBuffer o = ((FloatTensor) observations).buffer();
    int width = dim * side;
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      for (int j = 0; j < width; j++) {
        o.put(b * width + j, 0f);
      }
      if (!isStart(r)) {
        for (int d = 0; d < dim; d++) {
          o.put(b * width + d * side + r[d], 1f);
        }
      }
    }
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, isStart(row(c, b)) ? 2 * dim + 1 : actions.buffer().get(b));
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int a = backwardActions.buffer().get(b);
      out.buffer().put(b, s.isTerminal(b) ? 2 * dim : (a == 2 * dim + 1 ? 0 : a));
    }
  }
}
