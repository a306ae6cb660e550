package org.gfn4j.env.hypergrid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * The corner source of the ±1 hypergrid: its log PF is a normalised law tilted toward the origin,
 * its draws follow that law, the spec keeps it, a zero tilt is the uniform edge, and bad values
 * are refused.
 */
class CornerFirstEdgeTest {
  private static final String SPEC = "hypergrid:dim=2,side=5,moves=pm,source=corner:0.8";

  @Test
  void logPFIsANormalisedLawThatTheDrawsFollow() {
    for (Backend backend : new Backend[] {Backend.NATIVE, Backend.JAVA}) {
      Environment env = Environments.create(SPEC, backend);
      FirstEdge edge = env.firstEdge().orElseThrow();
      assertFalse(edge.uniform());
      double[] law = new double[25];
      double total = 0;
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          law[x + 5 * y] = Math.exp(edge.logPF(new int[] {x, y}));
          total += law[x + 5 * y];
        }
      }
      assertEquals(1.0, total, 1e-12);
      assertEquals(Math.exp(0.8 * 3), law[0] / law[3 + 5 * 0], 1e-9, "L(0,0)/L(3,0) = e^{3β}");
      assertEquals(Double.NEGATIVE_INFINITY, edge.logPF(new int[] {5, 0}));
      int n = 200_000;
      double[] counts = new double[25];
      try (StateBatch batch = env.newBatch(n)) {
        edge.sample(batch, new SplittableRandom(3));
        int[] cells = new int[2];
        for (int b = 0; b < n; b++) {
          batch.cells(b, cells);
          counts[cells[0] + 5 * cells[1]] += 1.0 / n;
        }
      }
      for (int i = 0; i < 25; i++) {
        assertEquals(law[i], counts[i], 5 * Math.sqrt(law[i] / n) + 1e-9, "cell " + i);
      }
    }
  }

  @Test
  void theSpecKeepsTheSourceAndAZeroTiltIsUniform() {
    Environment env = Environments.create(SPEC);
    assertTrue(env.spec().toString().contains("source=corner:0.8"), env.spec().toString());
    assertEquals(env.spec().toString(), Environments.create(env.spec().toString()).spec().toString());
    Environment flat = Environments.create("hypergrid:dim=2,side=5,moves=pm,source=corner:0");
    assertTrue(flat.firstEdge().orElseThrow().uniform());
    assertEquals(Environments.create("hypergrid:dim=2,side=5,moves=pm").spec().toString(), flat.spec().toString());
    assertEquals(-2 * Math.log(5), flat.firstEdge().orElseThrow().logPF(new int[] {1, 2}), 1e-12);
  }

  @Test
  void badSourcesAreRefused() {
    for (String bad : new String[] {"corner:x", "corner:", "corner:1e9", "corner:NaN", "gauss", "uniform:1"}) {
      assertThrows(IllegalArgumentException.class,
          () -> Environments.create("hypergrid:dim=2,side=5,moves=pm,source=" + bad), bad);
    }
    assertThrows(IllegalArgumentException.class,
        () -> Environments.create("hypergrid:dim=2,side=5,source=corner:1"), "increments start at the origin");
  }
}
