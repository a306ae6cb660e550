package org.gfn4j.env.dag;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared data root (../shared/data above the working directory), for the DAG tests. */
final class TestData {
  private TestData() {}

  /** The nearest {@code shared/data} above the working directory; the test is skipped if none. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("dag").resolve(DagConfig.DEFAULT_DATA))) {
        return candidate;
      }
    }
    assumeTrue(false, "shared/data with " + DagConfig.DEFAULT_DATA + " not found");
    return null;
  }

  static DagData defaultData() {
    return DagData.read(root().resolve("dag").resolve(DagConfig.DEFAULT_DATA));
  }
}
