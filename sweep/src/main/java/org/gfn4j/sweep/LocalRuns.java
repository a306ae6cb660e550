package org.gfn4j.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.io.AtomicFiles;

/** A sweep directory on a file system every executor sees at the same path (local disk, NFS, ...). */
final class LocalRuns extends RunStore {
  private static final long serialVersionUID = 1L;
  private final String out;

  LocalRuns(Path out) {
    this.out = out.toString();
  }

  Path out() {
    return Path.of(out);
  }

  @Override
  String read(String relative) throws IOException {
    Path p = out().resolve(relative);
    return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
  }

  @Override
  void write(String relative, String text) {
    AtomicFiles.writeString(out().resolve(relative), text);
  }

  @Override
  Path checkout(SweepRun run) {
    return out().resolve("runs").resolve(run.dirName());
  }

  @Override
  void commit(SweepRun run, Path local) {}

  @Override
  Path resultsDir() {
    return out();
  }

  @Override
  void publish(Path resultsDir) {}

  @Override
  Path sparkLog() {
    return out().resolve("spark.log");
  }

  @Override
  public String toString() {
    return out;
  }
}
