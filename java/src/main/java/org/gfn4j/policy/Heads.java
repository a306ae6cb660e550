// One float tensor per policy head, all with the same number of rows.
package org.gfn4j.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.tensor.FloatTensor;

/**
 * Head tensors {@code float [n, size]} by name: forward outputs, or the upstream gradients
 * {@code dLoss/dHead} fed to {@link PolicyTrainer#accumulate}. Allocated heads own their
 * tensors (closed with this object); wrapped heads borrow them.
 */
public final class Heads implements AutoCloseable {
  private final Map<String, FloatTensor> tensors;
  private final int n;
  private final boolean owner;

  private Heads(Map<String, FloatTensor> tensors, int n, boolean owner) {
    this.tensors = Collections.unmodifiableMap(tensors);
    this.n = n;
    this.owner = owner;
  }

  /** Zero-filled heads of {@code n} rows for the given names and widths. */
  public static Heads allocate(Map<String, Integer> sizes, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + n);
    }
    Map<String, FloatTensor> m = new LinkedHashMap<>();
    sizes.forEach((name, size) -> m.put(name, FloatTensor.allocate(n, size)));
    return new Heads(m, n, true);
  }

  /** Borrows existing {@code [n, size]} tensors (all with the same {@code n}). */
  public static Heads wrap(Map<String, FloatTensor> tensors) {
    int n = -1;
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      FloatTensor t = e.getValue();
      if (t.rank() != 2 || (n >= 0 && t.dim(0) != n)) {
        throw new IllegalArgumentException("head " + e.getKey() + " must be [n, size] with a common n, got " + t);
      }
      n = (int) t.dim(0);
    }
    if (n < 1) {
      throw new IllegalArgumentException("no heads to wrap");
    }
    return new Heads(new LinkedHashMap<>(tensors), n, false);
  }

  /** Views of the first {@code rows} rows of every head (borrowed, valid while this is open). */
  public Heads firstRows(int rows) {
    if (rows < 1 || rows > n) {
      throw new IllegalArgumentException("rows must lie in [1, " + n + "], got " + rows);
    }
    Map<String, FloatTensor> m = new LinkedHashMap<>();
    tensors.forEach((name, t) -> m.put(name, t.view(0, rows, t.dim(1))));
    return new Heads(m, rows, false);
  }

  public FloatTensor get(String name) {
    FloatTensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no head named " + name + " (have " + tensors.keySet() + ")");
    }
    return t;
  }

  public int batchSize() {
    return n;
  }

  public List<String> names() {
    return List.copyOf(tensors.keySet());
  }

  /** Checks that these heads match {@code sizes} (names, widths) with {@code rows} rows. */
  void require(Map<String, Integer> sizes, long rows) {
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      FloatTensor t = tensors.get(e.getKey());
      if (t == null) {
        throw new IllegalArgumentException("missing head " + e.getKey());
      }
      if (t.rank() != 2 || t.dim(0) != rows || t.dim(1) != e.getValue()) { // the message only when it fails
        t.requireShape("head " + e.getKey(), rows, e.getValue());
      }
    }
  }

  @Override
  public void close() {
    if (owner) {
      tensors.values().forEach(FloatTensor::close);
    }
  }
}
