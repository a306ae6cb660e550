package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Forward-looking detailed balance (Pan et al. 2023) as gfnx's fldb_phylo: with the
 * forward-looking flow log F~ (the logFlow head) and per-transition energy gain Delta(s -> s'),
 * err = log F~(s) + log PF(s'|s) - stopgrad[log PB'(s|s') + (done ? 0 : log F~'(s')) + Delta],
 * primes from the target network; L = sum_real huber(err) / #real (delta 1). The reward enters
 * only through Delta. gfnx runs it with a uniform backward policy.
 */
public final class ForwardLookingDB extends AbstractObjective {
  public ForwardLookingDB(boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.FLDB, new ObjectiveParams(1.0, 1.0, 0, uniformBackward), backend);
  }

  public ForwardLookingDB(Backend backend) {
    this(true, backend);
  }
}
