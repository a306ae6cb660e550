package org.gfn4j.env.dag;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.tensor.IntTensor;

/**
 * What both DAG backends share: shapes (cells = adjacency then closure_T, see gfn4j/dag.h), the
 * text form of objects (d·d characters 0/1, row-major, (i, j) = edge i → j), state validation,
 * the score-based reward, MDB's delta score (the change of the one local score an added edge
 * touches), and the edge, path and Markov-blanket marginals of a distribution.
 */
public abstract class Dag extends AbstractEnvironment {
  protected final DagConfig config;
  protected final int d;
  protected final CachedScore score;

  protected Dag(DagConfig config, CachedScore score, RewardModule reward) {
    super(reward != null ? reward : scoreReward(score, config.nodes()));
    this.config = config;
    this.d = config.nodes();
    this.score = score;
  }

  /** log R(G) = Σ_j local(j, Pa(j)) with a uniform graph prior. */
  static RewardModule scoreReward(CachedScore score, int d) {
    int width = 2 * d * d;
    return (cells, count) -> {
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = score.graphScore(cells, i * width, d);
      }
      return out;
    };
  }

  public DagConfig config() {
    return config;
  }

  /** The (cached) local score the reward sums. */
  public LocalScore localScore() {
    return score;
  }

  @Override
  public EnvSpec spec() {
    return config.toSpec();
  }

  @Override
  public int numActions() {
    return d * d + 1;
  }

  @Override
  public int numBackwardActions() {
    return d * d + 1;
  }

  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(2 * d * d);
  }

  @Override
  public int maxSteps() {
    return d * (d - 1) / 2 + 1;
  }

  @Override
  public int stateWidth() {
    return 2 * d * d;
  }

  @Override
  public OptionalInt stopAction() {
    return OptionalInt.of(d * d);
  }

  /** Every DAG is a non-terminal state and, after stop, a terminal object. */
  @Override
  public OptionalLong stateCountBound() {
    BigInteger n = Closure.countDags(d).shiftLeft(1);
    return OptionalLong.of(n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE);
  }

  /**
   * Δ(s→s′) = local(j, Pa(j) ∪ {i}) − local(j, Pa(j)) for the edge i → j added by the step (gfnx
   * delta_score with a uniform prior); 0 for stop and padding steps.
   */
  @Override
  public Optional<DeltaScore> deltaScore() {
    return Optional.of((from, to, out) -> {
      int n = from.batchSize();
      int w = stateWidth();
      int[] a = from.cells().toArray();
      int[] b = to.cells().toArray();
      for (int r = 0; r < n; r++) {
        double delta = 0;
        if (!to.isPad(r) && !to.isTerminal(r)) {
          for (int k = 0; k < d * d; k++) {
            if (a[r * w + k] == 0 && b[r * w + k] != 0) {
              int i = k / d;
              int j = k % d;
              long pa = CachedScore.parents(a, r * w, d, j);
              delta = score.local(j, pa | (1L << i)) - score.local(j, pa);
              break;
            }
          }
        }
        out.set(r, (float) delta);
      }
    });
  }

  /** Edge, path and Markov-blanket marginals (d×d) of a terminal distribution. */
  @Override
  public Map<String, double[][]> summaries(StateSpace space, double[] distribution) {
    return Marginals.of(space, distribution, d);
  }

  @Override
  public int[] parseObject(String text) {
    String t = text.trim();
    if (t.length() != d * d) {
      throw new IllegalArgumentException("expected " + d * d + " characters 0/1 (a " + d + "x" + d
          + " adjacency, row-major), got " + t.length());
    }
    int[] cells = new int[2 * d * d];
    for (int k = 0; k < d * d; k++) {
      char c = t.charAt(k);
      if (c != '0' && c != '1') {
        throw new IllegalArgumentException("character " + (k + 1) + " is '" + c + "', expected 0 or 1");
      }
      cells[k] = c - '0';
    }
    if (Closure.cyclic(cells, 0, d)) {
      throw new IllegalArgumentException("the graph has a directed cycle (or a self-loop)");
    }
    Closure.writeTransposedClosure(cells, 0, d, cells, d * d);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    StringBuilder sb = new StringBuilder(d * d);
    for (int k = 0; k < d * d; k++) {
      sb.append(cells[k] != 0 ? '1' : '0');
    }
    return sb.toString();
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != stateWidth()) {
      throw new IllegalArgumentException("expected " + stateWidth() + " cells, got " + cells.length);
    }
    checkObject(cells, 0);
    states.set(b, cells, terminal);
  }

  /** A 0/1 acyclic adjacency followed by its transposed closure. */
  @Override
  protected void checkObject(int[] cells, int offset) {
    for (int k = 0; k < 2 * d * d; k++) {
      int v = cells[offset + k];
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("cell " + k + " = " + v + " is not 0 or 1");
      }
    }
    if (Closure.cyclic(cells, offset, d)) {
      throw new IllegalArgumentException("the graph has a directed cycle (or a self-loop)");
    }
    int[] closure = new int[d * d];
    Closure.writeTransposedClosure(cells, offset, d, closure, 0);
    for (int k = 0; k < d * d; k++) {
      if (closure[k] != cells[offset + d * d + k]) {
        throw new IllegalArgumentException("the closure cells do not match the adjacency");
      }
    }
  }

  /** Backward action ids equal the forward ones (gfnx). */
  @Override
  protected final void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    out.copyFrom(actions);
  }

  /** Undoing the stop is action d² both ways; removing edge k redoes adding edge k. */
  @Override
  protected final void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    out.copyFrom(backwardActions);
  }
}
