package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

class RewardDeltaTest {
  @Test
  void meanOverTheLastBufferSizeRewards() {
    RewardDelta d = new RewardDelta(2.0, 3);
    Map<String, Double> empty = d.get();
    assertEquals(0.0, empty.get("mean_reward"));
    assertEquals(2.0, empty.get("reward_delta"));
    assertEquals(1.0, empty.get("rel_reward_delta"));
    d.update(1, 2, 3, 4);
    Map<String, Double> m = d.get();
    assertEquals(3.0, m.get("mean_reward"));
    assertEquals(1.0, m.get("reward_delta"));
    assertEquals(0.5, m.get("rel_reward_delta"));
    d.update(0.5);
    assertEquals(2.5, d.get().get("mean_reward"));
  }

  @Test
  void targetIsTheEnvironmentsMeanReward() {
    // gfnx-reference §4.1: E_π[R] = Σ R² / Σ R = 1.266364 on the easy 10×10 grid.
    RewardDelta d = RewardDelta.of(ExactDistributionTest.hypergrid(2, 10, Backend.JAVA), 10);
    d.update(1.266364);
    assertEquals(0.0, d.get().get("reward_delta"), 1e-6);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new RewardDelta(1.0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RewardDelta(0.0, 5));
  }
}
