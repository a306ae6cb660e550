package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Soft DQN (Tiapkin et al. 2024) as gfnx's soft_dqn_hypergrid (dueling head): Q(s, a) = V(s) +
 * lambda·log_softmax(masked advantage)(a) with advantage = forwardLogits (the sampling policy) and
 * V = logFlow; target = log R if done else log PB_uniform(s|s') + V'(s') (V' from the target
 * network, log PB_uniform = -log #valid backward actions at s'); loss huber(Q - target) (delta 1),
 * terminating transitions weighted by leafCoeff, sum over real transitions divided by their count
 * (not by the weights), as gfnx. With {@link Munchausen} settings this is M-DQN: the target gains
 * alpha·clip(lambda·log pi'(a|s), l0, 0) (pi' the target network's policy) and, with double DQN,
 * the next-state value -lambda·KL(pi || pi') at s'. The backward policy is uniform unless a PB
 * fitted apart (TLM) is given as the target backward head.
 */
public final class SoftDQN extends AbstractObjective {
  private final double leafCoeff;

  public SoftDQN(double leafCoeff, Backend backend) {
    this(leafCoeff, Munchausen.NONE, backend);
  }

  public SoftDQN(double leafCoeff, Munchausen munchausen, Backend backend) {
    this(leafCoeff, munchausen, true, backend);
  }

  /**
   * With {@code uniformBackward} false the inner reward is log PB'(s|s') of the target backward
   * logits (a backward policy fitted apart, e.g. by TLM), read as a constant.
   */
  public SoftDQN(double leafCoeff, Munchausen munchausen, boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.SOFTDQN, checkNull(munchausen).alpha() > 0 ? "mdqn" : "softdqn",
        new ObjectiveParams(1.0, checkLeaf(leafCoeff), 0, uniformBackward, munchausen), backend);
    this.leafCoeff = leafCoeff;
  }

  private static Munchausen checkNull(Munchausen m) {
    if (m == null) {
      throw new IllegalArgumentException("munchausen settings must not be null (use Munchausen.NONE)");
    }
    return m;
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

  public Munchausen munchausen() {
    return params().munchausen;
  }
}
