package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Soft DQN (Tiapkin et al. 2024) as gfnx's soft_dqn_hypergrid (dueling head, no Munchausen
 * term): Q(s, a) = V(s) + log_softmax(masked advantage)(a) with advantage = forwardLogits and
 * V = logFlow; target = log R if done else log PB_uniform(s|s') + V'(s') (V' from the target
 * network, log PB_uniform = -log #valid backward actions at s'); loss huber(Q - target) (delta 1),
 * terminating transitions weighted by leafCoeff, sum over real transitions divided by their count
 * (not by the weights), as gfnx. The backward policy is always uniform.
 */
public final class SoftDQN extends AbstractObjective {
  private final double leafCoeff;

  public SoftDQN(double leafCoeff, Backend backend) {
    super(ObjectiveKind.SOFTDQN, new ObjectiveParams(1.0, checkLeaf(leafCoeff), 0, true), backend);
    this.leafCoeff = leafCoeff;
  }

  private static double checkLeaf(double leafCoeff) {
    if (!Double.isFinite(leafCoeff) || leafCoeff < 0) {
      throw new IllegalArgumentException("leaf coefficient must be finite and non-negative, got " + leafCoeff);
    }
    return leafCoeff;
  }

  public double leafCoeff() {
    return leafCoeff;
  }
}
