package org.gfn4j.backward;

import java.util.Locale;

/**
 * How PB is obtained (Gritsaev et al. 2025 compare these): {@code uniform} (fixed), {@code naive}
 * (a head of the forward network, trained by the forward loss), {@code tlm} (a separate network
 * fitted by trajectory likelihood on each fresh batch), {@code pessimistic} (the same fit on
 * transitions of the most recent batches, no learning-rate decay).
 */
public enum BackwardChoice {
  UNIFORM, NAIVE, TLM, PESSIMISTIC;

  /** Parses a setting value; {@code auto} follows {@code trainBackward} (naive if true, else uniform). */
  public static BackwardChoice parse(String value, boolean trainBackward) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return trainBackward ? NAIVE : UNIFORM;
    }
    for (BackwardChoice c : values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "'backward_policy' must be auto, uniform, naive, tlm or pessimistic, got '" + value + "'");
  }

  /** A separate PB network trained by likelihood (the forward loss reads its Polyak target). */
  public boolean separateNetwork() {
    return this == TLM || this == PESSIMISTIC;
  }
}
