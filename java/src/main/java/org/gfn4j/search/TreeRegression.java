package org.gfn4j.search;

import org.gfn4j.internal.cpu.MentsLossKernels;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The loss MCTS training puts on soft-DQN's dueling head (native/include/gfn4j/ments_loss.h):
 * every valid Q(s, a) of a searched state regressed onto the tree's Q_tree(s, a) (mean over
 * actions), exits regressed onto log R, divided by the number of terms; by the native kernel or
 * its Java twin. Arguments are checked here before any native call.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class TreeRegression {
  private final Backend backend;

  public TreeRegression(Backend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
    this.backend = backend;
  }

  /**
   * The loss over {@code rows} visited states of {@code actions} actions; the upstream gradients
   * land in {@code dLogits} [rows, actions] and {@code dLogFlow} [rows].
   */
  public double loss(int rows, int actions, FloatTensor logits, FloatTensor logFlow, ByteTensor invalid,
      ByteTensor searched, FloatTensor target, IntTensor exitAction, FloatTensor logReward, FloatTensor dLogits,
      FloatTensor dLogFlow) {
    if (rows < 1 || actions < 1) {
      throw new IllegalArgumentException("rows and actions must be positive, got " + rows + ", " + actions);
    }
    long cells = (long) rows * actions;
    logits.requireSize("logits", cells);
    invalid.requireSize("invalid mask", cells);
    target.requireSize("tree Q targets", cells);
    dLogits.requireSize("logit gradients", cells);
    logFlow.requireSize("log-flows", rows);
    searched.requireSize("searched flags", rows);
    exitAction.requireSize("exit actions", rows);
    logReward.requireSize("log-rewards", rows);
    dLogFlow.requireSize("log-flow gradients", rows);
    for (int r = 0; r < rows; r++) {
      int e = exitAction.get(r);
      if (e < -1 || e >= actions) {
        throw new IllegalArgumentException("exit action " + e + " outside [-1, " + actions + ")");
      }
      if (e >= 0 && invalid.get((long) r * actions + e) != 0) {
        throw new IllegalArgumentException("exit action " + e + " is invalid at row " + r);
      }
      boolean s = searched.get(r) != 0;
      if (!s && e < 0) {
        continue;
      }
      boolean any = false;
      for (int a = 0; a < actions; a++) {
        long i = (long) r * actions + a;
        if (invalid.get(i) == 0) {
          any = true;
          if (!Float.isFinite(logits.get(i)) || (s && !Float.isFinite(target.get(i)))) {
            throw new IllegalArgumentException("logits and tree targets of valid actions must be finite (row " + r + ")");
          }
        }
      }
      if (!any || !Float.isFinite(logFlow.get(r)) || (e >= 0 && !Float.isFinite(logReward.get(r)))) {
        throw new IllegalArgumentException("row " + r + " has no valid action or a non-finite log-flow or log-reward");
      }
    }
    if (backend == Backend.JAVA) {
      return javaLoss(rows, actions, logits, logFlow, invalid, searched, target, exitAction, logReward, dLogits, dLogFlow);
    }
    try (DoubleTensor out = DoubleTensor.allocate(1); NativeResource.Lease lease = NativeResource.lease(logits, logFlow,
        invalid, searched, target, exitAction, logReward, dLogits, dLogFlow, out)) {
      NativeStatus.check(MentsLossKernels.ments_tree_loss(rows, actions, logits.pointer(), logFlow.pointer(),
          invalid.pointer(), searched.pointer(), target.pointer(), exitAction.pointer(), logReward.pointer(),
          out.pointer(), dLogits.pointer(), dLogFlow.pointer()), "ments_tree_loss");
      return out.get(0);
    }
  }

  /** The twin of ments_loss.cpp, operation for operation. */
  private static double javaLoss(int rows, int actions, FloatTensor logits, FloatTensor logFlow, ByteTensor invalid,
      ByteTensor searched, FloatTensor target, IntTensor exitAction, FloatTensor logReward, FloatTensor dLogits,
      FloatTensor dLogFlow) {
    long terms = 0;
    for (int r = 0; r < rows; r++) {
      terms += (searched.get(r) != 0 ? 1 : 0) + (exitAction.get(r) >= 0 ? 1 : 0);
    }
    double scale = terms > 0 ? 1.0 / terms : 0.0;
    double total = 0.0;
    double[] dq = new double[actions];
    for (int r = 0; r < rows; r++) {
      long base = (long) r * actions;
      int e = exitAction.get(r);
      boolean s = searched.get(r) != 0;
      if (!s && e < 0) {
        for (int a = 0; a < actions; a++) {
          dLogits.set(base + a, 0f);
        }
        dLogFlow.set(r, 0f);
        continue;
      }
      double m = Double.NEGATIVE_INFINITY;
      int k = 0;
      for (int a = 0; a < actions; a++) {
        if (invalid.get(base + a) == 0) {
          k++;
          m = Math.max(m, logits.get(base + a));
        }
      }
      double sum = 0.0;
      for (int a = 0; a < actions; a++) {
        if (invalid.get(base + a) == 0) {
          sum += Math.exp((double) logits.get(base + a) - m);
        }
      }
      double lse = m + Math.log(sum);
      double loss = 0.0;
      double dqSum = 0.0;
      for (int a = 0; a < actions; a++) {
        dq[a] = 0.0;
        if (invalid.get(base + a) != 0) {
          continue;
        }
        double q = (double) logFlow.get(r) + ((double) logits.get(base + a) - lse);
        if (s) {
          double err = q - (double) target.get(base + a);
          loss += err * err / k;
          dq[a] += 2.0 * err / k * scale;
        }
        if (a == e) {
          double err = q - (double) logReward.get(r);
          loss += err * err;
          dq[a] += 2.0 * err * scale;
        }
        dqSum += dq[a];
      }
      for (int a = 0; a < actions; a++) {
        dLogits.set(base + a, invalid.get(base + a) != 0 ? 0f
            : (float) (dq[a] - Math.exp((double) logits.get(base + a) - lse) * dqSum));
      }
      dLogFlow.set(r, (float) dqSum);
      total += loss;
    }
    return total * scale;
  }
}
