package org.gfn4j.env;

import java.nio.IntBuffer;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The reward of an environment, separate from its dynamics as in gfnx, so that one set of
 * dynamics serves several reward families (closed form, table lookup, proxy model, data score)
 * and a user can bring a reward written in Java. {@link Environment#step} asks it only for the
 * states that newly became terminal, in one call per batch.
 */
public interface RewardModule {
  /** Natural-log rewards of {@code count} valid objects given as concatenated cells. */
  double[] logRewards(int[] cells, int count);

  /**
   * log R of the states {@code rows[0..count)} of {@code states}, written to {@code out[0..count)}.
   * The default gathers their cells and calls {@link #logRewards(int[], int)}; native modules
   * override it with one kernel call over the batch buffers.
   */
  default void logRewards(StateBatch states, IntTensor rows, int count, DoubleTensor out) {
    if (count == 0) {
      return;
    }
    int width = states.width();
    int[] cells = new int[count * width];
    IntBuffer all = states.cells().buffer();
    for (int i = 0; i < count; i++) {
      all.get(rows.get(i) * width, cells, i * width, width);
    }
    double[] logR = logRewards(cells, count);
    for (int i = 0; i < count; i++) {
      out.set(i, logR[i]);
    }
  }

  /** A module computing log R one object at a time with {@code fn} (user rewards in Java). */
  static RewardModule of(ObjectReward fn) {
    return (cells, count) -> {
      int width = count == 0 ? 0 : cells.length / count;
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = fn.logReward(java.util.Arrays.copyOfRange(cells, i * width, (i + 1) * width));
      }
      return out;
    };
  }

  /** A reward over one decoded object: its cells in, its natural-log reward out. */
  @FunctionalInterface
  interface ObjectReward {
    double logReward(int[] cells);
  }
}
