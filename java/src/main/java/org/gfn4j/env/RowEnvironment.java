package org.gfn4j.env;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * An environment written in plain Java, without native kernels: {@link RowDynamics} defines it
 * one state at a time and this class runs it over whole batches of the same state buffers the
 * native environments use, so it trains, enumerates and passes the conformance kit like any
 * other. Objects are written as their comma-separated cells unless {@link #parseObject} and
 * {@link #formatObject} are overridden.
 */
public class RowEnvironment extends AbstractEnvironment {
  private final EnvSpec spec;
  private final int width;
  private final int numActions;
  private final int numBackwardActions;
  private final int maxSteps;
  private final ObservationSpec obs;
  private final RowDynamics dynamics;

  public RowEnvironment(EnvSpec spec, int stateWidth, int numActions, int numBackwardActions, int maxSteps,
      ObservationSpec obs, RowDynamics dynamics, RewardModule reward) {
    super(reward);
    if (stateWidth < 1 || numActions < 1 || numBackwardActions < 1 || maxSteps < 1) {
      throw new IllegalArgumentException("state width, action counts and max steps must be positive");
    }
    this.spec = Objects.requireNonNull(spec, "spec");
    this.width = stateWidth;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    this.maxSteps = maxSteps;
    this.obs = Objects.requireNonNull(obs, "observation spec");
    this.dynamics = Objects.requireNonNull(dynamics, "dynamics");
  }

  @Override
  protected RowEnvironment copyWith(RewardModule replacement) {
    return new RowEnvironment(spec, width, numActions, numBackwardActions, maxSteps, obs, dynamics, replacement);
  }

  @Override
  public EnvSpec spec() {
    return spec;
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  @Override
  public int numActions() {
    return numActions;
  }

  @Override
  public int numBackwardActions() {
    return numBackwardActions;
  }

  @Override
  public ObservationSpec observationSpec() {
    return obs;
  }

  @Override
  public int maxSteps() {
    return maxSteps;
  }

  @Override
  public int stateWidth() {
    return width;
  }

  @Override
  public int[] parseObject(String text) {
    int[] cells = CellText.parse(text, width, "cell");
    checkObject(cells, 0);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    return CellText.format(cells);
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != width) {
      throw new IllegalArgumentException("expected " + width + " cells, got " + cells.length);
    }
    states.set(b, cells, terminal);
  }

  /** Accepts any cells; override to validate objects given as text or arrays. */
  @Override
  protected void checkObject(int[] cells, int offset) {}

  private int[] row(StateBatch s, int b) {
    int[] c = new int[width];
    s.cells().buffer().get(b * width, c, 0, width);
    return c;
  }

  private void put(StateBatch s, int b, int[] c, boolean terminal, boolean pad) {
    s.cells().buffer().put(b * width, c, 0, width);
    s.terminal().buffer().put(b, (byte) (terminal ? 1 : 0));
    s.pad().buffer().put(b, (byte) (pad ? 1 : 0));
  }

  private boolean isInitial(int[] c, boolean terminal) {
    int[] s0 = new int[width];
    dynamics.reset(s0);
    return !terminal && Arrays.equals(c, s0);
  }

  @Override
  protected void doReset(StateBatch s) {
    int[] s0 = new int[width];
    dynamics.reset(s0);
    for (int b = 0; b < s.batchSize(); b++) {
      put(s, b, s0, false, false);
    }
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int n = s.batchSize();
    boolean[] invalid = new boolean[numActions];
    for (int b = 0; b < n; b++) { // validate every row before writing any
      int a = actions.get(b);
      if (!s.isTerminal(b)) {
        if (a < 0 || a >= numActions) {
          throw new IllegalArgumentException("action " + a + " of row " + b + " is out of range");
        }
        Arrays.fill(invalid, false);
        dynamics.forwardMask(row(s, b), invalid);
        if (invalid[a]) {
          throw new IllegalArgumentException("action " + a + " of row " + b + " is forbidden by the mask");
        }
      }
    }
    for (int b = 0; b < n; b++) {
      int[] c = row(s, b);
      boolean wasTerminal = s.isTerminal(b);
      boolean terminal = wasTerminal || dynamics.step(c, actions.get(b));
      put(next, b, c, terminal, wasTerminal);
    }
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    int n = s.batchSize();
    boolean[] invalid = new boolean[numBackwardActions];
    for (int b = 0; b < n; b++) {
      int[] c = row(s, b);
      if (!isInitial(c, s.isTerminal(b))) {
        int a = actions.get(b);
        Arrays.fill(invalid, false);
        dynamics.backwardMask(c, s.isTerminal(b), invalid);
        if (a < 0 || a >= numBackwardActions || invalid[a]) {
          throw new IllegalArgumentException("backward action " + a + " of row " + b + " is out of range or masked");
        }
      }
    }
    for (int b = 0; b < n; b++) {
      int[] c = row(s, b);
      boolean terminal = s.isTerminal(b);
      boolean initial = isInitial(c, terminal);
      if (!initial) {
        dynamics.backwardStep(c, terminal, actions.get(b));
      }
      put(prev, b, c, false, initial);
      done.set(b, (byte) (isInitial(c, false) ? 1 : 0));
    }
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    mask(s, invalid, numActions, false);
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    mask(s, invalid, numBackwardActions, true);
  }

  private void mask(StateBatch s, ByteTensor out, int count, boolean backward) {
    boolean[] invalid = new boolean[count];
    ByteBuffer m = out.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      Arrays.fill(invalid, false);
      int[] c = row(s, b);
      if (backward) {
        dynamics.backwardMask(c, s.isTerminal(b), invalid);
      } else if (!s.isTerminal(b)) {
        dynamics.forwardMask(c, invalid);
      }
      for (int a = 0; a < count; a++) {
        m.put(b * count + a, (byte) (invalid[a] ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> out) {
    int o = obs.size();
    for (int b = 0; b < s.batchSize(); b++) {
      if (out instanceof FloatTensor f) {
        float[] v = new float[o];
        dynamics.observe(row(s, b), s.isTerminal(b), v);
        f.buffer().put(b * o, v, 0, o);
      } else {
        int[] v = new int[o];
        dynamics.observe(row(s, b), s.isTerminal(b), v);
        ((IntTensor) out).buffer().put(b * o, v, 0, o);
      }
    }
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      out.set(b, s.isTerminal(b) ? 0 : dynamics.undo(row(s, b), actions.get(b), row(next, b)));
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      out.set(b, prev.isPad(b) ? 0 : dynamics.redo(row(s, b), s.isTerminal(b), backwardActions.get(b), row(prev, b)));
    }
  }
}
