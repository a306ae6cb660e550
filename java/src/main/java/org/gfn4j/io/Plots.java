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

  /**
   * One line chart of several series sharing the x axis; series with no finite point are left
   * out. Writes nothing and returns false when no series has a point.
   */
  public static boolean lineChart(Path png, String title, String xLabel, String yLabel, boolean logY,
      Map<String, double[][]> series) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setMarkerSize(3);
    int added = 0;
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
        added++;
      }
    }
    if (added == 0) {
      return false;
    }
    writePng(png, render(List.of(chart), WIDTH, HEIGHT));
    return true;
  }

  /** Heat maps of 2-D arrays [x][y], side by side in one PNG (e.g. learned vs target). */
  public static void heatMaps(Path png, Map<String, double[][]> maps) {
    List<Chart<?, ?>> charts = new ArrayList<>();
    for (Map.Entry<String, double[][]> e : maps.entrySet()) {
      double[][] z = e.getValue();
      HeatMapChart chart = new HeatMapChartBuilder().width(500).height(460).title(e.getKey()).build();
      chart.getStyler().setShowValue(false);
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
    writePng(png, render(charts, 500, 460));
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
