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

  /**
   * Writes every plot. The distributions come from the trainer on this thread; rendering and
   * encoding, which only read them, run one plot per task on up to one thread per core.
   */
  static void write(RunDirectory run, List<JsonObject> history, Trainer trainer) {
    List<Runnable> jobs = new ArrayList<>();
    for (Curve c : CURVES) {
      jobs.add(() -> curve(run, c, history));
    }
    if (trainer.space != null && !trainer.env.plots().isEmpty()) {
      double[] learned = trainer.exactDistribution();
      double[] target = trainer.space.trueDistribution();
      for (DistributionPlot plot : trainer.env.plots()) {
        jobs.add(() -> plot.write(run.resolve(plot.fileName()), trainer.space, learned, target));
      }
    }
    runAll(jobs, Runtime.getRuntime().availableProcessors());
  }

  /** Runs {@code jobs} on up to {@code threads} threads (this one included) and rethrows the first failure. */
  static void runAll(List<Runnable> jobs, int threads) {
    int n = Math.max(1, Math.min(threads, jobs.size()));
    if (n == 1) {
      jobs.forEach(Runnable::run);
      return;
    }
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < jobs.size() && failure.get() == null; i = next.getAndIncrement()) {
        try {
          jobs.get(i).run();
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < n; t++) {
      Thread h = new Thread(worker, "gfn4j-plots-" + t);
      h.setDaemon(true);
      h.start();
      helpers.add(h);
    }
    worker.run();
    for (Thread h : helpers) {
      try {
        h.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing plots", e);
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    } else if (e != null) {
      throw (Error) e;
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
