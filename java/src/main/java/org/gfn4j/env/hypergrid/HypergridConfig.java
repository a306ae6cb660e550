package org.gfn4j.env.hypergrid;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvSpec;

/**
 * Parameters and closed-form facts of a hypergrid (gfnx {@code HyperGrid-{H}**{D}-v0}): D
 * coordinates in [0, H-1] and the reward
 * {@code R = max(1e-6, R0 + R1·Π[a_d > 0.25] + R2·Π[0.3 < a_d < 0.4])}, {@code a_d = |s_d/(H-1) - 0.5|}.
 * The coordinate classification uses float32 arithmetic, as gfnx does.
 */
public record HypergridConfig(int dim, int side, double r0, double r1, double r2, String rewardName) {
  public static final int DEFAULT_DIM = 4;
  public static final int DEFAULT_SIDE = 20;
  public static final int MAX_DIM = 1024;
  public static final int MAX_SIDE = 1 << 20;
  /** Largest observation width D·H. */
  public static final int MAX_OBSERVATION = 1 << 22;
  public static final double MIN_REWARD = 1e-6;
  public static final Set<String> KEYS = Set.of("dim", "side", "reward", "r0", "r1", "r2", "moves", "source");

  public HypergridConfig {
    if (dim < 1 || dim > MAX_DIM) {
      throw new IllegalArgumentException("'dim' must be in [1, " + MAX_DIM + "], got " + dim);
    }
    if (side < 2 || side > MAX_SIDE) {
      throw new IllegalArgumentException("'side' must be in [2, " + MAX_SIDE + "], got " + side);
    }
    if ((long) dim * side > MAX_OBSERVATION) {
      throw new IllegalArgumentException("dim*side must be at most " + MAX_OBSERVATION + ", got " + (long) dim * side);
    }
    for (double r : new double[] {r0, r1, r2}) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("reward constants must be finite");
      }
    }
  }

  /** Reads dim, side and reward=easy|hard or custom r0/r1/r2 (which override a preset). */
  public static HypergridConfig fromSpec(EnvSpec spec) {
    spec.requireKeys(KEYS);
    plusMinusMoves(spec);
    int dim = spec.getInt("dim", DEFAULT_DIM, 1, MAX_DIM);
    int side = spec.getInt("side", DEFAULT_SIDE, 2, MAX_SIDE);
    String preset = spec.getString("reward", spec.has("r0") || spec.has("r1") || spec.has("r2") ? "custom" : "easy");
    double[] r;
    switch (preset) {
      case "easy":
        r = new double[] {1e-3, 0.5, 2.0};
        break;
      case "hard":
        r = new double[] {1e-4, 1.0, 3.0};
        break;
      case "custom":
        r = new double[] {1e-3, 0.5, 2.0};
        break;
      default:
        throw new IllegalArgumentException("'reward' must be easy, hard or custom, got '" + preset + "'");
    }
    double r0 = spec.getDouble("r0", r[0]);
    double r1 = spec.getDouble("r1", r[1]);
    double r2 = spec.getDouble("r2", r[2]);
    boolean overridden = spec.has("r0") || spec.has("r1") || spec.has("r2");
    return new HypergridConfig(dim, side, r0, r1, r2, overridden ? "custom" : preset);
  }

  /**
   * Whether the spec asks for the non-acyclic grid ({@code moves=pm}: ±1 on each coordinate,
   * exit anywhere) rather than gfnx's increments ({@code moves=inc}, the default).
   */
  public static boolean plusMinusMoves(EnvSpec spec) {
    String moves = spec.getString("moves", "inc");
    if (!moves.equals("inc") && !moves.equals("pm")) {
      throw new IllegalArgumentException("'moves' must be inc or pm, got '" + moves + "'");
    }
    return moves.equals("pm");
  }

  /** The canonical spec: presets by name, custom rewards by value. */
  public EnvSpec toSpec() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dim", Integer.toString(dim));
    p.put("side", Integer.toString(side));
    if (rewardName.equals("custom")) {
      p.put("r0", Double.toString(r0));
      p.put("r1", Double.toString(r1));
      p.put("r2", Double.toString(r2));
    } else {
      p.put("reward", rewardName);
    }
    return EnvSpec.of("hypergrid", p);
  }

  /** |s/(H-1) - 0.5| in float32, as gfnx computes it. */
  private float distanceFromCentre(int s) {
    return Math.abs((float) s / (float) (side - 1) - 0.5f);
  }

  /** Coordinate value s lies in the R1 ring. */
  public boolean inRing(int s) {
    return distanceFromCentre(s) > 0.25f;
  }

  /** Coordinate value s lies in the R2 band (a subset of the ring). */
  public boolean inBand(int s) {
    float a = distanceFromCentre(s);
    return a > 0.3f && a < 0.4f;
  }

  /** log R of the three reward levels: 0 outside the ring, 1 ring only, 2 band. */
  public double[] levelLogRewards() {
    return new double[] {
      Math.log(Math.max(MIN_REWARD, r0)),
      Math.log(Math.max(MIN_REWARD, r0 + r1)),
      Math.log(Math.max(MIN_REWARD, r0 + r1 + r2))
    };
  }

  /** Reward level of a state (see {@link #levelLogRewards()}). */
  public int level(int[] coords) {
    boolean ring = true;
    boolean band = true;
    for (int c : coords) {
      ring &= inRing(c);
      band &= inBand(c);
    }
    return band ? 2 : (ring ? 1 : 0);
  }

  public BigInteger terminalCount() {
    return BigInteger.valueOf(side).pow(dim);
  }

  /** log of the number of terminal states at each reward level (-inf for none). */
  double[] logLevelCounts() {
    int ring = 0;
    int band = 0;
    for (int s = 0; s < side; s++) {
      ring += inRing(s) ? 1 : 0;
      band += inBand(s) ? 1 : 0;
    }
    double logAll = dim * Math.log(side);
    double logRing = ring == 0 ? Double.NEGATIVE_INFINITY : dim * Math.log(ring);
    double logBand = band == 0 ? Double.NEGATIVE_INFINITY : dim * Math.log(band);
    return new double[] {logDiff(logAll, logRing), logDiff(logRing, logBand), logBand};
  }

  /** log(e^a - e^b) for a >= b. */
  private static double logDiff(double a, double b) {
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    if (a == b) {
      return Double.NEGATIVE_INFINITY;
    }
    return a + Math.log1p(-Math.exp(b - a));
  }

  /** log Z in closed form: Σ over levels of count·R. */
  public double logZ() {
    double[] logCount = logLevelCounts();
    double[] logR = levelLogRewards();
    return logSumExp(logCount[0] + logR[0], logCount[1] + logR[1], logCount[2] + logR[2]);
  }

  /** Σ R² / Σ R in closed form. */
  public double meanReward() {
    double[] logCount = logLevelCounts();
    double[] logR = levelLogRewards();
    double logR2 = logSumExp(
        logCount[0] + 2 * logR[0], logCount[1] + 2 * logR[1], logCount[2] + 2 * logR[2]);
    return Math.exp(logR2 - logZ());
  }

  static double logSumExp(double... xs) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      max = Math.max(max, x);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double x : xs) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }
}
