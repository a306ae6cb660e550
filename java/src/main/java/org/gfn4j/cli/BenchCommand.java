package org.gfn4j.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.ort.OrtCalls;
import org.gfn4j.train.NetworkWork;
import org.gfn4j.train.Presets;
import org.gfn4j.train.StepTimes;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainConfigs;
import org.gfn4j.train.TrainKey;
import org.gfn4j.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j bench}: milliseconds per training iteration of a preset, with a breakdown. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time training iterations of a preset (no evaluation): ms per iteration by phase.")
final class BenchCommand implements Runnable {
  @ParentCommand Main main;

  @Option(names = "--preset", paramLabel = "NAME", description = "preset (default: the default training preset)")
  String preset;

  @Option(names = "--env", paramLabel = "SPEC", description = "environment spec (overrides the preset)")
  String env;

  @Option(names = "--batch", paramLabel = "B", description = "trajectories per iteration (overrides the preset)")
  String batch;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "500", description = "timed iterations (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "untimed iterations first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override any setting")
  Map<String, String> settings = new LinkedHashMap<>();

  @Mixin DataOption data;

  @Override
  public void run() {
    if (steps <= 0 || warmup < 0) {
      throw new IllegalArgumentException("--steps must be positive and --warmup non-negative");
    }
    if (preset == null) {
      preset = Presets.defaultName();
    }
    TrainConfig config = Presets.get(preset);
    if (env != null) {
      config = config.with(TrainKey.ENV, env);
    }
    if (batch != null) {
      config = config.with(TrainKey.BATCH, batch);
    }
    config = config.withAll(settings);
    TrainConfigs.validate(config, data.resolve());
    PrintStream out = main.io().out();
    try (Trainer trainer = Trainer.start(config, data.resolve())) {
      for (int i = 0; i < warmup; i++) {
        trainer.iterate();
      }
      trainer.times().reset();
      com.sun.management.ThreadMXBean threadBean =
          (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      PolicySpec spec = trainer.policySpec();
      boolean counted = !Double.isNaN(NetworkWork.forwardFlopsPerRow(spec));
      int threads = config.getInt(TrainKey.THREADS);
      // The timed iterations run in rounds; after each, a 1024³ GEMM is timed on the same threads
      // (outside every counter), so each round's rate is divided by the machine's rate of that moment.
      int rounds = counted ? Math.min(ROUNDS, steps) : 1;
      double[] ratios = new double[rounds];
      double[] gemms = new double[rounds];
      long wallNanos = 0;
      long cpuNanos = 0;
      long allocated = 0;
      long runs = 0;
      long calls = 0;
      int done = 0;
      for (int r = 0; r < rounds; r++) {
        int n = (int) ((long) steps * (r + 1) / rounds) - done;
        double flops = counted ? NetworkWork.flops(trainer.times(), spec) : 0;
        long bytes = threadBean.getCurrentThreadAllocatedBytes();
        long cpu = threadBean.getCurrentThreadCpuTime();
        long runs0 = OrtCalls.graphRuns();
        long calls0 = OrtCalls.apiCalls();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
          trainer.iterate();
        }
        long roundNanos = System.nanoTime() - start;
        wallNanos += roundNanos;
        cpuNanos += threadBean.getCurrentThreadCpuTime() - cpu;
        allocated += threadBean.getCurrentThreadAllocatedBytes() - bytes;
        runs += OrtCalls.graphRuns() - runs0;
        calls += OrtCalls.apiCalls() - calls0;
        done += n;
        if (counted) {
          double rate = (NetworkWork.flops(trainer.times(), spec) - flops) / roundNanos;
          gemms[r] = GemmRate.measure(1024, new int[][] {{1024, 1024}}, threads);
          ratios[r] = rate / gemms[r];
        }
      }
      double wallMs = wallNanos / 1e6 / steps;
      double runsPerIteration = (double) runs / steps;
      double callsPerIteration = (double) calls / steps;
      double bytesPerIteration = (double) allocated / steps;
      double cpuMs = cpuNanos / 1e6 / steps;
      StepTimes times = trainer.times();
      out.printf(Locale.ROOT, "preset %s: %s, objective %s, batch %s, %d iterations after %d warm-up%n", preset,
          config.get(TrainKey.ENV), config.get(TrainKey.OBJECTIVE), config.get(TrainKey.BATCH), steps, warmup);
      for (Map.Entry<String, Double> e : times.perIterationMillis().entrySet()) {
        out.printf(Locale.ROOT, "  %-16s %8.3f ms/iter%n", e.getKey(), e.getValue());
      }
      out.printf(Locale.ROOT, "  %-16s %8.3f ms/iter (%.1f iterations/s)%n", "wall", wallMs, 1000 / wallMs);
      // On a shared machine wall time includes waiting for a core; the driving thread's CPU time does not.
      out.printf(Locale.ROOT, "  %-16s %8.3f ms/iter of CPU on the driving thread%n", "cpu", cpuMs);
      double transitions = times.transitionsPerIteration();
      out.printf(Locale.ROOT, "  %-16s %8.1f per iteration (%.0f transitions/s)%n", "transitions", transitions,
          transitions * 1000 / wallMs);
      out.printf(Locale.ROOT, "  %-16s %8.1f graph runs + %.1f other C API calls per iteration%n", "onnxruntime",
          runsPerIteration, callsPerIteration - runsPerIteration);
      out.printf(Locale.ROOT, "  %-16s %8.0f bytes per iteration on the Java heap%n", "allocated", bytesPerIteration);
      if (!counted) {
        out.printf(Locale.ROOT, "  %-16s not counted for %s policies%n", "network work", spec.kind());
        return;
      }
      work(out, trainer, config, steps, wallMs, median(gemms));
      StringBuilder each = new StringBuilder();
      for (double x : ratios) {
        each.append(String.format(Locale.ROOT, " %.1f", 100 * x));
      }
      out.printf(Locale.ROOT, "  %-16s %8.1f%% of the large GEMM: the median over %d rounds of the timed"
          + " iterations, each against a 1024³ GEMM timed right after it (%%:%s)%n", "efficiency",
          100 * median(ratios), rounds, each);
    }
  }

