// A run's plots: titled, labelled learning curves, written on several threads without losing one or a failure.
package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.gfn4j.io.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every learning-curve plot of a run has a title, axis labels with units, and the bounds plot resists early spikes. */
class RunPlotsTest {
  @Test
  void everyCurveHasATitleAndAxisLabelsWithUnits() {
    assertTrue(RunPlots.X_LABEL.contains("(iterations)"));
    assertEquals(4, RunPlots.CURVES.size());
    for (RunPlots.Curve c : RunPlots.CURVES) {
      assertFalse(c.title().isBlank(), c.file());
      assertTrue(c.yLabel().matches(".*\\b(nats|probability|units)\\b.*"), c.file() + ": " + c.yLabel());
    }
  }

  @Test
  void theBoundsPlotUsesRobustLimits() {
    RunPlots.Curve bounds = RunPlots.CURVES.stream().filter(c -> c.file().equals("bounds.png")).findFirst().orElseThrow();
    assertEquals(Plots.YScale.ROBUST, bounds.scale());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void everyJobRunsExactlyOnce(int threads) {
    AtomicIntegerArray runs = new AtomicIntegerArray(7);
    List<Runnable> jobs = new ArrayList<>();
    for (int i = 0; i < runs.length(); i++) {
      int k = i;
      jobs.add(() -> runs.incrementAndGet(k));
    }
    RunPlots.runAll(jobs, threads);
    for (int i = 0; i < runs.length(); i++) {
      assertEquals(1, runs.get(i), "job " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aFailingPlotFailsTheWrite(int threads) {
    IllegalArgumentException bad = new IllegalArgumentException("a plot needs a title");
    List<Runnable> jobs = List.of(() -> { }, () -> {
      throw bad;
    }, () -> { });
    assertSame(bad, assertThrows(IllegalArgumentException.class, () -> RunPlots.runAll(jobs, threads)));
  }
}
