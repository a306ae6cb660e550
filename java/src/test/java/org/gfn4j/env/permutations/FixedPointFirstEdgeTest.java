package org.gfn4j.env.permutations;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdgeDraws;
import org.gfn4j.env.StateSpace;
import org.junit.jupiter.api.Test;

/**
 * The fixed-point source of S_n: log PF is a normalised law tilted by the number of fixed points,
 * its draws follow it permutation by permutation, the spec keeps it and bad values are refused.
 */
class FixedPointFirstEdgeTest {
  private static final String SPEC = "permutations:n=4,source=fixed:1.2";

  @Test
  void logPFIsANormalisedLawTiltedByFixedPointsThatTheDrawsFollow() {
    double[] law = FirstEdgeDraws.check(SPEC, 240_000);
    StateSpace space = StateSpace.enumerate(Environments.create(SPEC));
    assertEquals(Math.exp(1.2 * 4), law[space.stateIndex(new int[] {0, 1, 2, 3})]
        / law[space.stateIndex(new int[] {1, 0, 3, 2})], 1e-9, "identity vs a derangement: e^{4β}");
    assertEquals(Double.NEGATIVE_INFINITY,
        Environments.create(SPEC).firstEdge().orElseThrow().logPF(new int[] {0, 0, 2, 3}));
  }

  @Test
  void theSpecKeepsTheSourceAndBadValuesAreRefused() {
    Environment env = Environments.create(SPEC);
    assertTrue(env.spec().toString().contains("source=fixed:1.2"), env.spec().toString());
    assertEquals(env.spec().toString(), Environments.create(env.spec().toString()).spec().toString());
    assertTrue(Environments.create("permutations:n=4,source=fixed:0").firstEdge().orElseThrow().uniform());
    for (String bad : new String[] {"fixed:x", "fixed:", "fixed:1e9", "corner:1", "poisson"}) {
      assertThrows(IllegalArgumentException.class, () -> Environments.create("permutations:n=4,source=" + bad), bad);
    }
  }
}
