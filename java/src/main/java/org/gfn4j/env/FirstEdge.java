package org.gfn4j.env;

import java.util.SplittableRandom;

/**
 * The virtual first edge s0 → s1 of a non-acyclic environment (Morozov et al. 2025): the forward
 * policy of this one edge is fixed, not learned: uniform over every non-terminal state other than
 * s0, or a given source distribution L (optimal transport from L to R/Z, Maksimov et al. 2026),
 * and the backward policy returns from any such state to s0 through one dedicated backward
 * action. A shortest-path environment may instead start in one fixed state (log PF = 0,
 * {@link #logStartCount()} = 0): then the return action is valid at that state only. s0 itself
 * is a sentinel state that allows a single forward action ("enter"); a plain
 * {@link Environment#step} of that action goes to one fixed start state, so the state graph is
 * reachable by search, while forward rollouts replace the step by a draw from this distribution.
 * Objectives recognise the first edge of a transition by its backward action
 * ({@link #returnAction()}) and use the fixed log PF there ({@link #logPF()}, or per trajectory
 * {@link #logPF(int[])} when the edge is not {@link #uniform()}), with log F(s0) = log Z.
 */
public interface FirstEdge {
  /** Number of start states (non-terminal states other than s0). */
  double logStartCount();

  /** log PF(s1 | s0) of every start state of a uniform edge: −log(number of start states). */
  default double logPF() {
    return -logStartCount();
  }

  /** Whether every start state has the same log PF, {@link #logPF()}. */
  default boolean uniform() {
    return true;
  }

  /** log PF(s1 | s0) of the start state with these cells (−∞ for a state the edge never draws). */
  default double logPF(int[] cells) {
    return logPF();
  }

  /** The backward action from a start state back to s0 (valid at every start state). */
  int returnAction();

  /** Writes independent start states drawn from the edge (non-terminal, not padding) into every row of {@code out}. */
  void sample(StateBatch out, SplittableRandom rng);
}
