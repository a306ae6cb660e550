package org.gfn4j.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Epsilon schedules follow optax.linear_schedule: linear from start to end, then flat. */
class EpsilonScheduleTest {
  @Test
  void linearInterpolatesThenStaysAtEnd() {
    EpsilonSchedule s = EpsilonSchedule.linear(0.1f, 0f, 30_000);
    assertEquals(0.1f, s.at(0));
    assertEquals(0.05f, s.at(15_000), 1e-8);
    assertEquals(0.1f * (1 - 1234f / 30_000f), s.at(1234), 1e-8);
    assertEquals(0f, s.at(30_000));
    assertEquals(0f, s.at(62_499));
    assertEquals(0.1f, s.at(-5), "negative steps clamp to the start");
    EpsilonSchedule up = EpsilonSchedule.linear(0.1f, 1f, 10);
    assertEquals(0.55f, up.at(5), 1e-7);
    assertEquals(1f, up.at(11));
  }

  @Test
  void constantAndZeroLengthScheduleStayAtStart() {
    assertEquals(0.001f, EpsilonSchedule.constant(0.001f).at(50_000));
    assertEquals(0.3f, EpsilonSchedule.linear(0.3f, 0.9f, 0).at(100), "optax: transition_steps <= 0 is constant");
  }

  @Test
  void rejectsValuesOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> EpsilonSchedule.constant(1.5f));
    assertThrows(IllegalArgumentException.class, () -> EpsilonSchedule.linear(0.1f, Float.NaN, 10));
    assertThrows(IllegalArgumentException.class, () -> EpsilonSchedule.linear(0.1f, 0f, -1));
  }
}
