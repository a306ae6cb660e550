package org.gfn4j.env.permutations;

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
 * Pure-Java reference of the permutation kernels: the executable specification the native
 * kernels must match value for value, with the same validation order (nothing is written when a
 * state or an action is invalid).
 */
public final class JavaPermutations extends Permutations {
  public JavaPermutations(PermutationsConfig config) {
    this(config, null, 0.0);
  }

  public JavaPermutations(PermutationsConfig config, RewardModule reward) {
    this(config, reward, 0.0);
  }

  /** {@code sourceTilt} β ≠ 0: the first edge draws from L(σ) ∝ exp(β·#fixed points) ({@code source=fixed:β}). */
  public JavaPermutations(PermutationsConfig config, RewardModule reward, double sourceTilt) {
    super(config, reward, builtInReward(config), sourceTilt);
  }

  @Override
  protected JavaPermutations copyWith(RewardModule replacement) {
    return new JavaPermutations(config, replacement, sourceTilt);
  }

  /** log R = #fixed points / t, in Java. */
  static RewardModule builtInReward(PermutationsConfig config) {
    int n = config.n();
    double t = config.t();
    return (cells, count) -> {
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = fixedPoints(cells, i * n, n) / t;
      }
      return out;
    };
  }

  static int fixedPoints(int[] cells, int offset, int n) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      k += cells[offset + i] == i ? 1 : 0;
    }
    return k;
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private int[] row(IntBuffer c, int b) {
    return FirstEdgeSteps.row(c, b, n);
  }

  private boolean isPermutation(int[] r) {
    int seen = 0;
    for (int v : r) {
      if (v < 0 || v >= n || (seen >> v & 1) != 0) {
        return false;
      }
      seen |= 1 << v;
    }
    return true;
  }

  private void fail(String kernel, String what) {
    throw new IllegalArgumentException("permutations_" + kernel + ": " + what);
  }

  /** The moves the shared first-edge step loops apply (validation order as in the native kernels). */
  private final FirstEdgeSteps.Moves moves = new FirstEdgeSteps.Moves() {
    @Override public int width() { return n; }
    @Override public String kernelName() { return "permutations"; }
    @Override public int forwardActions() { return n + 1; }
    @Override public int exitAction() { return n; }
    @Override public int backwardActions() { return n + 2; }
    @Override public int returnAction() { return n + 1; }
    @Override public boolean isState(int[] r) { return isPermutation(r); }
    @Override public boolean forwardAllowed(int[] r, int a) { return true; }
    @Override public boolean backwardAllowed(int[] r, int a) { return true; }
    @Override public int[] forward(int[] r, int a) { return move(r, a); }
    @Override public int[] backward(int[] r, int a) { return unmove(r, a); }
    @Override public float exitLogReward(int[] r) { return (float) (fixedPoints(r, 0, n) / config.t()); }

    @Override
    public int[] afterFirstEdge() {
      int[] identity = new int[n];
      for (int i = 0; i < n; i++) {
        identity[i] = i;
      }
      return identity;
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

  /** Forward move a < n: swap positions a, a+1, or (a = n−1) the cyclic shift out[i] = in[i−1]. */
  private int[] move(int[] in, int a) {
    int[] out = in.clone();
    if (a == n - 1) {
      for (int i = 0; i < n; i++) {
        out[i] = in[(i + n - 1) % n];
      }
    } else {
      out[a] = in[a + 1];
      out[a + 1] = in[a];
    }
    return out;
  }

  private int[] unmove(int[] in, int a) {
    int[] out = in.clone();
    if (a == n - 1) {
      for (int i = 0; i < n; i++) {
        out[i] = in[(i + 1) % n];
      }
    } else {
      out[a] = in[a + 1];
      out[a + 1] = in[a];
    }
    return out;
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    FirstEdgeSteps.backwardStep(moves, s, actions, prev, done);
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      boolean start = isStart(row(c, b), 0, n);
      for (int a = 0; a <= n; a++) {
        m.put(b * (n + 1) + a, (byte) (a != 0 && start ? 1 : 0));
      }
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      boolean terminal = term.get(b) != 0;
      boolean start = !terminal && isStart(row(c, b), 0, n);
      for (int a = 0; a < n + 2; a++) {
        boolean forbidden = terminal ? a != n : start || a == n;
        m.put(b * (n + 2) + a, (byte) (forbidden ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> observations) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      if (!isPermutation(r) && !isStart(r, 0, n)) {
        fail("observe", "invalid argument (shape, size or value)");
      }
    }
    FloatBuffer o = ((FloatTensor) observations).buffer();
    int width = n * n;
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      for (int j = 0; j < width; j++) {
        o.put(b * width + j, 0f);
      }
      if (!isStart(r, 0, n)) {
        for (int i = 0; i < n; i++) {
          o.put(b * width + i * n + r[i], 1f);
        }
      }
    }
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, isStart(row(c, b), 0, n) ? n + 1 : actions.buffer().get(b));
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int a = backwardActions.buffer().get(b);
      out.buffer().put(b, s.isTerminal(b) ? n : (a == n + 1 ? 0 : a));
    }
  }
}
