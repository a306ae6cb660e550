package org.gfn4j.env.hypergrid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.gfn4j.env.DeltaScore;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.FirstEdgeSteps;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.UniformFirstEdge;

/**
 * The non-acyclic hypergrid {@code moves=pm} shared by both backends (semantics:
 * native/include/gfn4j/cyclic_hypergrid.h): ±1 on each coordinate and exit anywhere, same rewards
 * as the hypergrid, a sentinel s0 (all −1) and the fixed first edge s0 → s uniform over the H^D
 * cells (PF = 1/H^D; or, with {@code source=corner:β}, L(x) ∝ exp(−β·Σ_d x_d)) with a learned
 * return-to-s0 backward action.
 */
public abstract class CyclicHypergrid extends Hypergrid {
  /** β of the corner source, 0 for the uniform first edge. */
  protected final double sourceTilt;

  protected CyclicHypergrid(HypergridConfig config, RewardModule reward, RewardModule builtIn, double sourceTilt) {
    super(config, reward, builtIn);
    if (sourceTilt != 0) {
      new CornerFirstEdge(config.dim(), config.side(), sourceTilt, 0); // validates the tilt
    }
    this.sourceTilt = sourceTilt;
  }

  @Override
  public EnvSpec spec() {
    Map<String, String> p = new LinkedHashMap<>(config.toSpec().params());
    p.put("moves", "pm");
    if (sourceTilt != 0) {
      p.put("source", "corner:" + sourceTilt);
    }
    return EnvSpec.of("hypergrid", p);
  }

  /** −1 on each coordinate, +1 on each coordinate, exit. */
  @Override
  public int numActions() {
    return 2 * dim + 1;
  }

  /** Undo of each move, undo exit, return to s0. */
  @Override
  public int numBackwardActions() {
    return 2 * dim + 2;
  }

  /** 4·D·H: a uniform policy exits with probability ≥ 1/(2D+1) per step, so the cap rarely binds. */
  @Override
  public int maxSteps() {
    return 4 * dim * side;
  }

  @Override
  public boolean alwaysTerminates() {
    return false;
  }

  @Override
  public OptionalInt stopAction() {
    return OptionalInt.of(2 * dim);
  }

  @Override
  public OptionalLong stateCountBound() {
    OptionalLong cells = super.stateCountBound();
    return cells.getAsLong() == Long.MAX_VALUE ? cells : OptionalLong.of(cells.getAsLong() + 1);
  }

  /** The forward-looking objectives are not defined here (s0 has no reward). */
  @Override
  public Optional<DeltaScore> deltaScore() {
    return Optional.empty();
  }

  @Override
  public Optional<FirstEdge> firstEdge() {
    if (sourceTilt != 0) {
      return Optional.of(new CornerFirstEdge(dim, side, sourceTilt, 2 * dim + 1));
    }
    return Optional.of(new UniformFirstEdge(dim * Math.log(side), 2 * dim + 1, dim) {
      @Override
      protected void draw(int[] cells, SplittableRandom rng) {
        for (int d = 0; d < dim; d++) {
          cells[d] = rng.nextInt(side);
        }
      }
    });
  }

  static boolean isStart(int[] cells) {
    return FirstEdgeSteps.isSentinel(cells);
  }

  /** Any cell, terminal or not, or (non-terminal) the sentinel s0 of all −1. */
  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length == dim && !terminal && isStart(cells)) {
      states.set(b, cells, false);
      return;
    }
    super.setState(states, b, cells, terminal);
  }
}
