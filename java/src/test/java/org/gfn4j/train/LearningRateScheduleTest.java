package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** gfnx's warmup-cosine learning rate (optax warmup_cosine_decay_schedule with init 0). */
class LearningRateScheduleTest {
  @Test
  void warmupRisesLinearlyFromZeroThenCosineReachesTheEndAndStays() {
    // fldb_phylo: peak 3e-4, end 1e-5, warmup 5000, decay_steps = 100000 - 5000.
    LearningRateSchedule s = LearningRateSchedule.warmupCosine(3e-4, 1e-5, 5000, 95000);
    assertEquals(0.0, s.at(0), "optax's first update uses the init value 0");
    assertEquals(1.5e-4, s.at(2500), 1e-18);
    assertEquals(3e-4, s.at(5000), 1e-18);
    assertEquals(1e-5 + (3e-4 - 1e-5) / 2, s.at(5000 + 45000), 1e-15, "half way through the cosine");
    assertEquals(1e-5, s.at(95000), 1e-18);
    assertEquals(1e-5, s.at(99999), 1e-18);
    assertTrue(s.at(20000) > s.at(30000), "decreasing after the warmup");
  }

  @Test
  void constantIsConstantAndBadSchedulesAreRefused() {
    assertEquals(1e-3, LearningRateSchedule.constant(1e-3).at(12345));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1e-3, 0, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(0, 0, 0, 5));
  }
}
