package org.gfn4j.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfn4j.runtime.Profile;

/**
 * Drives a training run on disk: iterations with a progress display, an evaluation every
 * eval_every steps (appended to metrics.jsonl, checkpoint refreshed), and at the end
 * summary.json, the plots and the exported policy. A resumed run continues the same files.
 * Everything that can be checked is checked before the first iteration; a fresh run that fails
 * before its first checkpoint removes what it wrote, and a failed resume writes nothing.
 */
public final class TrainRun {
  /**
   * What the CLI decided: config, run directory (null: a fresh directory under runs/ named after
   * {@code name}), optional extra summary path, log stream, whether the log is a terminal and how
   * wide it is.
   */
  public record Options(TrainConfig config, Path out, boolean resume, Path summaryJson, Path dataDir,
      PrintStream log, boolean terminal, int columns, String name) {
    public Options(TrainConfig config, Path out, boolean resume, Path summaryJson, Path dataDir, PrintStream log,
        boolean terminal) {
      this(config, out, resume, summaryJson, dataDir, log, terminal, Progress.DEFAULT_COLUMNS, "run");
    }
  }

  private TrainRun() {}

  /** Runs to config.steps and returns the summary (also written to summary.json). */
  public static JsonObject run(Options o) {
    Preload.start();
    if (o.summaryJson() != null) {
      checkWritable(o.summaryJson(), "--summary-json");
    }
    long startNanos = System.nanoTime();
    return o.resume() ? resume(o, startNanos) : start(o, startNanos);
  }

  private static JsonObject start(Options o, long startNanos) {
    TrainConfig config = o.config();
    RunDirectory run = Profile.time("run directory", () -> o.out() != null ? RunDirectory.create(o.out())
        : RunDirectory.createUnique(Path.of("runs"), o.name()));
    boolean done = false;
    try (run) {
      run.lock();
      o.log().println("gfn4j train: run directory " + run.path());
      Profile.time("run directory", () -> run.writeConfig(config));
      try (Trainer trainer = Profile.time("trainer setup", () -> Trainer.start(config, o.dataDir()))) {
        JsonObject summary = loop(o, run, trainer, new ArrayList<>(), 0, startNanos);
        done = true;
        return summary;
      }
    } finally {
      if (!done) {
        run.abandon();
      }
    }
  }

  private static JsonObject resume(Options o, long startNanos) {
    try (RunDirectory run = RunDirectory.open(o.out()).lock()) {
      Checkpoints.State state;
      Trainer trainer;
      List<JsonObject> history;
      try {
        Path checkpoint = Checkpoints.choose(run, o.log());
        state = readState(run, checkpoint);
        history = run.readMetrics();
        if (o.config().getLong(TrainKey.STEPS) < state.step()) {
          throw new IllegalArgumentException(
              "the run already has " + state.step() + " steps; --steps must be at least that");
        }
        trainer = restore(o, run, checkpoint, state);
      } catch (RuntimeException e) {
        run.closeUnchanged();
        throw e;
      }
      try (trainer) {
        history.removeIf(r -> r.get("step").getAsLong() > state.step());
        // Only a resume that has restored everything may touch the run's files.
        run.writeConfig(o.config());
        return loop(o, run, trainer, history, state.wallSeconds(), startNanos);
      }
    }
  }

  private static Checkpoints.State readState(RunDirectory run, Path checkpoint) {
    try {
      return Checkpoints.state(checkpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + e.getMessage());
    }
  }

