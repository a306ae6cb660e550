// The online policy as the per-slot rollout calls it, counting the rows it evaluates.
package org.gfn4j.train;

import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Adds to {@link StepTimes#forwardRows} the rows each call evaluates: all of them for ONNX
 * Runtime, which has no way to skip rows, and the unskipped ones for the native forward.
 */
final class RowCountingPolicy implements PolicyFn {
  private final NetworkPolicy online;
  private final StepTimes times;
  private final boolean skipsRows;

  RowCountingPolicy(NetworkPolicy online, StepTimes times, boolean skipsRows) {
    this.online = online;
    this.times = times;
    this.skipsRows = skipsRows;
  }

  @Override
  public void evaluate(Tensor<?> obs, FloatTensor f, FloatTensor b, FloatTensor flow) {
    evaluate(obs, null, f, b, flow);
  }

  @Override
  public void evaluate(Tensor<?> obs, ByteTensor skip, FloatTensor f, FloatTensor b, FloatTensor flow) {
    times.forwardRows += skip == null || !skipsRows ? obs.dim(0) : obs.dim(0) - skip.countNonZero();
    online.evaluate(obs, skip, f, b, flow);
  }
}
