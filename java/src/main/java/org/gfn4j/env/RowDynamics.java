package org.gfn4j.env;

/**
 * The dynamics of a user's environment, one state at a time, for {@link RowEnvironment} to run in
 * batches: a state is its int cells (plus a terminal flag the library keeps). Only states that
 * the masks allow are ever stepped, and a backward step is never asked of the initial state.
 */
public interface RowDynamics {
  /** Writes the initial state s0 into {@code s}. */
  void reset(int[] s);

  /** Marks the forward actions a non-terminal state forbids ({@code invalid} starts all false). */
  void forwardMask(int[] s, boolean[] invalid);

  /** Applies forward action {@code a} to {@code s} in place; returns true when {@code s} is now terminal. */
  boolean step(int[] s, int a);

  /** Marks the backward actions state {@code s} forbids ({@code invalid} starts all false). */
  void backwardMask(int[] s, boolean terminal, boolean[] invalid);

  /** Applies backward action {@code a} to {@code s} in place (its parent is never terminal). */
  void backwardStep(int[] s, boolean terminal, int a);

  /** The backward action that undoes forward action {@code a}, which took {@code before} to {@code after}. */
  int undo(int[] before, int a, int[] after);

  /** The forward action that redoes backward action {@code b}, which took {@code s} to {@code parent}. */
  int redo(int[] s, boolean terminal, int b, int[] parent);

  /** Writes the observation of {@code s} into {@code out} (zeroed first): float features. */
  default void observe(int[] s, boolean terminal, float[] out) {
    throw new UnsupportedOperationException("this environment observes tokens");
  }

  /** Writes the observation of {@code s} into {@code out}: int tokens (for token observations). */
  default void observe(int[] s, boolean terminal, int[] out) {
    throw new UnsupportedOperationException("this environment observes features");
  }
}
