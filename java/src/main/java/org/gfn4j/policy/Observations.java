// Checks an observation tensor against a policy's input before any native call.
package org.gfn4j.policy;

import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** Observation validation shared by every policy network. */
final class Observations {
  private Observations() {}

  /**
   * Returns the row count of {@code obs} after checking its element type ({@code floatObs}:
   * FloatTensor, else IntTensor) and shape {@code [n, width]}.
   */
  static int rows(Tensor<?> obs, boolean floatObs, int width) {
    if (obs == null) {
      throw new IllegalArgumentException("observation tensor is null");
    }
    if (floatObs ? !(obs instanceof FloatTensor) : !(obs instanceof IntTensor)) {
      throw new IllegalArgumentException("observations must be a " + (floatObs ? "FloatTensor" : "IntTensor")
          + ", got " + obs);
    }
    if (obs.rank() != 2 || obs.dim(1) != width || obs.dim(0) < 1) {
      throw new IllegalArgumentException("observations must have shape [n >= 1, " + width + "], got " + obs);
    }
    if (obs.dim(0) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many observation rows: " + obs);
    }
    return (int) obs.dim(0);
  }
}
