// gfnx's bitseq policy layout: per-word heads read after the BOS slot, log-flow on BOS.
package org.gfn4j.env.sequence;

import org.gfn4j.env.ObservationSpec;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.Pooling;

/**
 * Policy kind {@value #NAME}: gfnx's transformer encoder over {@code [BOS] + L words} (no pad
 * mask, as gfnx's bitseq scripts), forward logits from a Linear(d → nchar) at each word position
 * ({@code [n, L·nchar]}, action = position·nchar + word, the environment's order), backward logits
 * from a Linear(d → 1) at each word position ({@code [n, L]}) and the log-flow from a Linear on the
 * BOS output. It fits the non-autoregressive sequence environments (bitseq), whose action counts
 * it checks. gfnx initialises its forward and backward poolers from one key; here every head has
 * its own seeded parameters.
 */
final class BitseqPolicy implements PolicyKind {
  static final String NAME = "bitseq_transformer";

  /** Registers the kind once (factories may be instantiated more than once). */
  static void register() {
    synchronized (BitseqPolicy.class) {
      if (!PolicyKinds.names().contains(NAME)) {
        PolicyKinds.register(new BitseqPolicy());
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(ObservationSpec obs) {
    return obs.isTokens() && obs.size() >= 2;
  }

  @Override
  public PolicySpec build(ObservationSpec obs, int numActions, int numBackwardActions, PolicySettings s) {
    int words = obs.size() - 1;
    if (numBackwardActions != words || numActions % words != 0) {
      throw new IllegalArgumentException("policy '" + NAME + "' needs [BOS] + L tokens with L backward actions and"
          + " L*nchar forward actions, got " + obs + ", " + numActions + " / " + numBackwardActions + " actions");
    }
    return PolicySpec.transformer(obs.vocabulary(), obs.size(), s.tfDim(), s.tfLayers(), s.tfHeads(),
            s.tfFeedForward())
        .perPositionHead(FORWARD, numActions / words, 1)
        .perPositionHead(BACKWARD, 1, 1)
        .pooledHead(LOG_FLOW, 1, Pooling.FIRST);
  }
}
