package org.gfn4j.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: root of dataset-backed environments. Default: $GFN4J_DATA, else
 * ../shared/data next to the repository (the launcher passes the repository as gfn4j.home).
 */
final class DataOption {
  @Option(names = "--data", paramLabel = "DIR", description = "dataset root (default: $GFN4J_DATA, else ../shared/data next to the repository)")
  Path data;

  Path resolve() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("GFN4J_DATA");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    String home = System.getProperty("gfn4j.home", ".");
    return Paths.get(home).toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
  }
}
