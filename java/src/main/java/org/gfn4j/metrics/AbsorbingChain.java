package org.gfn4j.metrics;

/**
 * A forward policy on a state graph with cycles as an absorbing Markov chain: non-terminal states
 * are transient, terminal objects absorb. Given the start distribution μ0 and the policy's edge
 * probabilities, the expected number of visits v solves (I − Pᵀ) v = μ0 (v(s) = F(s)/Z for a
 * GFlowNet), the terminal distribution is p(x) = Σ_s v(s)·P(s → x), and the expected number of
 * steps to termination is Σ_s v(s). Solved by BiCGSTAB with a Jacobi preconditioner (the matrix
 * is sparse with a few edges per state, so nothing dense is formed), restarted from its iterate
 * on breakdown, with the residual checked at the end.
 */
public final class AbsorbingChain {
  /** Relative residual ‖μ0 − (I − Pᵀ)v‖₁ / ‖μ0‖₁ accepted as solved. */
  public static final double TOLERANCE = 1e-11;

  private final int n;
  private final int numActions;
  private final int[] children;

  /**
   * @param numStates non-terminal states
   * @param numActions forward actions per state
   * @param children child codes [numStates, numActions]: −1 invalid, a state index, or
   *     numStates + terminal index (as {@link org.gfn4j.env.StateSpace#children()})
   */
  public AbsorbingChain(int numStates, int numActions, int[] children) {
    if (numStates <= 0 || numActions <= 0 || children.length != (long) numStates * numActions) {
      throw new IllegalArgumentException("children must hold numStates * numActions entries");
    }
    this.n = numStates;
    this.numActions = numActions;
    this.children = children;
  }

  /** What the chain gives for one policy. */
  public record Solution(double[] visits, double[] terminal, double meanLength, double residual) {}

  /**
   * Solves for the policy whose edge probabilities are {@code probs} [numStates, numActions]
   * (rows of states never visited may be anything) from start distribution {@code start}.
   * {@code numTerminal} terminal objects receive the absorbed mass.
   */
  public Solution solve(double[] probs, double[] start, int numTerminal) {
    if (probs.length != n * numActions || start.length != n) {
      throw new IllegalArgumentException("probabilities need [" + n + ", " + numActions + "], start [" + n + "]");
    }
    double[] diag = new double[n];
    for (int s = 0; s < n; s++) {
      double self = 0;
      for (int a = 0; a < numActions; a++) {
        self += children[s * numActions + a] == s ? probs[s * numActions + a] : 0;
      }
      diag[s] = 1 - self;
      if (!(diag[s] > 0)) {
        throw new IllegalArgumentException("state " + s + " never leaves itself: the chain does not absorb");
      }
    }
    double[] v = new double[n];
    double norm = l1(start);
    double residual = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart < 8 && residual > TOLERANCE; restart++) {
      bicgstab(probs, diag, start, v, norm, 20 * n + 1000);
      residual = l1(residualOf(probs, start, v)) / Math.max(norm, Double.MIN_NORMAL);
    }
    double[] terminal = new double[numTerminal];
    double length = 0;
    for (int s = 0; s < n; s++) {
      length += v[s];
      for (int a = 0; a < numActions; a++) {
        int c = children[s * numActions + a];
        if (c >= n) {
          terminal[c - n] += v[s] * probs[s * numActions + a];
        }
      }
    }
    return new Solution(v, terminal, length, residual);
  }

  /** y = (I − Pᵀ) x. */
  private double[] apply(double[] probs, double[] x) {
    double[] y = x.clone();
    for (int s = 0; s < n; s++) {
      if (x[s] == 0) {
        continue;
      }
      for (int a = 0; a < numActions; a++) {
        int c = children[s * numActions + a];
        if (c >= 0 && c < n) {
          y[c] -= probs[s * numActions + a] * x[s];
        }
      }
    }
    return y;
  }

  private double[] residualOf(double[] probs, double[] b, double[] x) {
    double[] ax = apply(probs, x);
    for (int i = 0; i < n; i++) {
      ax[i] = b[i] - ax[i];
    }
    return ax;
  }

  /** Preconditioned BiCGSTAB (van der Vorst 1992) from the iterate in x; stops at the tolerance or on breakdown. */
  private void bicgstab(double[] probs, double[] diag, double[] b, double[] x, double norm, int maxIterations) {
    double[] r = residualOf(probs, b, x);
    double[] rHat = r.clone();
    double[] p = new double[n];
    double[] vv = new double[n];
    double rho = 1;
    double alpha = 1;
    double omega = 1;
    for (int it = 0; it < maxIterations; it++) {
      if (l1(r) <= TOLERANCE * 0.1 * norm) {
        return;
      }
      double rhoNext = dot(rHat, r);
      if (rhoNext == 0 || omega == 0) {
        return; // breakdown: the caller restarts from x
      }
      double beta = rhoNext / rho * (alpha / omega);
      rho = rhoNext;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * (p[i] - omega * vv[i]);
      }
      double[] y = divide(p, diag);
      vv = apply(probs, y);
      double denominator = dot(rHat, vv);
      if (denominator == 0) {
        return;
      }
      alpha = rho / denominator;
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = r[i] - alpha * vv[i];
      }
      double[] z = divide(s, diag);
      double[] t = apply(probs, z);
      double tt = dot(t, t);
      omega = tt == 0 ? 0 : dot(t, s) / tt;
      for (int i = 0; i < n; i++) {
        x[i] += alpha * y[i] + omega * z[i];
        r[i] = s[i] - omega * t[i];
      }
    }
  }

  private static double[] divide(double[] x, double[] d) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] / d[i];
    }
    return out;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static double l1(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.abs(v);
    }
    return s;
  }
}
