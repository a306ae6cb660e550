// Hidden activations for train steps that arrive without them, from gfn4j's own MLP forward.
package org.gfn4j.policy;

import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.Tensor;

/**
 * A trainer that trains from hidden activations ({@link PolicyTrainer#trainsFromActivations})
 * still accepts plain {@code accumulate(obs, upstream)} calls (replayed rows, backward rollouts):
 * this computes their activations with the native forward from a copy of the trainer's
 * parameters, refreshed lazily after each parameter change. Buffers grow to the largest batch seen.
 */
final class ActivationForward implements AutoCloseable {
  private final PolicySpec spec;
  private final MlpForward forward;
  private HiddenActivations acts;
  private Heads heads;
  private boolean stale = true;

  ActivationForward(PolicySpec spec) {
    this.spec = spec;
    this.forward = MlpForward.create(spec, Backend.NATIVE);
  }

  /** The parameters changed: the next call copies them again. */
  void invalidate() {
    stale = true;
  }

  /** The hidden activations of every row of {@code obs} under {@code trainer}'s current parameters. */
  HiddenActivations of(PolicyTrainer trainer, Tensor<?> obs) {
    if (stale) {
      forward.sync(trainer);
      stale = false;
    }
    int n = Observations.rows(obs, spec);
    if (acts == null || acts.capacity() < n) {
      if (acts != null) {
        acts.close();
        heads.close();
      }
      int capacity = Math.max(Math.max(1, n), acts == null ? 1 : 2 * acts.capacity());
      acts = new HiddenActivations(spec.depth(), spec.width(), capacity);
      heads = Heads.allocate(forward.headSizes(), capacity);
    }
    if (n == 0) {
      acts.clear();
      return acts;
    }
    forward.forward(obs, null, heads.firstRows(n), acts);
    return acts;
  }

  @Override
  public void close() {
    forward.close();
    if (acts != null) {
      acts.close();
      heads.close();
    }
  }
}
