package org.gfn4j.policy;

/**
 * The network settings a policy kind reads: the MLP's width, depth and activation, and the
 * transformer's model width, layers, attention heads and feed-forward width.
 */
public record PolicySettings(int hidden, int depth, Activation activation, int tfDim, int tfLayers, int tfHeads,
    int tfFeedForward) {}
