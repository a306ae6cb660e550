package org.gfn4j.env;

import java.math.BigInteger;

/**
 * An environment whose terminal objects can be counted and indexed, so that the partition
 * function, the target distribution and exact metrics can be computed without sampling.
 */
public interface EnumerableEnvironment extends Environment {
  /** Largest terminal space this library enumerates state by state. */
  long ENUMERATION_LIMIT = 1L << 24;

  /** Exact number of terminal objects (may exceed what can be enumerated). */
  BigInteger terminalCount();

  /** log Z = log Σ_x R(x), exact (closed form or enumeration). */
  double logZ();

  /** E_{x~R/Z}[R(x)] = Σ R² / Σ R. */
  double meanReward();

  /** Number of terminal objects; IllegalArgumentException if above {@link #ENUMERATION_LIMIT}. */
  long numTerminalStates();

  /** Cells of the terminal object with index {@code index} (row-major order). */
  int[] terminalState(long index);

  /** Index of a terminal object; IllegalArgumentException if the cells are not one. */
  long terminalIndex(int[] cells);

  /** Number of non-terminal states (the initial state included); same limit as above. */
  long numStates();

  /** Cells of the non-terminal state with index {@code index}; index 0 is the initial state. */
  int[] state(long index);

  /** Index of a non-terminal state; IllegalArgumentException if the cells are not one. */
  long stateIndex(int[] cells);

  /** log R of every terminal object, in index order. */
  double[] terminalLogRewards();

  /** The target distribution R(x)/Z in index order. */
  default double[] trueDistribution() {
    double[] logR = terminalLogRewards();
    double logZ = logZ();
    double[] p = new double[logR.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logR[i] - logZ);
    }
    return p;
  }
}
