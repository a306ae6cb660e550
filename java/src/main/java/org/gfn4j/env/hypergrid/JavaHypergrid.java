package org.gfn4j.env.hypergrid;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the hypergrid kernels: the executable specification that the native
 * kernels must match value for value. Same validation order: nothing is written when an action
 * or a state is invalid.
 */
public final class JavaHypergrid extends Hypergrid {
  private final boolean[] ring;
  private final boolean[] band;

  public JavaHypergrid(HypergridConfig config) {
    this(config, null);
  }

  /** The hypergrid with {@code reward} instead of the built-in closed form (null: built-in). */
  public JavaHypergrid(HypergridConfig config, RewardModule reward) {
    super(config, reward, builtInReward(config));
    ring = new boolean[side];
    band = new boolean[side];
    for (int s = 0; s < side; s++) {
      ring[s] = config.inRing(s);
      band[s] = config.inBand(s);
    }
  }

  @Override
  protected JavaHypergrid copyWith(RewardModule replacement) {
    return new JavaHypergrid(config, replacement);
  }

  /** The closed-form reward in Java: the level of every object's coordinates. */
  static RewardModule builtInReward(HypergridConfig config) {
    double[] levels = config.levelLogRewards();
    int dim = config.dim();
    return (cells, count) -> {
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = levels[config.level(java.util.Arrays.copyOfRange(cells, i * dim, (i + 1) * dim))];
      }
      return out;
    };
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private double logReward(IntBuffer c, int base) {
    boolean allRing = true;
    boolean allBand = true;
    for (int d = 0; d < dim; d++) {
      allRing &= ring[c.get(base + d)];
      allBand &= band[c.get(base + d)];
    }
    return levelLogR[allBand ? 2 : (allRing ? 1 : 0)];
  }

  private boolean inRange(IntBuffer c, int base) {
    for (int d = 0; d < dim; d++) {
      int v = c.get(base + d);
      if (v < 0 || v >= side) {
        return false;
      }
    }
    return true;
  }

  private boolean isOrigin(IntBuffer c, int base) {
    for (int d = 0; d < dim; d++) {
      if (c.get(base + d) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void doReset(StateBatch s) {
    s.cells().fill(0);
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    for (int b = 0; b < n; b++) {
      if (term.get(b) != 0) {
        continue;
      }
      if (!inRange(c, b * dim)) {
        throw new IllegalArgumentException("hypergrid_step: invalid argument (shape, size or value)");
      }
      int act = a.get(b);
      if (act < 0 || act > dim) {
        throw new IllegalArgumentException("hypergrid_step: an action id is out of range");
      }
      if (act < dim && c.get(b * dim + act) >= side - 1) {
        throw new IllegalArgumentException("hypergrid_step: an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = next.cells().buffer();
    ByteBuffer termOut = next.terminal().buffer();
    ByteBuffer padOut = next.pad().buffer();
    FloatBuffer lr = logReward.buffer();
    for (int b = 0; b < n; b++) {
      for (int d = 0; d < dim; d++) {
        out.put(b * dim + d, c.get(b * dim + d));
      }
      boolean wasTerminal = term.get(b) != 0;
      int act = a.get(b);
      float r = 0f;
      if (!wasTerminal && act == dim) {
        r = (float) logReward(out, b * dim);
      } else if (!wasTerminal) {
        out.put(b * dim + act, out.get(b * dim + act) + 1);
      }
      lr.put(b, r);
      padOut.put(b, (byte) (wasTerminal ? 1 : 0));
      termOut.put(b, (byte) (wasTerminal || act == dim ? 1 : 0));
    }
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    for (int b = 0; b < n; b++) {
      boolean terminal = term.get(b) != 0;
      if (!terminal && isOrigin(c, b * dim)) {
        continue;
      }
      int act = a.get(b);
      if (act < 0 || act >= dim) {
        throw new IllegalArgumentException("hypergrid_backward_step: an action id is out of range");
      }
      if (terminal ? act != 0 : c.get(b * dim + act) == 0) {
        throw new IllegalArgumentException("hypergrid_backward_step: an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = prev.cells().buffer();
    ByteBuffer termOut = prev.terminal().buffer();
    ByteBuffer padOut = prev.pad().buffer();
    ByteBuffer doneOut = done.buffer();
    for (int b = 0; b < n; b++) {
      for (int d = 0; d < dim; d++) {
        out.put(b * dim + d, c.get(b * dim + d));
      }
      boolean wasTerminal = term.get(b) != 0;
      boolean wasInitial = !wasTerminal && isOrigin(out, b * dim);
      if (!wasTerminal && !wasInitial) {
        int i = b * dim + a.get(b);
        out.put(i, out.get(i) - 1);
      }
      termOut.put(b, (byte) 0);
      padOut.put(b, (byte) (wasInitial ? 1 : 0));
      doneOut.put(b, (byte) (isOrigin(out, b * dim) ? 1 : 0));
    }
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      for (int d = 0; d < dim; d++) {
        m.put(b * (dim + 1) + d, (byte) (c.get(b * dim + d) >= side - 1 ? 1 : 0));
      }
      m.put(b * (dim + 1) + dim, (byte) 0);
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      boolean terminal = term.get(b) != 0;
      for (int d = 0; d < dim; d++) {
        boolean forbidden = terminal ? d != 0 : c.get(b * dim + d) == 0;
        m.put(b * dim + d, (byte) (forbidden ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> observations) {
    FloatTensor obs = (FloatTensor) observations;
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      if (!inRange(c, b * dim)) {
        throw new IllegalArgumentException("hypergrid_observe: invalid argument (shape, size or value)");
      }
    }
    FloatBuffer o = obs.buffer();
    int width = dim * side;
    for (int b = 0; b < s.batchSize(); b++) {
      for (int j = 0; j < width; j++) {
        o.put(b * width + j, 0f);
      }
      for (int d = 0; d < dim; d++) {
        o.put(b * width + d * side + c.get(b * dim + d), 1f);
      }
    }
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int a = actions.buffer().get(b);
      out.buffer().put(b, a >= dim ? 0 : a);
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, s.isTerminal(b) ? dim : backwardActions.buffer().get(b));
    }
  }
}