  /** Rounds of the timed iterations, each followed by a GEMM timing (0.2 s). */
  private static final int ROUNDS = 5;

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * The iteration's network FLOPs over the {@code steps} timed iterations and their achieved rate
   * against gfn4j's GEMM on the same threads: at the iteration's shapes, measured now, and at
   * 1024³ ({@code large}: the median of the timings between the rounds).
   */
  private static void work(PrintStream out, Trainer trainer, TrainConfig config, int steps, double wallMs,
      double large) {
    PolicySpec spec = trainer.policySpec();
    StepTimes times = trainer.times();
    double fwd = NetworkWork.forwardFlops(times, spec) / steps;
    // Rows trained from the rollout's kept activations need no forward pass in the train step.
    double train = NetworkWork.trainFlops(times, spec) / steps;
    Map<String, Double> ms = times.perIterationMillis();
    double achieved = (fwd + train) / (wallMs * 1e6);
    out.printf(Locale.ROOT, "  %-16s %8.2f MFLOP/iter (forward %.2f on %.0f rows, training %.2f on %.0f rows,"
        + " %.0f of them with a forward pass in the train step)%n", "network work", (fwd + train) / 1e6, fwd / 1e6,
        times.forwardRowsPerIteration(), train / 1e6, times.trainRowsPerIteration(),
        times.trainForwardRowsPerIteration());
    out.printf(Locale.ROOT, "  %-16s %8.2f GFLOP/s whole iteration; forward %.2f, train step + optimizer %.2f%n",
        "achieved", achieved, fwd / (ms.get("policy_forward") * 1e6),
        train / ((ms.get("train_step") + ms.get("optimizer")) * 1e6));
    int threads = config.getInt(TrainKey.THREADS);
    int[][] layers = NetworkWork.layerShapes(spec);
    int batch = config.getInt(TrainKey.BATCH);
    double atBatch = GemmRate.measure(batch, layers, threads);
    int trainRows = (int) Math.max(1, Math.round(times.trainRowsPerIteration()));
    double atTrain = GemmRate.measure(trainRows, layers, threads);
    out.printf(Locale.ROOT, "  %-16s %8.2f GFLOP/s at the rollout's %d rows, %.2f at the train step's %d rows,"
        + " %.2f at 1024x1024x1024 (gfn4j GEMM, %d thread%s)%n", "gemm", atBatch, batch, atTrain, trainRows,
        large, threads, threads == 1 ? "" : "s");
    out.printf(Locale.ROOT, "  %-16s %8.1f%% of the large GEMM, %.1f%% of the GEMM at the iteration's shapes%n",
        "whole run", 100 * achieved / large,
        100 * achieved / ((fwd + train) / (fwd / atBatch + train / atTrain)));
  }
}
