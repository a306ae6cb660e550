package org.gfn4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tree kernels on both backends: argument checks before any native call, E2W frequencies, deterministic log. */
class MentsTreesTest {
  private static MentsTrees rooted(Backend backend, int capacity) {
    MentsTrees t = new MentsTrees(2, capacity, 3, 1, backend);
    t.setRoots(new int[] {0, 1}, new int[] {10, 20}, new double[] {0, 1, 2, 0, 0, 0}, new byte[] {0, 0, 1, 0, 0, 0});
    return t;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badArgumentsAreRejectedBeforeTheKernel(Backend backend) {
    try (MentsTrees t = rooted(backend, 2)) {
      assertThrows(IllegalArgumentException.class, () -> t.select(new int[] {0, 0}, 0.01, 1, new double[] {0.1, 0.2}));
      assertThrows(IllegalArgumentException.class, () -> t.select(new int[] {0}, 0.01, 1, new double[] {1.0}));
      assertThrows(IllegalArgumentException.class, () -> t.select(new int[] {2}, 0.01, 1, new double[] {0.5}));
      assertThrows(IllegalArgumentException.class, () -> t.select(new int[] {0}, Double.NaN, 1, new double[] {0.5}));
      assertThrows(IllegalArgumentException.class, () -> t.select(new int[] {0}, 0.01, 2, new double[] {0.5}));
      // action 2 is invalid at tree 0's root; -1 only revisits terminal nodes; node 5 does not exist
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {0}, new int[] {2},
          new int[] {11}, new byte[] {0}, new double[] {0}, new double[] {0, 0, 0}, new byte[] {0, 0, 0}));
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {0}, new int[] {-1},
          new int[] {11}, new byte[] {0}, new double[] {0}, new double[] {0, 0, 0}, new byte[] {0, 0, 0}));
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {5}, new int[] {0},
          new int[] {11}, new byte[] {0}, new double[] {0}, new double[] {0, 0, 0}, new byte[] {0, 0, 0}));
      // an inner child needs a valid action and finite Q values
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {0}, new int[] {0},
          new int[] {11}, new byte[] {0}, new double[] {0}, new double[] {0, 0, 0}, new byte[] {1, 1, 1}));
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {0}, new int[] {0},
          new int[] {11}, new byte[] {0}, new double[] {0}, new double[] {Double.NaN, 0, 0}, new byte[] {0, 0, 0}));
      t.expand(new int[] {0}, new int[] {0}, new int[] {0}, new int[] {11}, new byte[] {0}, new double[] {0},
          new double[] {0, 0, 0}, new byte[] {0, 0, 0});
      // the arena of 2 nodes is now full
      assertThrows(IllegalArgumentException.class, () -> t.expand(new int[] {0}, new int[] {0}, new int[] {1},
          new int[] {12}, new byte[] {1}, new double[] {0}, new double[] {0, 0, 0}, new byte[] {1, 1, 1}));
      assertThrows(IllegalArgumentException.class, () -> t.advance(new int[] {0}, new int[] {3}));
      assertEquals(2, t.size(0));
    }
    assertThrows(IllegalArgumentException.class, () -> new MentsTrees(0, 4, 3, 1, backend));
  }

  @Test
  void settingsRejectBadValues() {
    assertThrows(IllegalArgumentException.class, () -> MctsSettings.Mode.parse("mcts_sometimes"));
    assertThrows(IllegalArgumentException.class, () -> new MctsSettings(MctsSettings.Mode.ALL, 0, 0.01));
    assertThrows(IllegalArgumentException.class, () -> new MctsSettings(MctsSettings.Mode.ALL, 4, -1));
    assertThrows(IllegalArgumentException.class, () -> new MctsSettings(MctsSettings.Mode.ALL, 4, Double.POSITIVE_INFINITY));
    assertEquals(MctsSettings.Mode.INFERENCE, MctsSettings.Mode.parse("MCTS_INFERENCE"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void e2wDrawsFollowTheMixtureOfSoftmaxAndUniform(Backend backend) {
    double eps = 0.2;
    double[] q = {0.5, -1.0, 2.0};
    try (MentsTrees t = new MentsTrees(1, 1, 3, 1, backend)) {
      t.setRoots(new int[] {0}, new int[] {0}, q, new byte[3]);
      int draws = 20_000;
      double[] u = new double[draws];
      SplittableRandom rng = new SplittableRandom(4);
      int[] counts = new int[3];
      for (int i = 0; i < draws; i++) {
        int a = t.select(new int[] {0}, eps, 1, new double[] {rng.nextDouble()}).actions()[0];
        counts[a]++;
      }
      double lambda = eps * 3 / Math.log(2); // a fresh root: N = 1
      double z = Math.exp(0.5) + Math.exp(-1.0) + Math.exp(2.0);
      for (int a = 0; a < 3; a++) {
        double p = (1 - lambda) * Math.exp(q[a]) / z + lambda / 3;
        assertEquals(p, counts[a] / (double) draws, 4 * Math.sqrt(p * (1 - p) / draws));
      }
    }
  }

  @Test
  void deterministicLogIsCloseToMathLog() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      double x = Math.exp(rng.nextDouble(-700, 700));
      double err = Math.abs(DetLog.log(x) - Math.log(x));
      assertTrue(err <= 4 * Math.ulp(Math.log(x)) + 1e-300, x + ": " + DetLog.log(x) + " vs " + Math.log(x));
    }
    assertEquals(Double.NEGATIVE_INFINITY, DetLog.log(0.0));
    assertTrue(Double.isNaN(DetLog.log(-1.0)));
    assertEquals(Math.log(Double.MIN_VALUE), DetLog.log(Double.MIN_VALUE), 1e-12);
  }
}
