package org.gfn4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a grid of training jobs on Spark: validates the whole grid first, skips runs that already
 * finished under DIR, sends every other combination as one task (trained or resumed in an
 * executor), then writes DIR/results.csv, results.jsonl and plots/.
 */
public final class Sweep {
  /**
   * What to sweep and where ({@code out}: a local path or a Hadoop file system URI such as
   * hdfs://host/dir). {@code parallelism} 0 keeps the master's own; {@code injectedFaults}
   * is a test hook (the first that many attempts of every run fail), 0 otherwise.
   */
  public record Options(Path grid, String master, String out, int parallelism, int maxAttempts, Path dataDir,
      PrintStream log, boolean terminal, int injectedFaults) {
    public Options {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("--max-attempts must be at least 1");
      }
      if (parallelism < 0) {
        throw new IllegalArgumentException("--parallelism must be positive");
      }
    }
  }

  /** The outcome: every run of the grid with what became of it in this sweep. */
  public record Report(List<Results.Row> rows) {
    public long count(RunResult.Status status) {
      return rows.stream().filter(r -> r.status() == status).count();
    }
  }

  private Sweep() {}

  public static Report run(Options o) {
    List<SweepRun> runs = Grid.load(o.grid(), o.dataDir());
    SparkSettings.checkMaster(o.master());
    RunStore files = RunStore.of(o.out());
    if (files instanceof LocalRuns local) {
      try {
        Files.createDirectories(local.out());
      } catch (IOException e) {
        throw new IllegalArgumentException("--out " + local + " cannot be created: " + e.getMessage());
      }
    }
    try {
      // Spark's and Hadoop's logging go to this file (see log4j2.properties), never to the
      // terminal; set before anything logs, since log4j reads it once
      System.setProperty("gfn4j.sweep.log", files.sparkLog().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files instanceof HadoopRuns remote) {
      remote.create();
    }
    Map<String, RunResult> results = new LinkedHashMap<>();
    List<SweepRun> pending = new ArrayList<>();
    for (SweepRun run : runs) {
      String summary = files.summary(run);
      if (summary != null) {
        results.put(run.id(), new RunResult(run.id(), RunResult.Status.SKIPPED, summary, ""));
      } else {
        pending.add(run);
      }
    }
    o.log().printf("gfn4j sweep: %d runs (%d finished before, %d to run) -> %s%n", runs.size(),
        runs.size() - pending.size(), pending.size(), files);
    if (!pending.isEmpty()) {
      for (RunResult r : execute(o, files, pending, runs.size())) {
        results.put(r.id(), r);
      }
    }
    List<Results.Row> rows = new ArrayList<>();
    for (SweepRun run : runs) {
      rows.add(Results.row(run, results.get(run.id()), files));
    }
    try {
      Path dir = files.resultsDir();
      Results.write(dir, rows);
      ResultPlots.write(dir, rows);
      files.publish(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results under " + files + ": " + e.getMessage(), e);
    }
    return new Report(rows);
  }

  private static List<RunResult> execute(Options o, RunStore files, List<SweepRun> pending, int total) {
    Path log = Path.of(System.getProperty("gfn4j.sweep.log"));
    List<String> jars = SparkSettings.isLocal(o.master()) ? List.of() : ClusterJars.find();
    SparkConf conf = SparkSettings.conf("gfn4j sweep " + o.grid().getFileName(), o.master(), o.parallelism(),
        o.maxAttempts(), jars);
    SweepProgress progress = new SweepProgress(o.log(), o.terminal(), pending, files, total);
    List<RunResult> results;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.sc().addSparkListener(progress);
      progress.print("running on " + sc.master() + " (" + sc.defaultParallelism() + " task slots)");
      results = sc.parallelize(pending, pending.size())
          .map(new RunTask(files, o.dataDir(), o.maxAttempts(), o.injectedFaults()))
          .collect();
    } catch (RuntimeException e) {
      // a task failure is a result, so this is Spark itself failing (master unreachable, executors lost, ...)
      String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new SweepFailure("the Spark job failed: " + m + " (details in " + log + ")", e);
    } finally {
      progress.done();
    }
    return results;
  }
}
