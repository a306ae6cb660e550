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
    curve(run, "loss.png", "Training loss", true, history, "loss");
    curve(run, "log_z.png", "log Z", false, history, "log_z_learned", "log_z_true");
    curve(run, "distribution.png", "Distance to the target distribution", true, history,
        "exact_tv", "exact_kl", "approx_tv", "approx_kl");
    curve(run, "bounds.png", "ELBO and EUBO (gaps to log Z)", false, history, "elbo", "eubo");
    if (trainer.space != null && !trainer.env.plots().isEmpty()) {
      double[] learned = trainer.exactDistribution();
      double[] target = trainer.space.trueDistribution();
      for (DistributionPlot plot : trainer.env.plots()) {
        plot.write(run.resolve(plot.fileName()), trainer.space, learned, target);
      }
    }
  }

  private static void curve(RunDirectory run, String file, String title, boolean logY, List<JsonObject> history,
      String... keys) {
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (String key : keys) {
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
      Plots.lineChart(run.resolve(file), title, "step", String.join(", ", keys), logY, series);
    }
  }
}
