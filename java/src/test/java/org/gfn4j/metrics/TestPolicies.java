package org.gfn4j.metrics;

import java.nio.FloatBuffer;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.FloatTensor;

/** Closed-form policies of the exact-metric tests: uniform, and uneven logits fixed by each observation. */
final class TestPolicies {
  private TestPolicies() {}

  static final PolicyFn UNIFORM = (obs, f, b, flow) -> {
    f.fill(0f);
    b.fill(0f);
    flow.fill(0f);
  };

  /** Uneven forward logits (and, when asked, backward logits), a deterministic function of each observation. */
  static PolicyFn skewed(boolean backward) {
    return (obs, f, b, flow) -> {
      float[] o = ((FloatTensor) obs).toArray();
      int rows = (int) f.dim(0);
      int width = o.length / rows;
      b.fill(0f);
      for (FloatTensor head : backward ? new FloatTensor[] {f, b} : new FloatTensor[] {f}) {
        int a = (int) head.dim(1);
        FloatBuffer out = head.buffer();
        for (int r = 0; r < rows; r++) {
          double h = 0;
          for (int j = 0; j < width; j++) {
            h += o[r * width + j] * (j + 1);
          }
          for (int k = 0; k < a; k++) {
            out.put(r * a + k, (float) (1.5 * Math.sin(0.37 * h * (k + 1) + k + (head == b ? 2 : 0))));
          }
        }
      }
      flow.fill(0f);
    };
  }
}
