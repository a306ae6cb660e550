package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Detailed balance (Bengio et al. 2023) as gfnx's db_* scripts: per real transition
 * err = log F(s) + log PF(s'|s) - [log PB(s|s') + (done ? log R : log F(s'))], and
 * L = sum 1/2 err^2 / #real (optax.l2_loss). log F(s') receives gradient too (same network).
 */
public final class DetailedBalance extends AbstractObjective {
  public DetailedBalance(boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.DB, new ObjectiveParams(1.0, 1.0, 0, uniformBackward), backend);
  }

  public DetailedBalance(Backend backend) {
    this(false, backend);
  }
}
