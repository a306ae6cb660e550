package org.gfn4j.env;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where dataset-backed environments look for their files when no data root is given: the
 * {@code GFN4J_DATA} environment variable, else the nearest {@code shared/data} folder at or above
 * the working directory (the project's layout), else the working directory.
 */
public final class DataRoot {
  private DataRoot() {}

  public static Path orDefault(Path dataDir) {
    if (dataDir != null) {
      return dataDir;
    }
    String env = System.getenv("GFN4J_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("");
  }
}
