package org.gfn4j.policy;

import org.gfn4j.env.ObservationSpec;

/**
 * One way to build a policy network for an environment from its observation description: an
 * MLP over float features, a transformer over tokens, or an environment's own layout (registered
 * by that environment in {@link PolicyKinds}). Every kind gives the three heads objectives read:
 * {@value #FORWARD} [A], {@value #BACKWARD} [Ab] and {@value #LOG_FLOW} [1].
 */
public interface PolicyKind {
  String FORWARD = "forward_logits";
  String BACKWARD = "backward_logits";
  String LOG_FLOW = "log_flow";

  /** The name selecting this kind in settings ({@code policy=NAME}). */
  String name();

  /** Whether this kind can read observations like {@code obs} (used by {@code policy=auto}). */
  boolean accepts(ObservationSpec obs);

  /** The network for an environment with these observations and action counts. */
  PolicySpec build(ObservationSpec obs, int numActions, int numBackwardActions, PolicySettings settings);
}
