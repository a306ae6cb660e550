package org.gfn4j.rollout;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;

/**
 * Proportional prioritized transition replay (Schaul et al. 2016) over a {@link ReplayBuffer}:
 * transition i is drawn with probability p_i^alpha / sum_j p_j^alpha (stratified, from a
 * {@link SumTree}), new transitions enter with the largest priority seen so far, and a draw's
 * priority becomes |residual| + 1e-6 after the update that used it. Importance weights
 * (N·P(i))^-beta are normalised by the batch's largest, as most implementations do.
 */
public final class PrioritizedReplay implements AutoCloseable {
  /** Added to |residual| so that no stored transition becomes undrawable. */
  public static final double MIN_PRIORITY = 1e-6;
  private final ReplayBuffer buffer;
  private final SumTree tree;
  private final double alpha;
  private double maxPriority = 1.0;
  private int[] drawn;

  /** Prioritises the transitions of {@code buffer} (borrowed; the caller closes it). */
  public PrioritizedReplay(ReplayBuffer buffer, double alpha, Backend backend) {
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("replay alpha must be finite and non-negative, got " + alpha);
    }
    this.buffer = buffer;
    this.alpha = alpha;
    this.tree = new SumTree(buffer.capacity(), backend);
  }

  /** beta annealed linearly from {@code start} to {@code end} over {@code steps} iterations (0: end at once). */
  public static double beta(double start, double end, long steps, long step) {
    return steps <= 0 ? end : start + (end - start) * Math.min(1.0, (double) step / steps);
  }

  /** Stores the real transitions of {@code block} (as {@link ReplayBuffer#add}) at the largest priority. */
  public int add(Trajectories block, int used) {
    int start = buffer.nextPosition();
    int added = buffer.add(block, used);
    int n = Math.min(added, buffer.capacity());
    int[] at = new int[n];
    double[] p = new double[n];
    for (int j = 0; j < n; j++) {
      at[j] = (start + added - n + j) % buffer.capacity();
      p[j] = Math.pow(maxPriority, alpha);
    }
    tree.set(at, p);
    return added;
  }

  /**
   * Draws {@code out.batch()} transitions into the two-slot block {@code out} and writes their
   * importance weights into slot 0 of {@code weights} [2, B] (slot 1, which holds no transition, gets 1).
   */
  public void sample(SplittableRandom rng, Trajectories out, double beta, FloatTensor weights) {
    int n = out.batch();
    weights.requireSize("weights", 2L * n);
    if (buffer.size() == 0) {
      throw new IllegalStateException("the replay buffer is empty");
    }
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = rng.nextDouble();
    }
    drawn = tree.sample(u);
    buffer.gather(drawn, out);
    double total = tree.total();
    double[] w = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.pow(buffer.size() * tree.get(drawn[i]) / total, -beta);
      max = Math.max(max, w[i]);
    }
    FloatBuffer wb = weights.buffer();
    for (int i = 0; i < n; i++) {
      wb.put(i, (float) (w[i] / max));
      wb.put(n + i, 1f);
    }
  }

  /** New priorities of the last draw from the residuals an objective wrote for it (slot 0 of [2, B]). */
  public void updatePriorities(FloatTensor residuals) {
    if (drawn == null) {
      throw new IllegalStateException("no batch was drawn");
    }
    residuals.requireSize("residuals", 2L * drawn.length);
    FloatBuffer r = residuals.buffer();
    double[] p = new double[drawn.length];
    for (int i = 0; i < drawn.length; i++) {
      double priority = Math.abs(r.get(i)) + MIN_PRIORITY;
      if (!Double.isFinite(priority)) {
        throw new IllegalArgumentException("a residual is not finite: " + r.get(i));
      }
      maxPriority = Math.max(maxPriority, priority);
      p[i] = Math.pow(priority, alpha);
    }
    tree.set(drawn, p);
  }

  /**
   * Writes the largest priority seen and the priority^alpha of every stored transition, bit for
   * bit: the sum tree's inner sums are a function of its leaves, so {@link #restore} rebuilds the
   * same tree and a resumed run draws exactly what an uninterrupted one would.
   */
  public void save(java.io.DataOutputStream out) throws java.io.IOException {
    int n = buffer.size();
    out.writeDouble(maxPriority);
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      out.writeDouble(tree.get(i));
    }
  }

  /** Reads what {@link #save} wrote, after the buffer itself was restored; IOException on a mismatch. */
  public void restore(java.io.DataInputStream in) throws java.io.IOException {
    double max = in.readDouble();
    int n = in.readInt();
    if (n != buffer.size() || !(max >= MIN_PRIORITY) || !Double.isFinite(max)) {
      throw new java.io.IOException("priorities of " + n + " transitions (largest " + max + ") for a buffer of "
          + buffer.size());
    }
    int[] at = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      at[i] = i;
      p[i] = in.readDouble();
      if (!(p[i] >= 0) || !Double.isFinite(p[i])) {
        throw new java.io.IOException("priority " + i + " is not a finite non-negative number: " + p[i]);
      }
    }
    if (in.read() != -1) {
      throw new java.io.IOException("trailing bytes after " + n + " priorities");
    }
    tree.set(at, p);
    maxPriority = max;
  }

  /** The stored indices of the last draw (a copy). */
  int[] lastDrawn() {
    return drawn.clone();
  }

  /** The priority^alpha of stored transition {@code index}. */
  public double weightedPriority(int index) {
    return tree.get(index);
  }

  @Override
  public void close() {
    tree.close();
  }
}
