package org.gfn4j.policy;

/**
 * The network settings a policy kind reads: the MLP's width, depth and activation, the
 * transformer's model width, layers, attention heads and feed-forward width, and for networks with
 * per-item embeddings and MLP heads (phylo) the embedding size and the heads' width and depth.
 */
public record PolicySettings(int hidden, int depth, Activation activation, int tfDim, int tfLayers, int tfHeads,
    int tfFeedForward, int embedSize, int headWidth, int headDepth) {
  /** Without embedding and head settings (gfnx's fldb_phylo values: 128, 256, 3). */
  public PolicySettings(int hidden, int depth, Activation activation, int tfDim, int tfLayers, int tfHeads,
      int tfFeedForward) {
    this(hidden, depth, activation, tfDim, tfLayers, tfHeads, tfFeedForward, 128, 256, 3);
  }
}
