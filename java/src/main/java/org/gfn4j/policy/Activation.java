// Hidden-layer activations of the MLP policies.
package org.gfn4j.policy;

/** Activation of the MLP hidden layers; LEAKY_RELU uses slope 0.01 (jax.nn.leaky_relu's default). */
public enum Activation {
  RELU,
  LEAKY_RELU,
  GELU,
  TANH;

  public static final double LEAKY_SLOPE = 0.01;

  /** Parses "relu", "leaky_relu", "gelu" or "tanh" (case-insensitive). */
  public static Activation parse(String s) {
    for (Activation a : values()) {
      if (a.name().equalsIgnoreCase(s)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown activation '" + s + "' (relu, leaky_relu, gelu, tanh)");
  }
}
