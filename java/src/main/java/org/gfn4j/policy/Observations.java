// Checks an observation tensor against a policy's input before any native call.
package org.gfn4j.policy;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
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

  /**
   * Rows of a policy's observations; for a transformer also checks every token id lies in
   * [0, vocab) (ONNX Gather would wrap negative ids silently). One pass, cheap next to a
   * transformer evaluation.
   */
  static int rows(Tensor<?> obs, PolicySpec spec) {
    int n = rows(obs, spec.floatObservations(), spec.observationWidth());
    if (spec.kind() == PolicySpec.Kind.TRANSFORMER) {
      int vocab = spec.vocab();
      int size = (int) obs.size();
      if (obs instanceof IntTensor t) {
        IntBuffer b = t.buffer();
        for (int i = 0; i < size; i++) {
          int v = b.get(i);
          if (v < 0 || v >= vocab) {
            throw new IllegalArgumentException("token " + v + " at index " + i + " is outside [0, " + vocab + ")");
          }
        }
      } else {
        FloatBuffer b = ((FloatTensor) obs).buffer();
        for (int i = 0; i < size; i++) {
          float v = b.get(i);
          if (!(v >= 0 && v < vocab) || v != (int) v) {
            throw new IllegalArgumentException("token " + v + " at index " + i + " is not an id in [0, " + vocab + ")");
          }
        }
      }
    }
    return n;
  }
}
