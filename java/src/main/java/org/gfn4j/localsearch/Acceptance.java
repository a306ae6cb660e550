package org.gfn4j.localsearch;

import java.util.Locale;

/**
 * How local search decides whether a proposal x′ replaces x (Kim et al. 2024). With
 * a = log R(x′) − log R(x) + log q(x′→x) − log q(x→x′): {@code DETERMINISTIC} keeps x′ iff
 * R(x′) > R(x) (the paper's default filter); {@code STOCHASTIC} with probability sigmoid(a), the
 * Barker rule the authors' code applies; {@code METROPOLIS} with probability min(1, e^a), as the
 * paper describes it.
 */
public enum Acceptance {
  DETERMINISTIC, STOCHASTIC, METROPOLIS;

  /** The setting's name for this rule. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rule a setting names; IllegalArgumentException for anything else. */
  public static Acceptance parse(String value) {
    for (Acceptance a : values()) {
      if (a.key().equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException("'ls_accept' must be deterministic, stochastic or metropolis, got '"
        + value + "'");
  }

  /**
   * The probability of keeping x′ given both log-rewards and the log-probabilities of the forward
   * proposal (x→x′: backtrack with PB, rebuild with PF) and of the reverse one (x′→x).
   */
  public double probability(double logRewardNew, double logRewardOld, double logQReverse, double logQForward) {
    if (this == DETERMINISTIC) {
      return logRewardNew > logRewardOld ? 1.0 : 0.0;
    }
    double a = logRewardNew - logRewardOld + logQReverse - logQForward;
    if (Double.isNaN(a)) {
      return 0.0; // an impossible reverse move (−∞ on both sides) is never taken
    }
    if (this == METROPOLIS) {
      return a >= 0 ? 1.0 : Math.exp(a);
    }
    return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
  }

  /** Keeps x′ when {@code u}, uniform in [0, 1), falls below {@link #probability}. */
  public boolean accept(double logRewardNew, double logRewardOld, double logQReverse, double logQForward, double u) {
    return u < probability(logRewardNew, logRewardOld, logQReverse, logQForward);
  }
}
