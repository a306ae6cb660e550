// How a transformer head reads the per-position encodings.
package org.gfn4j.policy;

/**
 * MEAN averages the encoder output over positions, FIRST takes position 0 (the BOS slot), and
 * PER_POSITION applies the head's Linear to every position ({@code [n, maxLen * size]},
 * row-major {@code [n, maxLen, size]}), or to every position after the first
 * {@link HeadSpec#skipFirst()} ones. MLP heads ignore pooling.
 */
public enum Pooling {
  MEAN,
  FIRST,
  PER_POSITION
}
