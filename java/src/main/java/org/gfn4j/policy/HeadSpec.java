// One output head of a policy network: name, width and pooling.
package org.gfn4j.policy;

import java.util.regex.Pattern;

/**
 * A head is a Linear layer on the trunk's features. {@code units} is its Linear width;
 * {@link #size()} is the row width of the head tensor ({@code units}, or {@code maxLen * units}
 * for a per-position transformer head).
 */
public record HeadSpec(String name, int units, Pooling pooling, int size) {
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
  }
}
