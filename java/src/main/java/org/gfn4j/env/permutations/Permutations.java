package org.gfn4j.env.permutations;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.CellText;
import org.gfn4j.env.ClosedForm;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.FirstEdgeSteps;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.UniformFirstEdge;

/**
 * What both permutation backends share (semantics: native/include/gfn4j/permutations.h): shapes,
 * the text form of objects ("2,0,1", σ(0..n−1), 0-based), validation, the closed form of log Z,
 * the exit action, and the fixed first edge s0 → σ uniform over S_n with PF = 1/n! (or, with
 * {@code source=fixed:β}, L(σ) ∝ exp(β·#fixed points)). The state
 * graph has cycles (every move can be undone by moves), so trajectories may hit the step cap.
 */
public abstract class Permutations extends AbstractEnvironment {
  protected final PermutationsConfig config;
  protected final int n;
  private final RewardModule builtIn;
  /** β of the fixed-point source, 0 for the uniform first edge. */
  protected final double sourceTilt;

  protected Permutations(PermutationsConfig config, RewardModule reward, RewardModule builtIn, double sourceTilt) {
    super(reward != null ? reward : builtIn);
    this.config = config;
    this.n = config.n();
    this.builtIn = builtIn;
    if (sourceTilt != 0) {
      new FixedPointFirstEdge(n, sourceTilt, 0); // validates the tilt
    }
    this.sourceTilt = sourceTilt;
  }

  public PermutationsConfig config() {
    return config;
  }

  @Override
  protected final boolean stepComputesReward() {
    return reward() == builtIn;
  }

  @Override
  public EnvSpec spec() {
    if (sourceTilt == 0) {
      return config.toSpec();
    }
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>(config.toSpec().params());
    p.put("source", "fixed:" + sourceTilt);
    return EnvSpec.of("permutations", p);
  }

  /** n−1 adjacent transpositions, the cyclic shift, exit. */
  @Override
  public int numActions() {
    return n + 1;
  }

  /** Undo of each move, undo exit, return to s0. */
  @Override
  public int numBackwardActions() {
    return n + 2;
  }

  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(n * n);
  }

  @Override
  public int maxSteps() {
    return config.maxSteps();
  }

  @Override
  public boolean alwaysTerminates() {
    return false;
  }

  @Override
  public int stateWidth() {
    return n;
  }

  @Override
  public OptionalInt stopAction() {
    return OptionalInt.of(n);
  }

  @Override
  public Optional<ClosedForm> closedForm() {
    return reward() == builtIn
        ? Optional.of(new ClosedForm(BigInteger.valueOf(config.factorial()), config.logZ(), config.meanReward()))
        : Optional.empty();
  }

  /** s0, the n! permutations and their n! terminal copies. */
  @Override
  public OptionalLong stateCountBound() {
    return OptionalLong.of(2 * config.factorial() + 1);
  }

  @Override
  public Optional<FirstEdge> firstEdge() {
    if (sourceTilt != 0) {
      return Optional.of(new FixedPointFirstEdge(n, sourceTilt, n + 1));
    }
    return Optional.of(new UniformFirstEdge(logFactorial(n), n + 1, n) {
      @Override
      protected void draw(int[] perm, SplittableRandom rng) {
        for (int i = 0; i < n; i++) { // Fisher–Yates, inside-out: every permutation has probability 1/n!
          int j = rng.nextInt(i + 1);
          perm[i] = perm[j];
          perm[j] = i;
        }
      }
    });
  }

  /** BFS distances on S_n for n ≤ 10 (larger groups are not searched). */
  @Override
  public Optional<org.gfn4j.env.ShortestPaths> shortestPaths() {
    return n <= PermutationDistances.MAX_N ? Optional.of(PermutationDistances.of(n)) : Optional.empty();
  }

  /**
   * {@code fixed_point_l1}: Σ_k |P̂(k) − P(k)| between the law of the number of fixed points under
   * the learned distribution and the target law D(n, k)·e^{k/t}/Z.
   */
  @Override
  public java.util.Map<String, Double> exactMetrics(org.gfn4j.env.StateSpace space, double[] learned) {
    if (reward() != builtIn) {
      return java.util.Map.of();
    }
    double[] law = new double[n + 1];
    int[] cells = space.terminalCells();
    for (int i = 0; i < learned.length; i++) {
      law[JavaPermutations.fixedPoints(cells, i * n, n)] += learned[i];
    }
    double[] target = config.fixedPointLaw();
    double l1 = 0;
    for (int k = 0; k <= n; k++) {
      l1 += Math.abs(law[k] - target[k]);
    }
    return java.util.Map.of("fixed_point_l1", l1);
  }

  static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  @Override
  public int[] parseObject(String text) {
    int[] cells = CellText.parse(text, n, "value");
    checkObject(cells, 0);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    return CellText.format(cells);
  }

  /** Any permutation, terminal or not, or (non-terminal) the sentinel s0 of all −1. */
  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != n) {
      throw new IllegalArgumentException("expected " + n + " values, got " + cells.length);
    }
    if (terminal || !isStart(cells, 0, n)) {
      checkObject(cells, 0);
    }
    states.set(b, cells, terminal);
  }

  static boolean isStart(int[] cells, int offset, int n) {
    return FirstEdgeSteps.isSentinel(cells, offset, n);
  }

  /** Throws IllegalArgumentException unless {@code cells[offset..]} is a permutation of 0..n−1. */
  @Override
  protected void checkObject(int[] cells, int offset) {
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      int v = cells[offset + i];
      if (v < 0 || v >= n) {
        throw new IllegalArgumentException("value " + i + " = " + v + " is outside [0, " + (n - 1) + "]");
      }
      if (seen[v]) {
        throw new IllegalArgumentException("value " + v + " appears twice: not a permutation");
      }
      seen[v] = true;
    }
  }
}
