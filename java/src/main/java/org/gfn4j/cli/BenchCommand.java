package org.gfn4j.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        trainer.iterate();
      }
      double wallMs = (System.nanoTime() - start) / 1e6 / steps;
      StepTimes times = trainer.times();
      out.printf(Locale.ROOT, "preset %s: %s, objective %s, batch %s, %d iterations after %d warm-up%n", preset,
          config.get(TrainKey.ENV), config.get(TrainKey.OBJECTIVE), config.get(TrainKey.BATCH), steps, warmup);
      for (Map.Entry<String, Double> e : times.perIterationMillis().entrySet()) {
        out.printf(Locale.ROOT, "  %-16s %8.3f ms/iter%n", e.getKey(), e.getValue());
      }
      out.printf(Locale.ROOT, "  %-16s %8.3f ms/iter (%.1f iterations/s)%n", "wall", wallMs, 1000 / wallMs);
      double transitions = times.transitionsPerIteration();
      out.printf(Locale.ROOT, "  %-16s %8.1f per iteration (%.0f transitions/s)%n", "transitions", transitions,
          transitions * 1000 / wallMs);
    }
  }
}