  /** A trainer with the policy, target network, replay buffer and trackers of {@code checkpoint}. */
  private static Trainer restore(Options o, RunDirectory run, Path checkpoint, Checkpoints.State state) {
    Trainer trainer;
    try {
      trainer = Trainer.resume(o.config(), o.dataDir(), Checkpoints.policyDir(checkpoint), state.step());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + checkpoint.getFileName() + "/"
          + Checkpoints.POLICY + ": " + CheckpointManifest.describe(e), e);
    }
    try {
      Checkpoints.restore(checkpoint, state, trainer);
      return trainer;
    } catch (IllegalArgumentException e) {
      trainer.close();
      throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      trainer.close();
      throw e;
    }
  }

  /**
   * Iterates to the configured steps. Wall seconds count from {@code start}, the moment this
   * segment began (setup included), on top of {@code wallBefore}, what earlier segments took.
   */
  private static JsonObject loop(Options o, RunDirectory run, Trainer trainer, List<JsonObject> history,
      double wallBefore, long start) {
    TrainConfig config = trainer.config();
    long total = config.getLong(TrainKey.STEPS);
    int evalEvery = config.getInt(TrainKey.EVAL_EVERY);
    Progress progress = new Progress(o.log(), o.terminal(), o.columns(), trainer.step(), total, evalEvery);
    JsonObject last = history.isEmpty() ? null : history.get(history.size() - 1);
    while (trainer.step() < total) {
      Profile.time("training iterations", trainer::iterate);
      long step = trainer.step();
      if (step % evalEvery == 0 || step == total) {
        Map<String, Double> metrics = Profile.time("evaluation", trainer::evaluate);
        double wall = wallBefore + (System.nanoTime() - start) / 1e9;
        last = new JsonObject();
        last.addProperty("step", step);
        last.addProperty("wall_seconds", wall);
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
          last.addProperty(e.getKey(), e.getValue());
        }
        history.add(last);
        Profile.time("metrics file", () -> run.writeMetrics(history));
        Profile.time("checkpoint", () -> Checkpoints.save(run, trainer, wall));
        progress.metrics(metrics, "loss", "exact_tv", "approx_tv", "elbo", "log_z_learned", "exact_mean_length",
            "path_ratio", "solve_ratio", "neg_log_rmse_j");
      }
      progress.update(step);
    }
    double wall = wallBefore + (System.nanoTime() - start) / 1e9;
    JsonObject summary = summary(trainer, last, wall);
    Profile.time("summary", () -> {
      RunDirectory.writeJson(run.resolve(RunDirectory.SUMMARY), summary);
      if (o.summaryJson() != null) {
        RunDirectory.writeJson(o.summaryJson(), summary);
      }
    });
    Profile.time("policy export", () -> trainer.policy.exportInference(run.resolve(RunDirectory.POLICY)));
    Profile.time("plots", () -> RunPlots.write(run, history, trainer));
    return summary;
  }

  /**
   * Checks before any work that {@code file} can be written at the end: not a directory, and its
   * directory (or the nearest existing ancestor, which would hold the created directories) is a
   * writable directory.
   */
  static void checkWritable(Path file, String option) {
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(option + " " + file + " is a directory");
    }
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      throw new IllegalArgumentException(option + " " + file + " is not writable");
    }
    Path dir = abs.getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + file + ": " + dir + " is not a directory");
    }
    try {
      Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException(option + " " + file + ": cannot write in " + dir);
    }
  }

  private static JsonObject summary(Trainer trainer, JsonObject last, double wall) {
    JsonObject s = new JsonObject();
    s.addProperty("env", trainer.env.spec().toString());
    s.addProperty("objective", trainer.objective.name());
    s.addProperty("seed", trainer.config().getLong(TrainKey.SEED));
    s.addProperty("steps", trainer.step());
    s.addProperty("wall_seconds", wall);
    for (String key : new String[] {"exact_tv", "exact_kl", "exact_jsd", "approx_tv", "approx_kl", "elbo", "eubo",
        "log_z_learned", "log_z_true", "loss", "num_modes", "mean_reward", "pearson", "spearman", "top_10_reward",
        "exact_mean_length", "fixed_point_l1", "ot_w1", "ot_cost", "ot_cost_ratio", "exact_ot_cost_ratio",
        "path_length", "path_bfs", "path_ratio", "path_optimal",
        "path_reached", "path_budget", "solve_length", "solve_bfs", "solve_ratio", "solve_optimal", "solve_reached",
        "solve_budget", "neg_log_rmse_j", "j_norm1"}) {
      if (last != null && last.has(key)) {
        s.add(key, last.get(key));
      }
    }
    return s;
  }
}
