package org.gfn4j.env;

import org.gfn4j.tensor.FloatTensor;

/**
 * An environment's per-transition score Δ(s→s′) for forward-looking objectives (FL-DB, MDB):
 * the energy change log R(s′) − log R(s), or a local score change such as a DAG's.
 */
@FunctionalInterface
public interface DeltaScore {
  /** Writes Δ of each transition {@code from[b] → to[b]} into {@code out} [B]. */
  void compute(StateBatch from, StateBatch to, FloatTensor out);
}
