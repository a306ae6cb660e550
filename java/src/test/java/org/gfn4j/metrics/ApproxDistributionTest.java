package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.StateBatch;
import org.junit.jupiter.api.Test;

/** The FIFO of training terminal states and its empirical distribution. */
class ApproxDistributionTest {
  final double[] target = {0.1, 0.2, 0.3, 0.4};

  @Test
  void emptyBufferGivesNaNAsGfnx() {
    ApproxDistribution a = new ApproxDistribution(target, 5);
    assertEquals(0, a.size());
    assertTrue(Double.isNaN(a.get().get("approx_tv")));
  }

  @Test
  void countsAreNormalised() {
    ApproxDistribution a = new ApproxDistribution(target, 10);
    a.add(0, 3, 3, 1);
    assertArrayEquals(new double[] {0.25, 0.25, 0, 0.5}, a.empirical(), 0.0);
    Map<String, Double> m = a.get();
    assertEquals(0.5 * (0.15 + 0.05 + 0.3 + 0.1), m.get("approx_tv"), 1e-15);
    assertEquals(Distances.kl(target, a.empirical()), m.get("approx_kl"));
    assertEquals(Distances.jensenShannon(target, a.empirical()), m.get("approx_jsd"));
  }

  @Test
  void oldestEntriesAreEvictedFirst() {
    ApproxDistribution a = new ApproxDistribution(target, 3);
    a.add(0, 1);
    a.add(2, 2, 3);
    // Holds 2, 2, 3: the 0 and the 1 were evicted.
    assertEquals(3, a.size());
    assertArrayEquals(new double[] {0, 0, 2.0 / 3, 1.0 / 3}, a.empirical(), 1e-16);
    a.add(1, 1, 1, 1);
    assertArrayEquals(new double[] {0, 1, 0, 0}, a.empirical(), 0.0);
  }

  @Test
  void badIndicesAddNothing() {
    ApproxDistribution a = new ApproxDistribution(target, 3);
    assertThrows(IllegalArgumentException.class, () -> a.add(1, 4));
    assertThrows(IllegalArgumentException.class, () -> a.add(-1));
    assertEquals(0, a.size());
    assertThrows(IllegalArgumentException.class, () -> new ApproxDistribution(target, 0));
  }

  @Test
  void terminalStatesOfABatchAreIndexedByTheEnvironment() {
    StateSpace space = ExactDistributionTest.hypergrid(2, 5, Backend.JAVA);
    org.gfn4j.env.Environment env = space.environment();
    ApproxDistribution a = new ApproxDistribution(space);
    assertEquals(ApproxDistribution.DEFAULT_CAPACITY, a.capacity());
    try (StateBatch states = env.newBatch(3)) {
      env.setState(states, 0, new int[] {1, 2}, true);
      env.setState(states, 1, new int[] {4, 4}, false);
      env.setState(states, 2, new int[] {4, 0}, true);
      assertEquals(2, a.addStates(space, states));
    }
    double[] p = a.empirical();
    assertEquals(0.5, p[7]);
    assertEquals(0.5, p[20]);
    assertEquals(0.0, p[24]);
  }
}
