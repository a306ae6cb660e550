// gfnx's fldb_phylo network as a policy kind for the phylogenetic-tree environment.
package org.gfn4j.env.phylo;

import org.gfn4j.env.ObservationSpec;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;

/**
 * Policy kind {@value #NAME}: {@link PolicySpec#phylo} over the n slots of the observation (n − 1
 * backward actions, n(n − 1)/2 pair actions): per-slot embedding MLP (width {@code hidden}, depth
 * {@code depth}, size {@code emb_size}), {@code tf_layers} transformer layers of width
 * {@code tf_dim}, pair/backward/flow MLPs of {@code head_width} × {@code head_depth}. gfnx's dropout
 * (0.01) is left out: the network is deterministic.
 */
final class PhyloPolicy implements PolicyKind {
  static final String NAME = "phylo_transformer";

  /** Registers the kind once (factories may be instantiated more than once). */
  static void register() {
    synchronized (PhyloPolicy.class) {
      if (!PolicyKinds.names().contains(NAME)) {
        PolicyKinds.register(new PhyloPolicy());
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(ObservationSpec obs) {
    return !obs.isTokens();
  }

  @Override
  public PolicySpec build(ObservationSpec obs, int numActions, int numBackwardActions, PolicySettings s) {
    int slots = numBackwardActions + 1;
    if ((long) slots * (slots - 1) / 2 != numActions || obs.size() % slots != 0) {
      throw new IllegalArgumentException("policy '" + NAME + "' needs n slots of equal features, n - 1 backward"
          + " and n(n-1)/2 forward actions, got " + obs + ", " + numActions + " / " + numBackwardActions + " actions");
    }
    return PolicySpec.phylo(slots, obs.size() / slots, s.hidden(), s.depth(), s.embedSize(), s.tfDim(), s.tfLayers(),
            s.tfHeads(), s.tfFeedForward(), s.headWidth(), s.headDepth(), s.activation())
        .head(FORWARD, numActions).head(BACKWARD, numBackwardActions).head(LOG_FLOW, 1);
  }
}
