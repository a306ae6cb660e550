package org.gfn4j.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gfn4j.io.AtomicFiles;
import org.gfn4j.train.RunDirectory;

/**
 * Where a sweep keeps its files under DIR: runs/ID (one gfn4j run directory per combination)
 * and errors/ID.json (every failed attempt of that run, kept across re-runs).
 */
public final class RunFiles {
  private final Path out;

  public RunFiles(Path out) {
    this.out = out;
  }

  public Path out() {
    return out;
  }

  public Path runDir(SweepRun run) {
    return out.resolve("runs").resolve(run.dirName());
  }

  /** The summary of a finished run, or null when the run has not finished. */
  public String summary(SweepRun run) {
    Path file = runDir(run).resolve(RunDirectory.SUMMARY);
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** True when the run directory holds a checkpoint to resume from. */
  public boolean resumable(SweepRun run) {
    Path dir = runDir(run);
    return Files.isRegularFile(dir.resolve(RunDirectory.CONFIG)) && Files.isDirectory(dir.resolve(RunDirectory.CHECKPOINT));
  }

  /** Removes what a run left before its first checkpoint, so it can start again. */
  public void clear(SweepRun run) throws IOException {
    Path dir = runDir(run);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every failed attempt of {@code run} so far, oldest first (an empty array when none failed). */
  public JsonArray errors(SweepRun run) {
    Path file = errorsFile(run);
    try {
      return Files.isRegularFile(file) ? JsonParser.parseString(Files.readString(file)).getAsJsonArray() : new JsonArray();
    } catch (IOException | RuntimeException e) {
      return new JsonArray();
    }
  }

  /** Appends one failed attempt to errors/ID.json (rewritten whole, atomically). */
  public void recordError(SweepRun run, int attempt, String message) {
    JsonArray all = errors(run);
    JsonObject e = new JsonObject();
    e.addProperty("attempt", attempt);
    e.addProperty("time", java.time.Instant.now().toString());
    e.addProperty("error", message);
    all.add(e);
    try {
      Files.createDirectories(errorsFile(run).getParent());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    AtomicFiles.writeString(errorsFile(run), all + "\n");
  }

  /** The message of the latest failed attempt, or "" when none failed. */
  public String lastError(SweepRun run) {
    JsonArray all = errors(run);
    return all.isEmpty() ? "" : all.get(all.size() - 1).getAsJsonObject().get("error").getAsString();
  }

  private Path errorsFile(SweepRun run) {
    return out.resolve("errors").resolve(run.dirName() + ".json");
  }
}
