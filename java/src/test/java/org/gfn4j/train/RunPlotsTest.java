package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.io.Plots;
import org.junit.jupiter.api.Test;

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
}
