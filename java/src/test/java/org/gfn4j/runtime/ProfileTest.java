package org.gfn4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nestedPhasesAreExclusiveAndAddUpToTheCoveredTime() {
    Profile.enable();
    long t0 = System.nanoTime();
    int v = Profile.time("outer", () -> {
      sleep(20);
      Profile.time("inner", () -> sleep(30));
      Profile.time("inner", () -> sleep(5));
      return 7;
    });
    double total = (System.nanoTime() - t0) / 1e6;
    assertEquals(7, v);
    Map<String, Double> ms = Profile.millis();
    assertEquals(java.util.Set.of("outer", "inner"), ms.keySet());
    assertTrue(ms.get("inner") >= 35, "both inner calls add up: " + ms);
    assertTrue(ms.get("outer") >= 20, "outer keeps its own time: " + ms);
    assertTrue(ms.get("outer") + ms.get("inner") <= total, "inner time is not counted twice: " + ms);
    Map<String, Double> cpu = Profile.cpuMillis();
    assertEquals(ms.keySet(), cpu.keySet());
    assertTrue(cpu.get("outer") + cpu.get("inner") <= total, "sleeping costs no CPU beyond the wall time: " + cpu);
    Profile.enable();
    assertTrue(Profile.millis().isEmpty(), "enable starts afresh");
    Profile.disable();
    Profile.time("off", () -> sleep(1));
    assertTrue(Profile.millis().isEmpty(), "nothing is recorded when off");
  }
}
