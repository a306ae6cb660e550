package org.gfn4j.objective;

import org.gfn4j.env.FirstEdge;

/**
 * Settings of the objectives for state graphs with cycles (ndb, ndb_flow, sdb; Morozov et al.
 * 2025): the state-flow regulariser λ (loss += λ·F(s) per transition), stable DB's α, β, ε, η and
 * scale (x = e^a − e^c in flow scale, a − c in log scale), and the environment's fixed first edge
 * (its log PF and return-to-s0 backward action; {@code returnAction} −1 when there is none).
 */
public record CycleSettings(double reg, double alpha, double beta, double eps, double eta, boolean logScale,
    double firstEdgeLogPF, int returnAction) {
  /** λ = 0, the paper's stable-DB defaults (α 2, β 1, ε 1, η 1e-3), flow scale, no first edge. */
  public static final CycleSettings DEFAULTS = new CycleSettings(0.0, 2.0, 1.0, 1.0, 1e-3, false, 0.0, -1);

  public CycleSettings {
    if (!(reg >= 0) || !Double.isFinite(reg)) {
      throw new IllegalArgumentException("the state-flow regulariser must be finite and >= 0, got " + reg);
    }
    if (!(alpha > 0) || !Double.isFinite(alpha) || !Double.isFinite(beta) || !(eps > 0) || !Double.isFinite(eps)
        || !(eta >= 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("stable DB needs alpha > 0, finite beta, eps > 0, eta >= 0");
    }
    if (!Double.isFinite(firstEdgeLogPF) || returnAction < -1) {
      throw new IllegalArgumentException("invalid first edge: log PF " + firstEdgeLogPF + ", action " + returnAction);
    }
  }

  /** These settings with the first edge of an environment (or none). */
  public CycleSettings withFirstEdge(java.util.Optional<FirstEdge> edge) {
    return edge.map(e -> new CycleSettings(reg, alpha, beta, eps, eta, logScale, e.logPF(), e.returnAction()))
        .orElse(new CycleSettings(reg, alpha, beta, eps, eta, logScale, 0.0, -1));
  }

  public CycleSettings withReg(double newReg) {
    return new CycleSettings(newReg, alpha, beta, eps, eta, logScale, firstEdgeLogPF, returnAction);
  }
}
