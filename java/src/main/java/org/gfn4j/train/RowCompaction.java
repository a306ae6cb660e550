package org.gfn4j.train;

import org.gfn4j.env.ObservationSpec;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Rows;
import org.gfn4j.tensor.Tensor;

/**
 * Gathers the rows of real states (pad = 0) of a trajectory block, with their upstream
 * gradients, into dense buffers, so ONNX Runtime's training step skips the padding behind
 * trajectories that ended early. Exact: the objectives give padding rows zero gradient. The
 * selection and gathers run on the environment's backend (native kernels or their Java twins).
 */
final class RowCompaction implements AutoCloseable {
  private final Backend backend;
  private final IntTensor rows;
  private final Tensor<?> obs;
  private final FloatTensor dForward;
  private final FloatTensor dBackward;
  private final FloatTensor dFlow;
  private final int obsSize;
  private final int numActions;
  private final int numBackwardActions;
  private int count;

  RowCompaction(Backend backend, int maxRows, ObservationSpec obsSpec, int numActions, int numBackwardActions) {
    this.backend = backend;
    this.rows = IntTensor.allocate(maxRows);
    this.obsSize = obsSpec.size();
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    this.obs = obsSpec.allocate(maxRows);
    this.dForward = FloatTensor.allocate(maxRows, numActions);
    this.dBackward = FloatTensor.allocate(maxRows, numBackwardActions);
    this.dFlow = FloatTensor.allocate(maxRows, 1);
  }

  /** Selects the non-padding rows among the first {@code n} of {@code pad}; returns how many. */
  int select(ByteTensor pad, int n) {
    count = Rows.selectReal(backend, pad, n, rows);
    return count;
  }

  Tensor<?> obs(Tensor<?> source) {
    Rows.gather(backend, source, rows, count, obsSize, obs);
    return obs.view(0, count, obsSize);
  }

  FloatTensor dForward(FloatTensor source) {
    return gather(source, dForward, numActions);
  }

  FloatTensor dBackward(FloatTensor source) {
    return gather(source, dBackward, numBackwardActions);
  }

  FloatTensor dFlow(FloatTensor source) {
    return gather(source, dFlow, 1);
  }

  private FloatTensor gather(FloatTensor source, FloatTensor target, int width) {
    Rows.gather(backend, source, rows, count, width, target);
    return target.view(0, count, width);
  }

  @Override
  public void close() {
    rows.close();
    obs.close();
    dForward.close();
    dBackward.close();
    dFlow.close();
  }
}
