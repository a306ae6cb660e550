package org.gfn4j.env;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.metrics.CyclicExactDistribution;
import org.gfn4j.runtime.Backend;

/** Checks a non-uniform first edge against its own log PF: a normalised law that its draws follow state by state. */
public final class FirstEdgeDraws {
  private FirstEdgeDraws() {}

  /**
   * On both backends of {@code spec}: the edge is not uniform, exp(log PF) sums to 1 over the
   * enumerated start states, and {@code draws} draws hit each state within 5 standard errors.
   * Returns the law over state indices of the native space.
   */
  public static double[] check(String spec, int draws) {
    double[] first = null;
    for (Backend backend : new Backend[] {Backend.NATIVE, Backend.JAVA}) {
      Environment env = Environments.create(spec, backend);
      FirstEdge edge = env.firstEdge().orElseThrow();
      assertFalse(edge.uniform(), spec);
      StateSpace space = StateSpace.enumerate(env);
      double[] law = CyclicExactDistribution.startLaw(space); // refuses a law that does not sum to 1
      Map<Integer, Integer> counts = new HashMap<>();
      try (StateBatch batch = env.newBatch(draws)) {
        edge.sample(batch, new SplittableRandom(4));
        for (int b = 0; b < draws; b++) {
          counts.merge(space.stateIndex(batch.cells(b)), 1, Integer::sum);
        }
      }
      assertFalse(counts.containsKey(0), "s0 is never drawn");
      for (int s = 1; s < law.length; s++) {
        double freq = counts.getOrDefault(s, 0) / (double) draws;
        assertEquals(law[s], freq, 5 * Math.sqrt(law[s] / draws) + 1e-9, spec + " state " + s);
      }
      first = first == null ? law : first;
    }
    return first;
  }
}
