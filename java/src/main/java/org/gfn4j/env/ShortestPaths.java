package org.gfn4j.env;

/**
 * Exact shortest-path distances between states of an environment whose moves form a Cayley graph
 * (permutations, the 2×2×2 cube): the oracle against which a GFlowNet's trajectory lengths are
 * compared. Arguments are the cells of two (non-s0) states; the answer counts moves, not the
 * first edge or the exit.
 */
public interface ShortestPaths {
  int distance(int[] from, int[] to);
}
