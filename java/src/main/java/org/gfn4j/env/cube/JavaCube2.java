package org.gfn4j.env.cube;

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
 * Pure-Java reference of the 2×2×2 cube kernels: the executable specification the native kernels
 * must match value for value, with the same validation order (nothing is written when a state or
 * an action is invalid).
 */
public final class JavaCube2 extends Cube2 {
  private static final int W = CubeGroup.WIDTH;
  private static final int A = 7;
  private static final int AB = 8;

  public JavaCube2(Cube2Config config) {
    this(config, null);
  }

  public JavaCube2(Cube2Config config, RewardModule reward) {
    super(config, reward, uniformReward());
  }

  @Override
  protected JavaCube2 copyWith(RewardModule replacement) {
    return new JavaCube2(config, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private static int[] row(IntBuffer c, int b) {
    return FirstEdgeSteps.row(c, b, W);
  }

  private static boolean isCube(int[] r) {
    return CubeGroup.whyInvalid(r, 0) == null;
  }

  private static void fail(String kernel, String what) {
    throw new IllegalArgumentException("cube2_" + kernel + ": " + what);
  }

  /** The moves the shared first-edge step loops apply (validation order as in the native kernels). */
  private static final FirstEdgeSteps.Moves MOVES = new FirstEdgeSteps.Moves() {
    @Override public int width() { return W; }
    @Override public String kernelName() { return "cube2"; }
    @Override public int forwardActions() { return A; }
    @Override public int exitAction() { return EXIT; }
    @Override public int backwardActions() { return AB; }
    @Override public int returnAction() { return RETURN; }
    @Override public boolean isState(int[] r) { return isCube(r); }
    @Override public boolean forwardAllowed(int[] r, int a) { return true; }
    @Override public boolean backwardAllowed(int[] r, int a) { return a != RETURN || CubeGroup.isSolved(r, 0); }
    @Override public int[] afterFirstEdge() { return CubeGroup.solved(); }
    @Override public int[] forward(int[] r, int a) { return CubeGroup.move(r, 0, a); }
    @Override public float exitLogReward(int[] r) { return 0f; } // the reward module scores exits

    @Override public int[] backward(int[] r, int a) { return CubeGroup.unmove(r, 0, a); }
  };

  @Override
  protected void doReset(StateBatch s) {
    FirstEdgeSteps.reset(s);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    FirstEdgeSteps.step(MOVES, s, actions, next, logReward);
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    FirstEdgeSteps.backwardStep(MOVES, s, actions, prev, done);
  }


  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      boolean start = isStart(row(c, b), 0);
      for (int a = 0; a < A; a++) {
        m.put(b * A + a, (byte) (a != 0 && start ? 1 : 0));
      }
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    ByteBuffer m = invalid.buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      boolean terminal = term.get(b) != 0;
      boolean start = !terminal && isStart(r, 0);
      boolean solved = !terminal && !start && CubeGroup.isSolved(r, 0);
      for (int a = 0; a < AB; a++) {
        boolean forbidden = terminal ? a != EXIT : start || a == EXIT || (a == RETURN && !solved);
        m.put(b * AB + a, (byte) (forbidden ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> observations) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      if (!isCube(r) && !isStart(r, 0)) {
        fail("observe", "invalid argument (shape, size or value)");
      }
    }
    FloatBuffer o = ((FloatTensor) observations).buffer();
    int width = observationSize();
    for (int b = 0; b < s.batchSize(); b++) {
      int[] r = row(c, b);
      for (int j = 0; j < width; j++) {
        o.put(b * width + j, 0f);
      }
      if (!isStart(r, 0)) {
        for (int i = 0; i < CubeGroup.CORNERS; i++) {
          o.put(b * width + 21 * i + 3 * r[i] + r[CubeGroup.CORNERS + i], 1f);
        }
      }
    }
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    IntBuffer c = s.cells().buffer();
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, isStart(row(c, b), 0) ? RETURN : actions.buffer().get(b));
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int a = backwardActions.buffer().get(b);
      out.buffer().put(b, s.isTerminal(b) ? EXIT : (a == RETURN ? 0 : a));
    }
  }
}
