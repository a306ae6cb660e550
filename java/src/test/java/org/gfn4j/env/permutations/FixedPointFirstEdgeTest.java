package org.gfn4j.env.permutations;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.CyclicExactDistribution;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * The fixed-point source of S_n: log PF is a normalised law tilted by the number of fixed points,
 * its draws follow it permutation by permutation, the spec keeps it and bad values are refused.
 */
class FixedPointFirstEdgeTest {
  private static final String SPEC = "permutations:n=4,source=fixed:1.2";

  @Test
  void logPFIsANormalisedLawThatTheDrawsFollow() {
    for (Backend backend : new Backend[] {Backend.NATIVE, Backend.JAVA}) {
      Environment env = Environments.create(SPEC, backend);
      FirstEdge edge = env.firstEdge().orElseThrow();
      assertFalse(edge.uniform());
      StateSpace space = StateSpace.enumerate(env);
      double[] start = CyclicExactDistribution.startLaw(space); // checks that the law sums to 1
      assertEquals(25, start.length);
      assertEquals(Math.exp(1.2 * 4), start[space.stateIndex(new int[] {0, 1, 2, 3})]
          / start[space.stateIndex(new int[] {1, 0, 3, 2})], 1e-9, "identity vs a derangement: e^{4β}");
      assertEquals(Double.NEGATIVE_INFINITY, edge.logPF(new int[] {0, 0, 2, 3}));
      int n = 240_000;
      Map<Integer, Integer> counts = new HashMap<>();
      try (StateBatch batch = env.newBatch(n)) {
        edge.sample(batch, new SplittableRandom(4));
        for (int b = 0; b < n; b++) {
          counts.merge(space.stateIndex(batch.cells(b)), 1, Integer::sum);
        }
      }
      for (int s = 1; s < start.length; s++) {
        double freq = counts.getOrDefault(s, 0) / (double) n;
        assertEquals(start[s], freq, 5 * Math.sqrt(start[s] / n) + 1e-9, "permutation " + s);
      }
    }
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
