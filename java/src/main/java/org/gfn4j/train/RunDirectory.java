package org.gfn4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gfn4j.io.AtomicFiles;

/**
 * The files of a training run: config.json, metrics.jsonl (one evaluation per line),
 * summary.json, policy.onnx, plots and a resumable checkpoint/ directory (with the one before it
 * as checkpoint.old). Every file is written atomically; a checkpoint directory is replaced as a
 * whole. A process that writes a run holds an OS lock on its .lock file for the whole run.
 */
public final class RunDirectory implements AutoCloseable {
  static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
  private static final Gson PRETTY =
      new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().setPrettyPrinting().create();
  public static final String CONFIG = "config.json";
  public static final String METRICS = "metrics.jsonl";
  public static final String SUMMARY = "summary.json";
  public static final String POLICY = "policy.onnx";
  public static final String CHECKPOINT = "checkpoint";
  public static final String CHECKPOINT_OLD = "checkpoint.old";
  static final String LOCK = ".lock";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final boolean created;
  private FileChannel lockChannel;
  private FileLock lock;
  private boolean createdLockFile;

  private RunDirectory(Path dir, boolean created) {
    this.dir = dir;
    this.created = created;
  }

  /**
   * A new run in {@code dir}: it must be creatable and writable and hold no run yet. A run that
   * stopped before its first checkpoint (config.json but no checkpoint) counts as no run.
   */
  public static RunDirectory create(Path dir) {
    boolean created;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
      }
      if (Files.exists(dir.resolve(CONFIG)) && hasCheckpoint(dir)) {
        throw new IllegalArgumentException("--out " + dir + " already holds a run (use --resume " + dir + " or another --out)");
      }
      created = !Files.exists(dir);
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + dir + " is not writable: " + CheckpointManifest.describe(e));
    }
    return new RunDirectory(dir, created);
  }

  /**
   * A new run directory {@code parent/prefix-<time>-<random>} that no other run shares, even one
   * started in the same second (the name is claimed by creating the directory).
   */
  public static RunDirectory createUnique(Path parent, String prefix) {
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    try {
      Files.createDirectories(parent);
      for (int attempt = 0; ; attempt++) {
        Path dir = parent.resolve(prefix + "-" + time + "-" + String.format("%04x", RANDOM.nextInt(1 << 16)));
        try {
          Files.createDirectory(dir);
          return new RunDirectory(dir, true);
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create a run directory in " + parent + ": "
          + CheckpointManifest.describe(e));
    }
  }

  /** An existing run (for --resume and sample). */
  public static RunDirectory open(Path dir) {
    if (!Files.isRegularFile(dir.resolve(CONFIG))) {
      throw new IllegalArgumentException(dir + " is not a gfn4j run directory (no " + CONFIG + ")");
    }
    return new RunDirectory(dir, false);
  }

  static boolean hasCheckpoint(Path dir) {
    return Files.isDirectory(dir.resolve(CHECKPOINT)) || Files.isDirectory(dir.resolve(CHECKPOINT_OLD));
  }

  /**
   * Takes the OS lock that makes this process the run's only writer; IllegalArgumentException
   * when another process (or another run in this JVM) holds it.
   */
  public RunDirectory lock() {
    String busy = dir + " is in use by another gfn4j train (one writer per run directory)";
    try {
      createdLockFile = !Files.exists(dir.resolve(LOCK));
      lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        lockChannel = null;
        throw new IllegalArgumentException(busy);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot lock " + dir.resolve(LOCK) + ": " + CheckpointManifest.describe(e));
    }
    return this;
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException ignored) {
      // the OS drops the lock with the process anyway
    }
    lock = null;
    lockChannel = null;
  }

  /** Releases the lock and removes the lock file if taking the lock created it (a failed resume leaves no trace). */
  void closeUnchanged() {
    close();
    if (createdLockFile) {
      try {
        Files.deleteIfExists(dir.resolve(LOCK));
      } catch (IOException ignored) {
        // an empty lock file is harmless
      }
    }
  }

  /**
   * Undoes a run that failed before its first checkpoint: removes the files it wrote, and the
   * directory when this run created it, so a plain re-run starts cleanly.
   */
  void abandon() {
    if (hasCheckpoint(dir)) {
      return;
    }
    try {
      for (String f : new String[] {CONFIG, METRICS, CHECKPOINT + ".tmp"}) {
        deleteTree(dir.resolve(f));
      }
      close();
      Files.deleteIfExists(dir.resolve(LOCK));
      if (created) {
        try (Stream<Path> rest = Files.list(dir)) {
          if (rest.findAny().isEmpty()) {
            Files.delete(dir);
          }
        }
      }
    } catch (IOException ignored) {
      // best effort: what is left is a run without checkpoint, which a re-run accepts
    }
  }

  public Path path() {
    return dir;
  }

  public Path resolve(String name) {
    return dir.resolve(name);
  }

  void writeConfig(TrainConfig config) {
    AtomicFiles.writeString(dir.resolve(CONFIG), config.toJson() + "\n");
  }

  public TrainConfig readConfig() {
    try {
      return TrainConfig.fromJson(Files.readString(dir.resolve(CONFIG)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + dir.resolve(CONFIG) + ": " + e.getMessage());
    }
  }

  /** Rewrites metrics.jsonl with every evaluation so far (small; keeps the file whole). */
  void writeMetrics(List<JsonObject> records) {
    StringBuilder sb = new StringBuilder();
    for (JsonObject r : records) {
      sb.append(GSON.toJson(r)).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(METRICS), sb.toString());
  }

  List<JsonObject> readMetrics() {
    Path p = dir.resolve(METRICS);
    List<JsonObject> out = new ArrayList<>();
    if (!Files.exists(p)) {
      return out;
    }
    try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
      lines.filter(l -> !l.isBlank()).forEach(l -> {
        JsonObject r = GSON.fromJson(l, JsonObject.class);
        if (r == null || !r.has("step") || !r.get("step").isJsonPrimitive()) {
          throw new IllegalArgumentException("a line has no step");
        }
        r.get("step").getAsLong();
        out.add(r);
      });
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + CheckpointManifest.describe(e));
    }
    return out;
  }

  static void writeJson(Path file, JsonObject o) {
    AtomicFiles.writeString(file, PRETTY.toJson(o) + "\n");
  }

  /**
   * Builds a complete checkpoint in a temporary directory, then swaps it in as checkpoint/; the
   * checkpoint it replaces stays as checkpoint.old, the fallback when checkpoint/ is damaged.
   */
  void replaceCheckpoint(CheckpointWriter writer) {
    Path fresh = dir.resolve(CHECKPOINT + ".tmp");
    Path old = dir.resolve(CHECKPOINT_OLD);
    try {
      deleteTree(fresh);
      Files.createDirectories(fresh);
      writer.write(fresh);
      if (Files.exists(dir.resolve(CHECKPOINT))) {
        deleteTree(old);
        Files.move(dir.resolve(CHECKPOINT), old);
      }
      AtomicFiles.moveIntoPlace(fresh, dir.resolve(CHECKPOINT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes checkpoint files into a directory. */
  @FunctionalInterface
  interface CheckpointWriter {
    void write(Path dir) throws IOException;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(q);
      }
    }
  }

  static void writeInts(Path file, int[] values) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(values.length);
      for (int v : values) {
        out.writeInt(v);
      }
    }
  }

  static int[] readInts(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      return readInts(new java.io.BufferedInputStream(raw), Files.size(file), file.getFileName().toString());
    }
  }

  /** The ints of a file of {@code bytes} bytes written by writeInts; IOException if it is not one. */
  static int[] readInts(InputStream raw, long bytes, String name) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    int n = length(in, bytes, 4, name);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readInt();
    }
    return out;
  }

  static void writeDoubles(Path file, double[] values) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(values.length);
      for (double v : values) {
        out.writeDouble(v);
      }
    }
  }

  static double[] readDoubles(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      return readDoubles(new java.io.BufferedInputStream(raw), Files.size(file), file.getFileName().toString());
    }
  }

  /** The doubles of a file of {@code bytes} bytes written by writeDoubles; IOException if it is not one. */
  static double[] readDoubles(InputStream raw, long bytes, String name) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    int n = length(in, bytes, 8, name);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readDouble();
    }
    return out;
  }

  /** The announced element count, checked against the file size before anything is allocated. */
  private static int length(DataInputStream in, long bytes, int width, String name) throws IOException {
    if (bytes < 4) {
      throw new IOException(name + " is corrupt: " + bytes + " bytes");
    }
    int n = in.readInt();
    if (n < 0 || 4 + (long) n * width != bytes) {
      throw new IOException(name + " is corrupt: it announces " + n + " values in " + bytes + " bytes");
    }
    return n;
  }

  static JsonObject toJson(Map<String, ?> values) {
    return GSON.toJsonTree(values).getAsJsonObject();
  }
}
