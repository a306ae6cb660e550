package org.gfn4j.train;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.runtime.Profile;

/**
 * Drives a training run on disk: iterations with a progress display, an evaluation every
 * eval_every steps (appended to metrics.jsonl, checkpoint refreshed), and at the end
 * summary.json, the plots and the exported policy. A resumed run continues the same files.
 */
public final class TrainRun {
  /** What the CLI decided: config, run directory, optional extra summary path, output stream. */
  public record Options(TrainConfig config, Path out, boolean resume, Path summaryJson, Path dataDir,
      PrintStream log, boolean terminal) {}

  private TrainRun() {}

  /** Runs to config.steps and returns the summary (also written to summary.json). */
  public static JsonObject run(Options o) {
    Preload.start();
    RunDirectory run;
    TrainConfig config = o.config();
    Trainer trainer;
    List<JsonObject> history;
    double wallBefore = 0;
    if (o.resume()) {
      run = RunDirectory.open(o.out());
      JsonObject state = Checkpoints.state(run);
      long step = state.get("step").getAsLong();
      wallBefore = state.get("wall_seconds").getAsDouble();
      if (config.getLong(TrainKey.STEPS) < step) {
        throw new IllegalArgumentException("the run already has " + step + " steps; --steps must be at least that");
      }
      run.writeConfig(config);
      trainer = Trainer.resume(config, o.dataDir(), Checkpoints.policyDir(run), step);
      Checkpoints.restore(run, trainer);
      history = run.readMetrics();
      history.removeIf(r -> r.get("step").getAsLong() > step);
    } else {
      RunDirectory created = Profile.time("run directory", () -> RunDirectory.create(o.out()));
      run = created;
      Profile.time("run directory", () -> created.writeConfig(config));
      trainer = Profile.time("trainer setup", () -> Trainer.start(config, o.dataDir()));
      history = new java.util.ArrayList<>();
    }
    try (trainer) {
      return loop(o, run, trainer, history, wallBefore);
    }
  }

  private static JsonObject loop(Options o, RunDirectory run, Trainer trainer, List<JsonObject> history,
      double wallBefore) {
    TrainConfig config = trainer.config();
    long total = config.getLong(TrainKey.STEPS);
    int evalEvery = config.getInt(TrainKey.EVAL_EVERY);
    long start = System.nanoTime();
    Progress progress = new Progress(o.log(), o.terminal(), trainer.step(), total);
    JsonObject last = history.isEmpty() ? null : history.get(history.size() - 1);
    while (trainer.step() < total) {
      Profile.time("training iterations", trainer::iterate);
      long step = trainer.step();
      if (step % evalEvery == 0 || step == total) {
        double wall = wallBefore + (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = Profile.time("evaluation", trainer::evaluate);
        last = new JsonObject();
        last.addProperty("step", step);
        last.addProperty("wall_seconds", wall);
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
          last.addProperty(e.getKey(), e.getValue());
        }
        history.add(last);
        Profile.time("metrics file", () -> run.writeMetrics(history));
        Profile.time("checkpoint", () -> Checkpoints.save(run, trainer, wall));
        progress.metrics(metrics, "loss", "exact_tv", "approx_tv", "elbo", "log_z_learned");
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

  private static JsonObject summary(Trainer trainer, JsonObject last, double wall) {
    JsonObject s = new JsonObject();
    s.addProperty("env", trainer.env.spec().toString());
    s.addProperty("objective", trainer.objective.name());
    s.addProperty("seed", trainer.config().getLong(TrainKey.SEED));
    s.addProperty("steps", trainer.step());
    s.addProperty("wall_seconds", wall);
    for (String key : new String[] {"exact_tv", "exact_kl", "exact_jsd", "approx_tv", "approx_kl", "elbo", "eubo",
        "log_z_learned", "log_z_true", "loss", "num_modes", "mean_reward", "pearson", "spearman", "top_10_reward"}) {
      if (last != null && last.has(key)) {
        s.add(key, last.get(key));
      }
    }
    return s;
  }
}
