package org.gfn4j.sweep;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The sweep's terminal output, driven by Spark's task-end events on the driver: one line per
 * finished run (or failed attempt) and, on a terminal, an overall bar redrawn below them.
 */
final class SweepProgress extends SparkListener {
  private static final String[] SHOWN = {"exact_tv", "approx_tv", "elbo", "log_z_learned", "num_modes"};
  private final PrintStream out;
  private final boolean terminal;
  private final List<SweepRun> pending;
  private final RunStore files;
  private final int total;
  private final long startNanos = System.nanoTime();
  private int finished;
  private int failed;

  /** {@code pending}: the runs of the job, by partition index; {@code total}: runs in the grid. */
  SweepProgress(PrintStream out, boolean terminal, List<SweepRun> pending, RunStore files, int total) {
    this.out = out;
    this.terminal = terminal;
    this.pending = pending;
    this.files = files;
    this.total = total;
    this.finished = total - pending.size();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    int index = event.taskInfo().index();
    if (index < 0 || index >= pending.size()) {
      return;
    }
    SweepRun run = pending.get(index);
    String what = run.setting() + " seed=" + run.seed();
    String line;
    if (event.taskInfo().successful()) {
      finished++;
      String summary = files.summary(run);
      if (summary == null) {
        failed++;
        line = String.format("[%d/%d] %s  FAILED: %s", finished, total, what, files.lastError(run));
      } else {
        line = String.format(Locale.ROOT, "[%d/%d] %s %s (%.1f s)", finished, total, what, metrics(summary),
            event.taskInfo().duration() / 1000.0);
      }
    } else {
      line = String.format("        %s  attempt %d failed, retrying: %s", what, event.taskInfo().attemptNumber() + 1,
          files.lastError(run));
    }
    print(line);
  }

  /** Prints a line above the bar. */
  synchronized void print(String line) {
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(line);
    if (terminal && finished < total) {
      out.print(bar());
    }
    out.flush();
  }

  /** Leaves the bar's line clean after the job. */
  synchronized void done() {
    if (terminal) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  private String bar() {
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) finished * width / total);
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    return String.format(Locale.ROOT, "[%s%s] %d/%d runs, %d failed, %.0f s", "#".repeat(filled),
        " ".repeat(width - filled), finished, total, failed, elapsed);
  }

  private static String metrics(String summaryJson) {
    JsonObject s = JsonParser.parseString(summaryJson).getAsJsonObject();
    StringBuilder sb = new StringBuilder();
    for (String k : SHOWN) {
      if (s.has(k) && s.get(k).isJsonPrimitive() && s.get(k).getAsJsonPrimitive().isNumber()) {
        sb.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.4g", s.get(k).getAsDouble()));
      }
    }
    return sb.toString().trim();
  }
}
