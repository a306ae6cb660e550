package org.gfn4j.env.cube;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** Group facts of the 2×2×2 cube in the quarter-turn metric, and its exact BFS distances. */
class CubeGroupTest {
  /** The known QTM distance distribution of the 2×2×2 cube (one corner fixed), God's number 14. */
  private static final long[] QTM = {1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852,
      782536, 90280, 276};

  private static int[] randomState(SplittableRandom rng) {
    return CubeGroup.state(rng.nextInt(CubeGroup.STATES));
  }

  @Test
  void eachMoveHasOrderFourAndItsInverseUndoesIt() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int[] x = randomState(rng);
      for (int m = 0; m < CubeGroup.MOVES; m++) {
        int[] y = x;
        for (int k = 1; k <= 4; k++) {
          y = CubeGroup.move(y, 0, m);
          assertEquals(k == 4, Arrays.equals(x, y), "move " + CubeGroup.MOVE_NAMES[m] + " applied " + k + " times");
        }
        assertArrayEquals(x, CubeGroup.unmove(CubeGroup.move(x, 0, m), 0, m));
        assertArrayEquals(x, CubeGroup.move(CubeGroup.move(x, 0, m), 0, m ^ 1), "primed move is the inverse");
        assertNull(CubeGroup.whyInvalid(CubeGroup.move(x, 0, m), 0));
      }
    }
    assertArrayEquals(CubeGroup.solved(), CubeGroup.applyMoves("R R'"));
    assertFalse(Arrays.equals(CubeGroup.applyMoves("R U"), CubeGroup.applyMoves("U R")), "R and U do not commute");
  }

  @Test
  void denseIndexIsABijectionWithCompositionAndInverse() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 2000; trial++) {
      int index = rng.nextInt(CubeGroup.STATES);
      int[] x = CubeGroup.state(index);
      assertNull(CubeGroup.whyInvalid(x, 0));
      assertEquals(index, CubeGroup.index(x, 0));
      int[] y = randomState(rng);
      assertArrayEquals(CubeGroup.solved(), CubeGroup.compose(x, CubeGroup.inverse(x)));
      int m = rng.nextInt(CubeGroup.MOVES);
      int[] moveAsState = CubeGroup.move(CubeGroup.solved(), 0, m);
      assertArrayEquals(CubeGroup.move(x, 0, m), CubeGroup.compose(x, moveAsState), "a move is right multiplication");
      assertArrayEquals(CubeGroup.compose(CubeGroup.compose(x, y), moveAsState),
          CubeGroup.compose(x, CubeGroup.compose(y, moveAsState)), "associativity");
    }
  }

  @Test
  void breadthFirstSearchGivesTheKnownQuarterTurnDistribution() {
    CubeDistances d = CubeDistances.get();
    assertArrayEquals(QTM, d.histogram());
    assertEquals(CubeGroup.STATES, Arrays.stream(d.histogram()).sum());
    assertEquals(14, d.histogram().length - 1, "God's number in QTM");
  }

  @Test
  void distancesAreSymmetricAndChangeByOnePerMove() {
    CubeDistances d = CubeDistances.get();
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 500; trial++) {
      int[] u = randomState(rng);
      int[] x = randomState(rng);
      assertEquals(d.distance(u, x), d.distance(x, u));
      int[] y = CubeGroup.move(x, 0, rng.nextInt(CubeGroup.MOVES));
      assertEquals(1, Math.abs(d.distance(u, x) - d.distance(u, y)), "neighbours differ by one move");
      assertEquals(0, d.distance(x, x));
    }
    assertEquals(2, d.distance(CubeGroup.solved(), CubeGroup.applyMoves("R U")));
    assertEquals(2, d.distance(CubeGroup.solved(), CubeGroup.applyMoves("R2")));
  }

  @Test
  void objectTextIsCellsOrMovesAndBadTextIsRejected() {
    Environment env = Environments.create("cube2", Backend.JAVA);
    assertEquals("cube2:max_steps=64", env.spec().toString());
    int[] ru = env.parseObject("R U");
    assertArrayEquals(CubeGroup.move(CubeGroup.move(CubeGroup.solved(), 0, 2), 0, 0), ru);
    assertArrayEquals(ru, env.parseObject(env.formatObject(ru)));
    assertArrayEquals(CubeGroup.solved(), env.parseObject("0,1,2,3,4,5,6,0,0,0,0,0,0,0"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("0,1,2,3,4,5,6,1,0,0,0,0,0,0"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("0,0,2,3,4,5,6,0,0,0,0,0,0,0"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("R X"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("1,2,3"));
    assertThrows(IllegalArgumentException.class, () -> Environments.create("cube2:max_steps=1"));
    assertThrows(IllegalArgumentException.class, () -> Environments.create("cube2:n=3"));
    assertEquals(0.0, -env.firstEdge().orElseThrow().logPF(), 0.0);
    assertEquals(Math.log(3674160), env.closedForm().orElseThrow().logZ(), 1e-12);
  }
}
