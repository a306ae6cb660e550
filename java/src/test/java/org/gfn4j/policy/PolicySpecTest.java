// PolicySpec validation and its JSON round trip (used by saved trainers).
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicySpecTest {
  @Test
  void jsonRoundTripKeepsEveryField() {
    PolicySpec t = PolicySpec.transformer(7, 15, 64, 3, 8, 64).withPadMask(6).withFloatTokens()
        .perPositionHead("forward_logits", 4).pooledHead("flow", 1, Pooling.FIRST).head("backward_logits", 2);
    assertEquals(t, PolicySpec.fromJson(t.toJson()));
    assertEquals(60, t.heads().get(0).size());
    PolicySpec skip = PolicySpec.transformer(259, 16, 64, 3, 8, 64).perPositionHead("forward_logits", 256, 1)
        .perPositionHead("backward_logits", 1, 1).pooledHead("log_flow", 1, Pooling.FIRST);
    assertEquals(skip, PolicySpec.fromJson(skip.toJson()));
    assertEquals(3840, skip.heads().get(0).size());
    assertEquals(1, PolicySpec.fromJson(skip.toJson()).heads().get(1).skipFirst());
    PolicySpec m = PolicySpec.mlp(80, 2, 256, Activation.LEAKY_RELU).head("a", 5).head("b", 4);
    assertEquals(m, PolicySpec.fromJson(m.toJson()));
  }

  @Test
  void specsSavedBeforeSkipFirstReadAsSkippingNothing() {
    String saved = "{\"kind\":\"TRANSFORMER\",\"inputSize\":0,\"depth\":0,\"width\":0,\"vocab\":7,\"maxLen\":15,"
        + "\"dim\":8,\"layers\":1,\"numHeads\":2,\"ffDim\":8,\"padToken\":-1,\"floatTokens\":false,"
        + "\"heads\":[{\"name\":\"forward_logits\",\"units\":4,\"pooling\":\"PER_POSITION\",\"size\":60}]}";
    PolicySpec s = PolicySpec.fromJson(saved);
    assertEquals(PolicySpec.transformer(7, 15, 8, 1, 2, 8).perPositionHead("forward_logits", 4), s);
    assertEquals(0, s.heads().get(0).skipFirst());
  }

  @Test
  void invalidSpecsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.transformer(5, 4, 8, 1, 2, 8).perPositionHead("a", 2, 4));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.transformer(5, 4, 8, 1, 2, 8).perPositionHead("a", 2, -1));
    assertThrows(IllegalArgumentException.class, () -> new HeadSpec("a", 2, Pooling.MEAN, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(0, 2, 8, Activation.RELU));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, -1, 8, Activation.RELU));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).head("a", 2).head("a", 3));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).head("1bad", 2));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).head("loss", 2));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).head("a", 0));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.mlp(4, 1, 8, Activation.RELU).perPositionHead("a", 2));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.transformer(5, 4, 8, 1, 3, 8));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.transformer(5, 4, 8, 1, 2, 8).withPadMask(5));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.fromJson("{not json"));
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.fromJson("{\"kind\":\"MLP\",\"inputSize\":0,\"heads\":[]}"));
    assertThrows(IllegalArgumentException.class, () -> Activation.parse("softplus"));
    assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(-1));
    assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(1e-3).withBetas(1, 0.9));
  }
}
