package org.gfn4j.env.hypergrid;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.FirstEdgeSteps;
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
    return FirstEdgeSteps.row(c, b, dim);
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

  /** The moves the shared first-edge step loops apply (validation order as in the native kernels). */
  private final FirstEdgeSteps.Moves moves = new FirstEdgeSteps.Moves() {
    @Override public int width() { return dim; }
    @Override public String kernelName() { return "cyclic_hypergrid"; }
    @Override public int forwardActions() { return 2 * dim + 1; }
    @Override public int exitAction() { return 2 * dim; }
    @Override public int backwardActions() { return 2 * dim + 2; }
    @Override public int returnAction() { return 2 * dim + 1; }
    @Override public boolean isState(int[] r) { return inRange(r); }
    @Override public boolean forwardAllowed(int[] r, int a) { return forwardOk(r, a); }
    @Override public boolean backwardAllowed(int[] r, int a) { return backwardOk(r, a); }
    @Override public int[] afterFirstEdge() { return new int[dim]; }
    @Override public float exitLogReward(int[] r) { return (float) levelLogR[config.level(r)]; }

    @Override
    public int[] forward(int[] r, int a) { // a < dim: coordinate a − 1; else coordinate a − dim + 1
      if (a < dim) {
        r[a]--;
      } else {
        r[a - dim]++;
      }
      return r;
    }

    @Override
    public int[] backward(int[] r, int a) {
      if (a < dim) {
        r[a]++;
      } else {
        r[a - dim]--;
      }
      return r;
    }
  };

  @Override
  protected void doReset(StateBatch s) {
    FirstEdgeSteps.reset(s);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    FirstEdgeSteps.step(moves, s, actions, next, logReward);
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    FirstEdgeSteps.backwardStep(moves, s, actions, prev, done);
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
