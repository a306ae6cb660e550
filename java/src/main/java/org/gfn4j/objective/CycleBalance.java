package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Detailed balance for state graphs with cycles (Morozov et al. 2025), per real transition with
 * a = log F(s) + log PF(s'|s), c = log F(s') + log PB(s|s') (log F := log R and log PB := 0 on
 * exit): {@code ndb} (a − c)² + λ·F(s), the log-scale DB whose regulariser selects the
 * minimum-flow (shortest expected length) solution; {@code ndb_flow} (e^a − e^c)² + λ·F(s);
 * {@code sdb} stable DB log(1 + ε|x|^α)·(1 + η·F(s))^β + λ·F(s), x in flow or log scale. The loss
 * is the mean over real transitions. On the fixed first edge s0 → s1 (recognised by its
 * return-to-s0 backward action) log F(s0) = log Z, learned, log PF is the environment's fixed
 * value and the regulariser acts on F(s1). The backward policy is learned unless uniform.
 */
public final class CycleBalance extends AbstractObjective {
  CycleBalance(ObjectiveKind kind, boolean uniformBackward, CycleSettings settings, Backend backend) {
    super(kind, new ObjectiveParams(1.0, 1.0, 0, uniformBackward, settings), backend);
    if (!kind.forCycles()) {
      throw new IllegalArgumentException(kind.factoryName + " is not an objective for cycles");
    }
  }

  public CycleSettings settings() {
    return params().cycle;
  }
}
