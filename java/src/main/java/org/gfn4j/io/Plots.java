package org.gfn4j.io;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots (XChart, headless): learning curves and side-by-side heat maps. */
public final class Plots {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 500;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Plots() {}

  /** How a line chart's y axis is scaled. */
  public enum YScale {
    LINEAR,
    LOG,
    /** Linear, limited to the bulk of the points so a few early spikes do not flatten the rest. */
    ROBUST
  }

  /**
   * One line chart of several series sharing the x axis; series with no finite point are left
   * out. Writes nothing and returns false when no series has a point.
   */
  public static boolean lineChart(Path png, String title, String xLabel, String yLabel, boolean logY,
      Map<String, double[][]> series) {
    return lineChart(png, title, xLabel, yLabel, logY ? YScale.LOG : YScale.LINEAR, series);
  }

  /** As above with a choice of y scale; title and axis labels must not be blank. */
  public static boolean lineChart(Path png, String title, String xLabel, String yLabel, YScale scale,
      Map<String, double[][]> series) {
    XYChart chart = buildLineChart(title, xLabel, yLabel, scale, series);
    if (chart == null) {
      return false;
    }
    writePng(png, render(List.of(chart), WIDTH, HEIGHT));
    return true;
  }

  /** The chart {@link #lineChart} draws, or null when no series has a point. */
  static XYChart buildLineChart(String title, String xLabel, String yLabel, YScale scale,
      Map<String, double[][]> series) {
    requireText(title, "title");
    requireText(xLabel, "x axis label");
    requireText(yLabel, "y axis label");
    boolean logY = scale == YScale.LOG;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setMarkerSize(3);
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    List<Double> all = new ArrayList<>();
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      double[][] pts = e.getValue();
      for (int i = 0; i < pts[0].length; i++) {
        double y = pts[1][i];
        if (Double.isFinite(y) && (!logY || y > 0)) {
          xs.add(pts[0][i]);
          ys.add(y);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries s = chart.addSeries(e.getKey(), xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE);
        all.addAll(ys);
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    if (scale == YScale.ROBUST) {
      double[] limits = robustLimits(all.stream().mapToDouble(Double::doubleValue).toArray());
      chart.getStyler().setYAxisMin(limits[0]);
      chart.getStyler().setYAxisMax(limits[1]);
    }
    return chart;
  }

  /**
   * Y limits that hold the 5th to 95th percentile of {@code ys} with a margin of half that
   * range on each side (or the extremes, when they lie within it): outliers are clipped, the
   * bulk keeps most of the height.
   */
  static double[] robustLimits(double[] ys) {
    double[] v = ys.clone();
    java.util.Arrays.sort(v);
    double lo = v[(int) Math.floor(0.05 * (v.length - 1))];
    double hi = v[(int) Math.ceil(0.95 * (v.length - 1))];
    double margin = hi > lo ? 0.5 * (hi - lo) : Math.max(1e-3, Math.abs(hi) * 0.1);
    return new double[] {Math.max(v[0], lo - margin), Math.min(v[v.length - 1], hi + margin)};
  }

  /** Heat maps of 2-D arrays [x][y], side by side in one PNG (e.g. learned vs target). */
  public static void heatMaps(Path png, Map<String, double[][]> maps) {
    heatMaps(png, "x", "y", maps);
  }

  /**
   * Heat maps of 2-D arrays [x][y] side by side in one PNG, on one shared colour scale (so equal
   * colours mean equal values in every panel), with axis titles and a colour bar of 3
   * significant digits.
   */
  public static void heatMaps(Path png, String xLabel, String yLabel, Map<String, double[][]> maps) {
    List<HeatMapChart> charts = buildHeatMaps(xLabel, yLabel, maps);
    writePng(png, render(charts, 500, 460));
  }

  static List<HeatMapChart> buildHeatMaps(String xLabel, String yLabel, Map<String, double[][]> maps) {
    requireText(xLabel, "x axis label");
    requireText(yLabel, "y axis label");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[][] z : maps.values()) {
      for (double[] row : z) {
        for (double v : row) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    if (!(min <= max)) {
      min = 0;
      max = 1;
    } else if (min == max) {
      max = min + Math.max(1e-12, Math.abs(min) * 1e-2);
    }
    // The colour bar prints its two ends as raw doubles: rounding them outwards to 3
    // significant digits keeps every value inside and the labels short.
    min = round3(min, java.math.RoundingMode.FLOOR);
    max = round3(max, java.math.RoundingMode.CEILING);
    List<HeatMapChart> charts = new ArrayList<>();
    for (Map.Entry<String, double[][]> e : maps.entrySet()) {
      requireText(e.getKey(), "panel title");
      double[][] z = e.getValue();
      HeatMapChart chart = new HeatMapChartBuilder().width(500).height(460).title(e.getKey())
          .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
      chart.getStyler().setShowValue(false);
      chart.getStyler().setMin(min);
      chart.getStyler().setMax(max);
      chart.getStyler().setHeatMapDecimalValueFormatter(Plots::threeDigits);
      chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
      chart.getStyler().setXAxisMaxLabelCount(12);
      List<Integer> xs = new ArrayList<>();
      List<Integer> ys = new ArrayList<>();
      List<Number[]> values = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        xs.add(i);
      }
      for (int j = 0; j < z[0].length; j++) {
        ys.add(j);
      }
      for (int i = 0; i < z.length; i++) {
        for (int j = 0; j < z[i].length; j++) {
          values.add(new Number[] {i, j, z[i][j]});
        }
      }
      chart.addSeries(e.getKey(), xs, ys, values);
      charts.add(chart);
    }
    return charts;
  }

  static double round3(double v, java.math.RoundingMode mode) {
    return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(3, mode)).doubleValue();
  }

  /** A colour-bar number: 3 significant digits, plain or scientific, no trailing zeros. */
  static String threeDigits(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    String s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toString();
    return s.contains("E") ? s.replace("E+", "e").replace("E", "e") : s;
  }

  private static void requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a plot needs a " + what);
    }
  }

  private static BufferedImage render(List<? extends Chart<?, ?>> charts, int w, int h) {
    BufferedImage img = new BufferedImage(w * charts.size(), h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      for (int i = 0; i < charts.size(); i++) {
        Graphics2D sub = (Graphics2D) g.create(i * w, 0, w, h);
        charts.get(i).paint(sub, w, h);
        sub.dispose();
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void writePng(Path png, BufferedImage img) {
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(img, "png", out)) {
        throw new java.io.IOException("no PNG writer available");
      }
    });
  }

  /**
   * Renders and encodes a small line chart and heat map in memory, loading the classes, fonts
   * and PNG writer the real plots need; run on a spare thread early, it takes that start-up cost
   * off the end of a run.
   */
  public static void warmUp() {
    XYChart line = new XYChartBuilder().width(64).height(48).title("warm-up").build();
    line.addSeries("s", new double[] {0, 1}, new double[] {1, 2}).setMarker(SeriesMarkers.CIRCLE);
    HeatMapChart heat = new HeatMapChartBuilder().width(64).height(48).title("warm-up").build();
    List<Number[]> values = new ArrayList<>();
    values.add(new Number[] {0, 0, 1.0});
    heat.addSeries("h", List.of(0), List.of(0), values);
    try {
      ImageIO.write(render(List.of(line, heat), 64, 48), "png", new java.io.ByteArrayOutputStream());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Convenience: a series from parallel lists. */
  public static Map<String, double[][]> series(String name, List<Double> x, List<Double> y) {
    Map<String, double[][]> m = new LinkedHashMap<>();
    m.put(name, new double[][] {x.stream().mapToDouble(Double::doubleValue).toArray(),
        y.stream().mapToDouble(Double::doubleValue).toArray()});
    return m;
  }
}
