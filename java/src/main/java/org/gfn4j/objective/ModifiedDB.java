package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Modified detailed balance (Deleu et al. 2022) as gfnx's mdb_dag: for real transitions that do
 * not terminate, err = log PF'(stop|s') + log PF(s'|s) - log PF(stop|s) - log PB'(s|s') - Delta,
 * primes from the target network (no gradient); L = huber mean over those transitions (delta 1).
 * gfnx uses a uniform backward policy (zero backward logits) and the last action as stop.
 */
public final class ModifiedDB extends AbstractObjective {
  private final int stopAction;

  public ModifiedDB(int stopAction, boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.MDB, new ObjectiveParams(1.0, 1.0, checkStop(stopAction), uniformBackward), backend);
    this.stopAction = stopAction;
  }

  public ModifiedDB(int stopAction, Backend backend) {
    this(stopAction, true, backend);
  }

  private static int checkStop(int stopAction) {
    if (stopAction < 0) {
      throw new IllegalArgumentException("stop action must be non-negative, got " + stopAction);
    }
    return stopAction;
  }

  public int stopAction() {
    return stopAction;
  }
}
