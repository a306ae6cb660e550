package org.gfn4j.train;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.DistributionPlot;
import org.gfn4j.io.Plots;

/** The PNG plots of a run: learning curves from metrics.jsonl and the plots the environment draws of the learned distribution. */
final class RunPlots {
  private RunPlots() {}

  static void write(RunDirectory run, List<JsonObject> history, Trainer trainer) {
    for (Curve c : CURVES) {
      curve(run, c, history);
    }
    if (trainer.space != null && !trainer.env.plots().isEmpty()) {
      double[] learned = trainer.exactDistribution();
      double[] target = trainer.space.trueDistribution();
      for (DistributionPlot plot : trainer.env.plots()) {
        plot.write(run.resolve(plot.fileName()), trainer.space, learned, target);
      }
    }
  }

  /** One learning-curve plot: file, title, y-axis label with unit, scale and metric keys. */
  record Curve(String file, String title, String yLabel, Plots.YScale scale, String... keys) {}

  static final String X_LABEL = "training step (iterations)";

  static final List<Curve> CURVES = List.of(
      new Curve("loss.png", "Training loss", "loss (objective units, log scale)", Plots.YScale.LOG, "loss"),
      new Curve("log_z.png", "Learned and true log Z", "log Z (nats)", Plots.YScale.LINEAR,
          "log_z_learned", "log_z_true"),
      new Curve("distribution.png", "Distance to the target distribution", "TV (probability), KL (nats); log scale",
          Plots.YScale.LOG, "exact_tv", "exact_kl", "approx_tv", "approx_kl"),
      new Curve("bounds.png", "ELBO and EUBO (gaps to log Z where it is known)",
          "nats (early outliers clipped)", Plots.YScale.ROBUST, "elbo", "eubo"));

  private static void curve(RunDirectory run, Curve c, List<JsonObject> history) {
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (String key : c.keys()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (JsonObject r : history) {
        if (r.has(key) && r.get(key).isJsonPrimitive() && r.get(key).getAsJsonPrimitive().isNumber()) {
          xs.add(r.get("step").getAsDouble());
          ys.add(r.get(key).getAsDouble());
        }
      }
      if (!xs.isEmpty()) {
        series.putAll(Plots.series(key, xs, ys));
      }
    }
    if (!series.isEmpty()) {
      Plots.lineChart(run.resolve(c.file()), c.title(), X_LABEL, c.yLabel(), c.scale(), series);
    }
  }
}
