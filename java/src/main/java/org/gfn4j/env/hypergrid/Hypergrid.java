package org.gfn4j.env.hypergrid;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.CellText;
import org.gfn4j.env.ClosedForm;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.DistributionPlot;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.io.Plots;

/**
 * What both hypergrid backends share: shapes, the text form of objects ("3,0,19,7"), state
 * validation, the closed-form log Z, the stop action, delta scores (the reward is defined on
 * every cell, so Δ = log R(s′) − log R(s)) and the learned-versus-target heat map.
 */
public abstract class Hypergrid extends AbstractEnvironment {
  protected final HypergridConfig config;
  protected final int dim;
  protected final int side;
  /** log R at reward levels 0, 1, 2, computed once in Java and handed to every backend. */
  protected final double[] levelLogR;
  /** The built-in reward, which the step kernels compute themselves while it is in use. */
  private final RewardModule builtIn;

  /** {@code reward} null means the built-in closed form {@code builtIn}. */
  protected Hypergrid(HypergridConfig config, RewardModule reward, RewardModule builtIn) {
    super(reward != null ? reward : builtIn);
    this.config = config;
    this.dim = config.dim();
    this.side = config.side();
    this.levelLogR = config.levelLogRewards();
    this.builtIn = builtIn;
  }

  public HypergridConfig config() {
    return config;
  }

  @Override
  protected final boolean stepComputesReward() {
    return reward() == builtIn;
  }

  /** True while the reward is the built-in one, which native loops may compute with the step kernel. */
  public final boolean rewardIsBuiltIn() {
    return stepComputesReward();
  }

  @Override
  public EnvSpec spec() {
    return config.toSpec();
  }

  @Override
  public int numActions() {
    return dim + 1;
  }

  @Override
  public int numBackwardActions() {
    return dim;
  }

  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(dim * side);
  }

  @Override
  public int maxSteps() {
    return dim * side;
  }

  @Override
  public int stateWidth() {
    return dim;
  }

  @Override
  public OptionalInt stopAction() {
    return OptionalInt.of(dim);
  }

  @Override
  public Optional<ClosedForm> closedForm() {
    return reward() == builtIn
        ? Optional.of(new ClosedForm(config.terminalCount(), config.logZ(), config.meanReward()))
        : Optional.empty();
  }

  /** Every cell is a non-terminal state and, after stop, a terminal object. */
  @Override
  public OptionalLong stateCountBound() {
    BigInteger n = config.terminalCount().shiftLeft(1);
    return OptionalLong.of(n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE);
  }

  /** Δ(s→s′) = log R(s′) − log R(s); the stop step keeps the coordinates, so its Δ is 0. */
  @Override
  public Optional<DeltaScore> deltaScore() {
    return Optional.of((from, to, out) -> {
      int n = from.batchSize();
      double[] before = reward().logRewards(from.cells().toArray(), n);
      double[] after = reward().logRewards(to.cells().toArray(), n);
      for (int b = 0; b < n; b++) {
        out.set(b, (float) (after[b] - before[b]));
      }
    });
  }

  /** The learned and target distributions side by side (2-D marginal of the first two coordinates). */
  @Override
  public List<DistributionPlot> plots() {
    if (dim < 2) {
      return List.of();
    }
    return List.of(new DistributionPlot() {
      @Override
      public String fileName() {
        return "heatmap.png";
      }

      @Override
      public void write(java.nio.file.Path file, StateSpace space, double[] learned, double[] target) {
        Map<String, double[][]> maps = new LinkedHashMap<>();
        String what = dim == 2 ? "" : ", marginal 0,1";
        maps.put("learned P(x)" + what, Marginals.leadingTwo(learned, dim, side));
        maps.put("target R(x)/Z" + what, Marginals.leadingTwo(target, dim, side));
        Plots.heatMaps(file, "coordinate 0", "coordinate 1", maps);
      }
    });
  }

  @Override
  public int[] parseObject(String text) {
    int[] cells = CellText.parse(text, dim, "coordinate");
    checkObject(cells, 0);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    return CellText.format(cells);
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != dim) {
      throw new IllegalArgumentException("expected " + dim + " coordinates, got " + cells.length);
    }
    checkObject(cells, 0);
    states.set(b, cells, terminal);
  }

  /** Throws IllegalArgumentException unless {@code cells[offset..]} are D coordinates in [0, H-1]. */
  @Override
  protected void checkObject(int[] cells, int offset) {
    for (int d = 0; d < dim; d++) {
      int v = cells[offset + d];
      if (v < 0 || v >= side) {
        throw new IllegalArgumentException("coordinate " + d + " = " + v + " is outside [0, " + (side - 1) + "]");
      }
    }
  }
}
