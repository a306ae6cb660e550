package org.gfn4j.backward;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.FloatTensor;

/**
 * The TLM objective (Gritsaev et al. 2025): L(phi) = -sum over the real inner transitions
 * s_t -> s_{t+1} of a block of log PB_phi(s_t | s_{t+1}), the masked log-softmax of the backward
 * logits at s_{t+1} (exit edges excluded: their backward step is forced), summed over the batch
 * as the hypergrid code does; and its gradient with respect to the backward logits.
 */
public final class TrajectoryLikelihood {
  private TrajectoryLikelihood() {}

  /**
   * Returns L and writes dL/dlogits into {@code grad} (every element; zero where L does not
   * depend on it). {@code logits} and {@code grad} are [slots, B, Ab] over the first
   * {@code slots} slots of {@code block}.
   */
  public static double loss(Trajectories block, int slots, FloatTensor logits, FloatTensor grad) {
    int batch = block.batch();
    int nb = block.numBackwardActions();
    long cells = (long) slots * batch;
    if (slots < 1 || slots > block.slots()) {
      throw new IllegalArgumentException("slots must be in [1, " + block.slots() + "], got " + slots);
    }
    logits.requireSize("backward logits", cells * nb);
    grad.requireSize("backward gradient", cells * nb);
    FloatBuffer x = logits.buffer();
    FloatBuffer g = grad.buffer();
    ByteBuffer pad = block.pad.buffer();
    ByteBuffer terminal = block.terminal.buffer();
    ByteBuffer mask = block.backwardMask.buffer();
    IntBuffer actions = block.backwardActions.buffer();
    for (long i = 0; i < cells * nb; i++) {
      g.put((int) i, 0f);
    }
    double total = 0;
    double[] p = new double[nb];
    for (int t = 0; t + 1 < slots; t++) {
      for (int b = 0; b < batch; b++) {
        int next = (t + 1) * batch + b;
        if (pad.get(next) != 0 || terminal.get(next) != 0) {
          continue; // padding, or the exit edge s_t -> x
        }
        int row = next * nb;
        int a = actions.get(t * batch + b);
        if (a < 0 || a >= nb || mask.get(row + a) != 0) {
          throw new IllegalArgumentException("backward action " + a + " is invalid at a real transition");
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nb; k++) {
          if (mask.get(row + k) == 0) {
            m = Math.max(m, x.get(row + k));
          }
        }
        double s = 0;
        for (int k = 0; k < nb; k++) {
          p[k] = mask.get(row + k) == 0 ? Math.exp(x.get(row + k) - m) : 0;
          s += p[k];
        }
        total -= x.get(row + a) - m - Math.log(s);
        for (int k = 0; k < nb; k++) {
          g.put(row + k, (float) (p[k] / s - (k == a ? 1 : 0)));
        }
      }
    }
    return total;
  }
}
