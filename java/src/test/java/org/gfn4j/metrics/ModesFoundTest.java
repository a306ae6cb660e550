package org.gfn4j.metrics;

import org.gfn4j.env.ObjectDistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gfn4j.runtime.Backend;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.StateBatch;
import org.junit.jupiter.api.Test;

class ModesFoundTest {
  @Test
  void hypergridModesAreTheCellsOfMaximalReward() {
    StateSpace space = ExactDistributionTest.hypergrid(4, 20, Backend.JAVA);
    org.gfn4j.env.Environment env = space.environment();
    ModesFound modes = ModesFound.maximalReward(space);
    assertEquals(256, modes.numModes());
    // (2, 3, 16, 17) is a mode; (2, 3, 16, 18) is next to one but is not.
    modes.update(new int[] {2, 3, 16, 18, 2, 3, 16, 17, 2, 3, 16, 17}, 3);
    assertEquals(1, modes.numFound());
    assertEquals(1.0 / 256, modes.get().get("percent_modes"), 0.0);
    try (StateBatch states = env.newBatch(2)) {
      env.setState(states, 0, new int[] {17, 17, 17, 17}, false);
      env.setState(states, 1, new int[] {16, 16, 16, 16}, true);
      modes.update(states);
    }
    // The non-terminal (17, 17, 17, 17) does not count.
    assertEquals(2.0, modes.get().get("num_modes"));
  }

  @Test
  void aModeCountsBelowTheDistanceThreshold() {
    ModesFound modes = new ModesFound(new int[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}, ObjectDistance.HAMMING, 2);
    modes.update(new int[] {0, 0, 1, 1}, 1);
    assertEquals(0, modes.numFound());
    modes.update(new int[] {0, 1, 1, 1}, 1);
    assertEquals(1, modes.numFound());
    modes.update(new int[] {0, 0, 0, 1}, 1);
    assertEquals(2, modes.numFound());
    assertEquals(1.0, modes.get().get("percent_modes"));
  }

  @Test
  void badInputIsRejected() {
    ModesFound modes = new ModesFound(new int[][] {{0, 0}}, ObjectDistance.HAMMING, 1);
    assertThrows(IllegalArgumentException.class, () -> modes.update(new int[3], 2));
    assertThrows(IllegalArgumentException.class,
        () -> new ModesFound(new int[][] {{0}, {0, 1}}, ObjectDistance.HAMMING, 1));
    assertThrows(IllegalArgumentException.class, () -> new ModesFound(new int[0][], ObjectDistance.HAMMING, 1));
  }
}
