package org.gfn4j.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: the dataset root, the directory that holds the files of dataset-backed
 * environments. Default: $GFN4J_DATA; a source checkout run through the launcher (which passes
 * the repository as gfn4j.home) also looks in shared/data beside it.
 */
final class DataOption {
  @Option(names = "--data", paramLabel = "DIR", description = "dataset root: the directory holding the data files of dataset environments (default: $GFN4J_DATA)")
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
