// ORT's gradients through per-position heads that skip the BOS slot match float64 finite differences.
package org.gfn4j.policy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.policy.Pooling;
import org.gfn4j.policy.PolicySpec;
import org.junit.jupiter.api.Test;

class SkipFirstHeadGradientTest {
  /** A small bitseq-like layout: [BOS] + 4 words, per-word forward/backward heads, log-flow on BOS. */
  private static PolicySpec spec() {
    return PolicySpec.transformer(7, 5, 8, 2, 2, 12)
        .perPositionHead("forward_logits", 4, 1)
        .perPositionHead("backward_logits", 1, 1)
        .pooledHead("log_flow", 1, Pooling.FIRST);
  }

  @Test
  void skipFirstHeadsHaveTheWordPositionsOnly() {
    PolicySpec s = spec();
    assertEquals(16, s.heads().get(0).size());
    assertEquals(4, s.heads().get(1).size());
    assertEquals(1, s.heads().get(2).size());
  }

  @Test
  void ortGradientsMatchFiniteDifferences() {
    GradientCheck.Result r = GradientCheck.run(spec(), 5, 3);
    assertTrue(r.maxForwardError() < 1e-4, "forward error " + r.maxForwardError());
    assertTrue(r.maxRelError() < 1e-3, "relative gradient error " + r.maxRelError() + ": " + r.tensors());
    // The heads' own gradients are not trivially zero: they depend on the sliced rows.
    for (GradientCheck.TensorResult t : r.tensors()) {
      if (t.name().startsWith("head.")) {
        assertTrue(t.maxAbsGradient() > 1e-3, t.name() + " has no gradient");
      }
    }
  }
}
