package org.gfn4j.env.cube;

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
    int[] r = new int[W];
    c.get(b * W, r, 0, W);
    return r;
  }

  private static boolean isCube(int[] r) {
    return CubeGroup.whyInvalid(r, 0) == null;
  }

  private static void fail(String kernel, String what) {
    throw new IllegalArgumentException("cube2_" + kernel + ": " + what);
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
    int batch = s.batchSize();
    int[][] rows = new int[batch][];
    for (int b = 0; b < batch; b++) {
      rows[b] = row(c, b);
      if (term.get(b) != 0) {
        continue;
      }
      int act = a.get(b);
      boolean start = isStart(rows[b], 0);
      if (!start && !isCube(rows[b])) {
        fail("step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act >= A) {
        fail("step", "an action id is out of range");
      } else if (start && act != 0) {
        fail("step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = next.cells().buffer();
    ByteBuffer termOut = next.terminal().buffer();
    ByteBuffer padOut = next.pad().buffer();
    FloatBuffer lr = logReward.buffer();
    for (int b = 0; b < batch; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      int act = a.get(b);
      int[] result = r;
      if (!wasTerminal && act != EXIT) {
        result = isStart(r, 0) ? CubeGroup.solved() : CubeGroup.move(r, 0, act);
      }
      out.put(b * W, result, 0, W);
      lr.put(b, 0f);
      padOut.put(b, (byte) (wasTerminal ? 1 : 0));
      termOut.put(b, (byte) (wasTerminal || act == EXIT ? 1 : 0));
    }
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int batch = s.batchSize();
    int[][] rows = new int[batch][];
    for (int b = 0; b < batch; b++) {
      rows[b] = row(c, b);
      boolean terminal = term.get(b) != 0;
      if (!terminal && isStart(rows[b], 0)) {
        continue;
      }
      int act = a.get(b);
      if (!isCube(rows[b])) {
        fail("backward_step", "invalid argument (shape, size or value)");
      } else if (act < 0 || act >= AB) {
        fail("backward_step", "an action id is out of range");
      } else if (terminal ? act != EXIT : act == EXIT || (act == RETURN && !CubeGroup.isSolved(rows[b], 0))) {
        fail("backward_step", "an action is forbidden by the invalid mask");
      }
    }
    IntBuffer out = prev.cells().buffer();
    ByteBuffer termOut = prev.terminal().buffer();
    ByteBuffer padOut = prev.pad().buffer();
    ByteBuffer doneOut = done.buffer();
    for (int b = 0; b < batch; b++) {
      int[] r = rows[b];
      boolean wasTerminal = term.get(b) != 0;
      boolean wasStart = !wasTerminal && isStart(r, 0);
      int act = a.get(b);
      int[] result = r;
      if (!wasTerminal && !wasStart) {
        if (act == RETURN) {
          result = new int[W];
          java.util.Arrays.fill(result, -1);
        } else {
          result = CubeGroup.unmove(r, 0, act);
        }
      }
      out.put(b * W, result, 0, W);
      termOut.put(b, (byte) 0);
      padOut.put(b, (byte) (wasStart ? 1 : 0));
      doneOut.put(b, (byte) (isStart(result, 0) ? 1 : 0));
    }
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
