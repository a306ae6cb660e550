package org.gfn4j.sweep;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * DIR/plots/METRIC.png: each final metric per setting (preset plus --set values) as the mean over
 * seeds with a ±1 standard deviation error bar; the seed count is part of the axis label.
 */
final class ResultPlots {
  /** The summary fields plotted, when at least one run reports them. */
  static final List<String> METRICS = List.of("exact_tv", "exact_kl", "exact_jsd", "approx_tv", "approx_kl", "elbo",
      "eubo", "log_z_learned", "loss", "num_modes", "mean_reward", "spearman", "top_10_reward", "wall_seconds");

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ResultPlots() {}

  /** Writes one PNG per metric and returns their paths. */
  static List<Path> write(Path out, List<Results.Row> rows) {
    Path dir = out.resolve("plots");
    List<Path> written = new ArrayList<>();
    for (String metric : METRICS) {
      Map<String, List<Double>> bySetting = new LinkedHashMap<>();
      for (Results.Row r : rows) {
        JsonElement v = r.summary() == null ? null : r.summary().get(metric);
        if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && Double.isFinite(v.getAsDouble())) {
          bySetting.computeIfAbsent(r.run().setting(), k -> new ArrayList<>()).add(v.getAsDouble());
        }
      }
      if (!bySetting.isEmpty()) {
        Path png = dir.resolve(metric + ".png");
        chart(png, metric, bySetting);
        written.add(png);
      }
    }
    return written;
  }

  private static void chart(Path png, String metric, Map<String, List<Double>> bySetting) {
    List<String> labels = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> stds = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : bySetting.entrySet()) {
      double[] ms = meanStd(e.getValue());
      labels.add(e.getKey() + " (n=" + e.getValue().size() + ")");
      means.add(ms[0]);
      stds.add(ms[1]);
    }
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(600, 220 * labels.size())).height(480)
        .title(metric + " per setting (mean ± std over seeds)").xAxisTitle("setting").yAxisTitle(metric).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setXAxisLabelRotation(labels.stream().mapToInt(String::length).max().orElse(0) > 24 ? 15 : 0);
    chart.addSeries(metric, labels, means, stds);
    AtomicFiles.write(png, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG));
  }

  /** Mean and sample standard deviation (0 for a single value). */
  static double[] meanStd(List<Double> xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.size();
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, xs.size() > 1 ? Math.sqrt(ss / (xs.size() - 1)) : 0};
  }
}
