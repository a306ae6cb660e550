package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Trajectory balance (Malkin et al. 2022) as gfnx's tb_* scripts:
 * L = mean_b (logZ + sum_t log PF - sum_t log PB - log R)^2 (squared error, no 1/2).
 */
public final class TrajectoryBalance extends AbstractObjective {
  public TrajectoryBalance(boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.TB, new ObjectiveParams(1.0, 1.0, 0, uniformBackward), backend);
  }

  public TrajectoryBalance(Backend backend) {
    this(false, backend);
  }
}
