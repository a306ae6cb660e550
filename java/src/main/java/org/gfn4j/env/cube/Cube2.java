package org.gfn4j.env.cube;

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
import org.gfn4j.env.ShortestPaths;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.UniformFirstEdge;

/**
 * What both 2×2×2 cube backends share (semantics: native/include/gfn4j/cube2.h): shapes, the text
 * form of objects, validation, the exit action and the fixed first edge s0 → solved. Shortest
 * paths the symmetric way (Morozov et al., shortest paths): every trajectory starts at the solved
 * cube and may exit at any arrangement, all with R = 1, so a minimum-flow GFlowNet reaches each
 * arrangement x along a shortest path, and that path read backwards solves x.
 */
public abstract class Cube2 extends AbstractEnvironment {
  /** Undo exit (backward action) and the exit action (forward). */
  public static final int EXIT = 6;
  /** The backward action from the solved cube to s0. */
  public static final int RETURN = 7;

  protected final Cube2Config config;
  private final RewardModule builtIn;

  protected Cube2(Cube2Config config, RewardModule reward, RewardModule builtIn) {
    super(reward != null ? reward : builtIn);
    this.config = config;
    this.builtIn = builtIn;
  }

  /** log R = 0 for every arrangement. */
  static RewardModule uniformReward() {
    return (cells, count) -> new double[count];
  }

  public Cube2Config config() {
    return config;
  }

  @Override
  protected final boolean stepComputesReward() {
    return reward() == builtIn;
  }

  @Override
  public EnvSpec spec() {
    return config.toSpec();
  }

  /** U, U', R, R', F, F', exit. */
  @Override
  public int numActions() {
    return 7;
  }

  /** Undo of each move, undo exit, return to s0. */
  @Override
  public int numBackwardActions() {
    return 8;
  }

  /** One-hot (position, corner, twist): 7 × 21. */
  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(CubeGroup.CORNERS * CubeGroup.CORNERS * 3);
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
    return CubeGroup.WIDTH;
  }

  @Override
  public OptionalInt stopAction() {
    return OptionalInt.of(EXIT);
  }

  @Override
  public Optional<ClosedForm> closedForm() {
    return reward() == builtIn
        ? Optional.of(new ClosedForm(BigInteger.valueOf(CubeGroup.STATES), Math.log(CubeGroup.STATES), 1.0))
        : Optional.empty();
  }

  /** s0, the arrangements and their terminal copies. */
  @Override
  public OptionalLong stateCountBound() {
    return OptionalLong.of(2L * CubeGroup.STATES + 1);
  }

  /** The one start state: the solved cube (log PF of the first edge = 0). */
  @Override
  public Optional<FirstEdge> firstEdge() {
    return Optional.of(new UniformFirstEdge(0.0, RETURN, CubeGroup.WIDTH) {
      @Override
      protected void draw(int[] cells, SplittableRandom rng) {
        System.arraycopy(CubeGroup.solved(), 0, cells, 0, CubeGroup.WIDTH);
      }
    });
  }

  @Override
  public Optional<ShortestPaths> shortestPaths() {
    return Optional.of(CubeDistances.get());
  }

  /**
   * Either 14 comma-separated integers p(0..6),o(0..6) (the corner at each position URF, UFL, ULB,
   * UBR, DFR, DLF, DRB and its twist) or a sequence of moves from the solved cube such as "R U F' U2".
   */
  @Override
  public int[] parseObject(String text) {
    int[] cells = text.matches(".*[URF].*") ? CubeGroup.applyMoves(text) : CellText.parse(text, CubeGroup.WIDTH, "value");
    checkObject(cells, 0);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    return CellText.format(cells);
  }

  /** Any arrangement, terminal or not, or (non-terminal) the sentinel s0 of all −1. */
  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != CubeGroup.WIDTH) {
      throw new IllegalArgumentException("expected " + CubeGroup.WIDTH + " values, got " + cells.length);
    }
    if (terminal || !isStart(cells, 0)) {
      checkObject(cells, 0);
    }
    states.set(b, cells, terminal);
  }

  static boolean isStart(int[] cells, int offset) {
    return FirstEdgeSteps.isSentinel(cells, offset, CubeGroup.WIDTH);
  }

  @Override
  protected void checkObject(int[] cells, int offset) {
    String why = CubeGroup.whyInvalid(cells, offset);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }
}
