package org.gfn4j.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.runtime.Profile;
import org.gfn4j.train.Presets;
import org.gfn4j.train.Progress;
import org.gfn4j.train.RunDirectory;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainConfigs;
import org.gfn4j.train.TrainKey;
import org.gfn4j.train.TrainRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j train}: the main job; with no arguments the default preset. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a GFlowNet (default: the first preset listed by --list-settings, gfnx's TB baseline).")
final class TrainCommand implements Runnable {
  @ParentCommand Main main;

  @Option(names = "--env", paramLabel = "SPEC", description = "environment spec (overrides the preset)")
  String env;

  @Option(names = "--objective", paramLabel = "NAME", description = "tb, db, subtb, fldb, mdb, softdqn; for cycles ndb, ndb_flow, sdb")
  String objective;

  @Option(names = "--preset", paramLabel = "NAME", description = "a preset (see --list-settings; default: the first one listed)")
  String preset;

  @Option(names = "--steps", paramLabel = "N", description = "training iterations")
  String steps;

  @Option(names = "--batch", paramLabel = "B", description = "trajectories per iteration")
  String batch;

  @Option(names = "--seed", paramLabel = "S", description = "random seed")
  String seed;

  @Option(names = "--eval-every", paramLabel = "K", description = "evaluation period in iterations")
  String evalEvery;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override any setting (see --list-settings)")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: a new runs/<preset>-<time>-<random>)")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue the run in DIR (only --steps may change)")
  Path resume;

  @Option(names = "--summary-json", paramLabel = "FILE", description = "also write the summary JSON here")
  Path summaryJson;

  @Option(names = "--list-settings", description = "print every setting with its default and exit")
  boolean listSettings;

  @Option(names = "--profile", description = "print wall time by start-up and run phase to stderr at the end")
  boolean profile;

  @Mixin DataOption data;

  @Override
  public void run() {
    if (listSettings) {
      for (TrainKey k : TrainKey.values()) {
        main.io().out().printf("%-16s %-38s %s%n", k.key(), k.defaultValue(), k.description());
      }
      main.io().out().println("presets: " + String.join(", ", Presets.names()));
      return;
    }
    TrainConfig config;
    Path dir;
    String name = "run";
    if (resume != null) {
      if (out != null || preset != null || env != null || objective != null || batch != null || seed != null
          || evalEvery != null || !settings.isEmpty()) {
        throw new IllegalArgumentException("--resume continues a run as configured; only --steps may be given");
      }
      config = RunDirectory.open(resume).readConfig();
      if (steps != null) {
        config = config.with(TrainKey.STEPS, steps);
      }
      dir = resume;
    } else {
      name = preset != null ? preset : objective != null ? Presets.forObjective(objective, env)
          : Presets.defaultName();
      config = Presets.get(name);
      Map<String, String> overrides = new LinkedHashMap<>();
      put(overrides, "objective", objective);
      put(overrides, "env", env);
      put(overrides, "steps", steps);
      put(overrides, "batch", batch);
      put(overrides, "seed", seed);
      put(overrides, "eval_every", evalEvery);
      overrides.putAll(settings);
      config = config.withAll(overrides);
      dir = out;
    }
    if (profile) {
      StartupPhases.begin();
    }
    TrainConfigs.validate(config, data.resolve());
    main.io().err().println("gfn4j train: " + config.get(TrainKey.OBJECTIVE) + " on " + config.get(TrainKey.ENV)
        + ", " + config.get(TrainKey.STEPS) + " steps, batch " + config.get(TrainKey.BATCH));
    boolean terminal = main.io().err() == System.err && Terminal.stderrIsTerminal();
    try {
      JsonObject summary = TrainRun.run(new TrainRun.Options(config, dir, resume != null, summaryJson,
          data.resolve(), main.io().err(), terminal, terminal ? Terminal.columns() : Progress.DEFAULT_COLUMNS, name));
      main.io().out().println(Json.compact(summary));
      if (profile) {
        StartupPhases.print(main.io().err());
      }
    } finally {
      if (profile) {
        Profile.disable();
      }
    }
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
