package org.gfn4j.env.hypergrid;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdgeDraws;
import org.gfn4j.env.StateSpace;
import org.junit.jupiter.api.Test;

/**
 * The corner source of the ±1 hypergrid: its log PF is a normalised law tilted toward the origin,
 * its draws follow that law, the spec keeps it, a zero tilt is the uniform edge, and bad values
 * are refused.
 */
class CornerFirstEdgeTest {
  private static final String SPEC = "hypergrid:dim=2,side=5,moves=pm,source=corner:0.8";

  @Test
  void logPFIsANormalisedLawTiltedToTheOriginThatTheDrawsFollow() {
    double[] law = FirstEdgeDraws.check(SPEC, 200_000);
    StateSpace space = StateSpace.enumerate(Environments.create(SPEC));
    assertEquals(Math.exp(0.8 * 3), law[space.stateIndex(new int[] {0, 0})] / law[space.stateIndex(new int[] {3, 0})],
        1e-9, "L(0,0)/L(3,0) = e^{3β}");
    assertEquals(Double.NEGATIVE_INFINITY,
        Environments.create(SPEC).firstEdge().orElseThrow().logPF(new int[] {5, 0}));
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
