package org.gfn4j.env.dag;

/**
 * A decomposable graph score: log R(G) = Σ_j local(j, Pa_G(j)) + log prior, with a uniform
 * prior (0). Parent sets are bit masks (bit i = node i is a parent).
 */
public interface LocalScore {
  /** The local score of node {@code node} given the parent set {@code parents}. */
  double local(int node, long parents);

  int numVariables();
}
