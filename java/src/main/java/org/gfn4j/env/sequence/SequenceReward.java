package org.gfn4j.env.sequence;

import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The reward of complete sequences, kept apart from the transition kernels: a step asks it only
 * for the rows that newly became terminal, in one batched call.
 */
public interface SequenceReward extends AutoCloseable {
  /**
   * Writes log R of {@code count} complete sequences to {@code out[0..count)}: sequence i is row
   * {@code rows[i]} of {@code tokens} [*, L] (row i when {@code rows} is null). The caller has
   * validated the rows.
   */
  void logRewards(IntTensor tokens, IntTensor rows, int count, DoubleTensor out);

  /** Releases native resources (tables, sessions); the default holds none. */
  @Override
  default void close() {}
}
