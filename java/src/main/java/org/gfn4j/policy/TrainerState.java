// The JSON half of a saved trainer: spec, optimizer settings, learning rate, logZ state.
package org.gfn4j.policy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A saved trainer directory holds {@code checkpoint} (ORT: parameters, Adam moments, step) and
 * {@code trainer.json} (this record). The graphs are rebuilt from the spec on resume;
 * {@code graphVersion} guards against a library whose graphs (parameter names) changed.
 */
record TrainerState(
    int format,
    int graphVersion,
    String spec,
    OptimizerConfig optimizer,
    long seed,
    double learningRate,
    long steps,
    LogZ.State logZ) {

  static final int FORMAT = 1;
  /** Bump when parameter names, order or graph semantics change. */
  static final int GRAPH_VERSION = 1;
  static final String JSON = "trainer.json";
  static final String CHECKPOINT = "checkpoint";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  void write(Path dir) {
    try {
      Files.writeString(dir.resolve(JSON), GSON.toJson(this), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(JSON), e);
    }
  }

  static TrainerState read(Path dir) {
    Path file = dir.resolve(JSON);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PolicyArtifactException("not a saved trainer: " + file + " does not exist");
    } catch (IOException e) {
      throw new PolicyArtifactException("cannot read " + file + ": " + e.getMessage(), e);
    }
    TrainerState s;
    try {
      s = GSON.fromJson(text, TrainerState.class);
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new PolicyArtifactException("corrupt " + file + ": " + e.getMessage(), e);
    }
    if (s == null || s.spec() == null || s.optimizer() == null) {
      throw new PolicyArtifactException("corrupt " + file + ": missing fields");
    }
    if (s.format() != FORMAT || s.graphVersion() != GRAPH_VERSION) {
      throw new PolicyArtifactException(file + " has format " + s.format() + "/graph version " + s.graphVersion()
          + "; this library reads " + FORMAT + "/" + GRAPH_VERSION);
    }
    return s;
  }

  PolicySpec policySpec(Path dir) {
    try {
      return PolicySpec.fromJson(spec);
    } catch (IllegalArgumentException e) {
      throw new PolicyArtifactException("corrupt policy spec in " + dir.resolve(JSON) + ": " + e.getMessage(), e);
    }
  }
}
