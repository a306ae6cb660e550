// One output head of a policy network: name, width, pooling and skipped leading positions.
package org.gfn4j.policy;

import java.util.regex.Pattern;

/**
 * A head is a Linear layer on the trunk's features. {@code units} is its Linear width;
 * {@link #size()} is the row width of the head tensor ({@code units}, or {@code (maxLen -
 * skipFirst) * units} for a per-position transformer head, which reads only the positions from
 * {@code skipFirst} on, e.g. the words after a BOS token). Specs saved without
 * {@code skipFirst} read it as 0.
 */
public record HeadSpec(String name, int units, Pooling pooling, int size, int skipFirst) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  public HeadSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("head name '" + name + "' must match " + NAME.pattern());
    }
    // ORT takes graph inputs ending like gradient buffers for gradient buffers (ort-training.md §3).
    if (name.endsWith("_grad") || name.equals("loss")) {
      throw new IllegalArgumentException("head name '" + name + "' is reserved");
    }
    if (units < 1 || size < units) {
      throw new IllegalArgumentException("head " + name + " needs a positive size, got " + units);
    }
    if (skipFirst < 0 || (skipFirst > 0 && pooling != Pooling.PER_POSITION)) {
      throw new IllegalArgumentException("head " + name + ": only per-position heads skip positions, got "
          + skipFirst);
    }
  }
}
