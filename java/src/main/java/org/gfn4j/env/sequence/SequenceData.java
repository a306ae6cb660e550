package org.gfn4j.env.sequence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.gfn4j.env.RewardModule;
import org.gfn4j.runtime.Backend;

/** Helpers shared by the sequence factories: data-file paths and backend selection. */
final class SequenceData {
  private SequenceData() {}

  /**
   * An existing file named by a spec value: absolute as given, relative against the data
   * directory ({@code dataDir}, else $GFN4J_DATA, else the working directory).
   */
  static Path file(String key, String value, Path dataDir) {
    Path p = Paths.get(value);
    if (!p.isAbsolute()) {
      Path root = dataDir;
      if (root == null) {
        String env = System.getenv("GFN4J_DATA");
        root = env == null || env.isBlank() ? Paths.get("") : Paths.get(env);
      }
      p = root.resolve(p);
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("'" + key + "': no such file " + p.toAbsolutePath().normalize());
    }
    return p;
  }

  /**
   * One-hot classes of the {@code obs} spec key: {@code onehot} (default, gfnx's MLP input) gives
   * {@code classes}, {@code tokens} (gfnx's token observation, for transformer policies) 0.
   */
  static int observationClasses(org.gfn4j.env.EnvSpec spec, int classes) {
    String obs = spec.getString("obs", "onehot");
    switch (obs) {
      case "onehot":
        return classes;
      case "tokens":
        return 0;
      default:
        throw new IllegalArgumentException("'obs' must be onehot or tokens, got '" + obs + "'");
    }
  }

  static SequenceEnvironment create(Backend backend, SequenceEnvironment.Definition definition, RewardModule reward) {
    return backend == Backend.JAVA ? new JavaSequence(definition, reward) : new NativeSequence(definition, reward);
  }
}
