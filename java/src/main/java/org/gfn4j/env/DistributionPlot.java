package org.gfn4j.env;

import java.nio.file.Path;

/**
 * A picture of a terminal distribution that an environment knows how to draw (the hypergrid's
 * heat map): the run writes it for the learned and the target distribution, both indexed like
 * the environment's {@link StateSpace} terminal objects.
 */
public interface DistributionPlot {
  /** File name of the PNG inside the run directory. */
  String fileName();

  /** Draws {@code learned} next to {@code target} into {@code file}. */
  void write(Path file, StateSpace space, double[] learned, double[] target);
}
