package org.gfn4j.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

/** Plots a reader can trust: titled and labelled, one colour scale for compared maps, spikes that do not flatten curves. */
class PlotsTest {
  @TempDir Path tmp;

  private static Map<String, double[][]> maps() {
    Map<String, double[][]> m = new LinkedHashMap<>();
    m.put("learned P(x)", new double[][] {{0.01, 0.02}, {0.03, 0.5}});
    m.put("target R(x)/Z", new double[][] {{0.001, 0.1}, {0.2, 0.699}});
    return m;
  }

  @Test
  void heatMapPanelsShareOneColourScaleAndHaveAxisTitles() throws Exception {
    List<HeatMapChart> charts = Plots.buildHeatMaps("coordinate 0", "coordinate 1", maps());
    assertEquals(2, charts.size());
    for (HeatMapChart c : charts) {
      assertFalse(c.getTitle().isBlank());
      assertEquals("coordinate 0", c.getXAxisTitle());
      assertEquals("coordinate 1", c.getYAxisTitle());
      assertEquals(0.001, c.getStyler().getMin(), 0.0, "the smallest value of either panel");
      assertEquals(0.699, c.getStyler().getMax(), 0.0, "the largest value of either panel");
      assertEquals("0.123", c.getStyler().getHeatMapDecimalValueFormatter().apply(0.123456789));
    }
    Map<String, double[][]> raw = Map.of("a", new double[][] {{3.154179409256534E-5, 0.09675888162392025}});
    HeatMapChart rounded = Plots.buildHeatMaps("x", "y", raw).get(0);
    assertEquals("3.15E-5", Double.toString(rounded.getStyler().getMin()), "colour-bar ends: 3 significant digits");
    assertEquals("0.0968", Double.toString(rounded.getStyler().getMax()), "rounded outwards");
    Path png = tmp.resolve("heat.png");
    Plots.heatMaps(png, "coordinate 0", "coordinate 1", maps());
    assertTrue(Files.size(png) > 0);
  }

  @Test
  void colourBarNumbersHaveThreeSignificantDigits() {
    assertEquals("0.5", Plots.threeDigits(0.5));
    assertEquals("0.000123", Plots.threeDigits(0.000123456));
    assertEquals("1.23e4", Plots.threeDigits(12345.0));
    assertEquals("1.24e-7", Plots.threeDigits(1.2351e-7));
    assertEquals("-2.5", Plots.threeDigits(-2.5));
    assertEquals("0", Plots.threeDigits(0.0));
  }

  @Test
  void earlySpikesDoNotFlattenARobustCurve() {
    double[] x = new double[50];
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      x[i] = 100 * (i + 1);
      y[i] = -2 + 2.0 * i / 49; // the bulk: -2 .. 0
    }
    y[0] = -1e6;
    y[1] = -5e4;
    Map<String, double[][]> series = Map.of("elbo", new double[][] {x, y});
    XYChart robust = Plots.buildLineChart("ELBO", "training step (iterations)", "nats", Plots.YScale.ROBUST, series);
    assertTrue(robust.getStyler().getYAxisMin() > -10, "min " + robust.getStyler().getYAxisMin());
    assertTrue(robust.getStyler().getYAxisMax() >= 0 - 1e-12, "the bulk stays in view");
    XYChart plain = Plots.buildLineChart("ELBO", "step", "nats", Plots.YScale.LINEAR, series);
    assertNull(plain.getStyler().getYAxisMin(), "a linear chart keeps every point");
    double[] tight = Plots.robustLimits(new double[] {1, 2, 3});
    assertArrayEquals(new double[] {1, 3}, tight, 0.0, "no outliers: the data range");
  }

  @Test
  void everyPlotNeedsATitleAndAxisLabels() {
    Map<String, double[][]> s = Map.of("a", new double[][] {{1}, {1}});
    assertThrows(IllegalArgumentException.class, () -> Plots.buildLineChart(" ", "x", "y", Plots.YScale.LINEAR, s));
    assertThrows(IllegalArgumentException.class, () -> Plots.buildLineChart("t", "", "y", Plots.YScale.LINEAR, s));
    assertThrows(IllegalArgumentException.class, () -> Plots.buildLineChart("t", "x", null, Plots.YScale.LOG, s));
    assertThrows(IllegalArgumentException.class, () -> Plots.buildHeatMaps("x", "", maps()));
  }
}
