package org.gfn4j.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gfn4j.train.RunDirectory;

/**
 * Where a sweep keeps its files under DIR: runs/ID (one gfn4j run directory per combination),
 * errors/ID.json (every failed attempt of that run, kept across re-runs) and the results. DIR is
 * a local path ({@link LocalRuns}) or a Hadoop file system URI ({@link HadoopRuns}).
 */
public abstract class RunStore implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

  /** The store for --out {@code out}: a URI with a scheme (hdfs://, s3a://, file://...) or a local path. */
  public static RunStore of(String out) {
    return URI.matcher(out).matches() ? new HadoopRuns(out) : new LocalRuns(Path.of(out).toAbsolutePath().normalize());
  }

  /** The text of {@code relative} under DIR, or null when it does not exist. */
  abstract String read(String relative) throws IOException;

  /** Writes {@code relative} under DIR whole (no reader sees half of it). */
  abstract void write(String relative, String text) throws IOException;

  /**
   * The local directory run {@code run} trains in: the run directory itself for a local DIR; for
   * a remote one a scratch copy of whatever the run left there (so it can resume).
   */
  abstract Path checkout(SweepRun run) throws IOException;

  /** Makes a local run directory from {@link #checkout} the run's directory under DIR. */
  abstract void commit(SweepRun run, Path local) throws IOException;

  /** A local directory for the results and plots, published under DIR by {@link #publish}. */
  abstract Path resultsDir() throws IOException;

  abstract void publish(Path resultsDir) throws IOException;

  /** Where Spark's log goes (a local file). */
  abstract Path sparkLog() throws IOException;

  static String runPath(SweepRun run, String file) {
    return "runs/" + run.dirName() + "/" + file;
  }

  /** The summary of a finished run, or null when the run has not finished. */
  public String summary(SweepRun run) {
    try {
      return read(runPath(run, RunDirectory.SUMMARY));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the summary of run " + run.id() + ": " + e.getMessage(), e);
    }
  }

  /** Every failed attempt of {@code run} so far, oldest first (an empty array when none failed). */
  public JsonArray errors(SweepRun run) {
    try {
      String text = read(errorsPath(run));
      return text == null ? new JsonArray() : JsonParser.parseString(text).getAsJsonArray();
    } catch (IOException | RuntimeException e) {
      return new JsonArray();
    }
  }

  /** Appends one failed attempt to errors/ID.json. */
  public void recordError(SweepRun run, int attempt, String message) {
    JsonArray all = errors(run);
    JsonObject e = new JsonObject();
    e.addProperty("attempt", attempt);
    e.addProperty("time", java.time.Instant.now().toString());
    e.addProperty("error", message);
    all.add(e);
    try {
      write(errorsPath(run), all + "\n");
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException("cannot record the error of run " + run.id() + ": " + ex.getMessage(), ex);
    }
  }

  /** The message of the latest failed attempt, or "" when none failed. */
  public String lastError(SweepRun run) {
    JsonArray all = errors(run);
    return all.isEmpty() ? "" : all.get(all.size() - 1).getAsJsonObject().get("error").getAsString();
  }

  private static String errorsPath(SweepRun run) {
    return "errors/" + run.dirName() + ".json";
  }

  /**
   * True when a local run directory holds a checkpoint to resume from (the previous one counts:
   * a run killed while replacing its checkpoint resumes from it).
   */
  static boolean resumable(Path dir) {
    return Files.isRegularFile(dir.resolve(RunDirectory.CONFIG)) && (Files.isDirectory(dir.resolve(RunDirectory.CHECKPOINT))
        || Files.isDirectory(dir.resolve(RunDirectory.CHECKPOINT_OLD)));
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
