package org.gfn4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gfn4j.io.AtomicFiles;

/**
 * The files of a training run: config.json, metrics.jsonl (one evaluation per line),
 * summary.json, policy.onnx, plots and a resumable checkpoint/ directory. Every file is written
 * atomically; the checkpoint directory is replaced as a whole.
 */
public final class RunDirectory {
  static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
  private static final Gson PRETTY =
      new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().setPrettyPrinting().create();
  public static final String CONFIG = "config.json";
  public static final String METRICS = "metrics.jsonl";
  public static final String SUMMARY = "summary.json";
  public static final String POLICY = "policy.onnx";
  public static final String CHECKPOINT = "checkpoint";

  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** A new run in {@code dir}: it must be creatable and writable and hold no run yet. */
  public static RunDirectory create(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
      }
      if (Files.exists(dir.resolve(CONFIG))) {
        throw new IllegalArgumentException("--out " + dir + " already holds a run (use --resume " + dir + " or another --out)");
      }
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + dir + " is not writable: " + e.getMessage());
    }
    return new RunDirectory(dir);
  }

  /** An existing run (for --resume and sample). */
  public static RunDirectory open(Path dir) {
    if (!Files.isRegularFile(dir.resolve(CONFIG))) {
      throw new IllegalArgumentException(dir + " is not a gfn4j run directory (no " + CONFIG + ")");
    }
    return new RunDirectory(dir);
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
      lines.filter(l -> !l.isBlank()).forEach(l -> out.add(GSON.fromJson(l, JsonObject.class)));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
    }
    return out;
  }

  static void writeJson(Path file, JsonObject o) {
    AtomicFiles.writeString(file, PRETTY.toJson(o) + "\n");
  }

  /** Builds a complete checkpoint in a temporary directory, then swaps it in as checkpoint/. */
  void replaceCheckpoint(CheckpointWriter writer) {
    Path fresh = dir.resolve(CHECKPOINT + ".tmp");
    Path old = dir.resolve(CHECKPOINT + ".old");
    try {
      deleteTree(fresh);
      Files.createDirectories(fresh);
      writer.write(fresh);
      deleteTree(old);
      if (Files.exists(dir.resolve(CHECKPOINT))) {
        Files.move(dir.resolve(CHECKPOINT), old);
      }
      AtomicFiles.moveIntoPlace(fresh, dir.resolve(CHECKPOINT));
      deleteTree(old);
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
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      int n = in.readInt();
      if (n < 0 || n > (1 << 28)) {
        throw new IOException("corrupt array length " + n + " in " + file);
      }
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = in.readInt();
      }
      return out;
    }
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
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      int n = in.readInt();
      if (n < 0 || n > (1 << 28)) {
        throw new IOException("corrupt array length " + n + " in " + file);
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = in.readDouble();
      }
      return out;
    }
  }

  static JsonObject toJson(Map<String, ?> values) {
    return GSON.toJsonTree(values).getAsJsonObject();
  }
}
