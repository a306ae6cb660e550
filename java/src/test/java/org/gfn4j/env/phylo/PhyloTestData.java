package org.gfn4j.env.phylo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared data root (../shared/data above the working directory), for the phylo tests. */
final class PhyloTestData {
  private PhyloTestData() {}

  /** The nearest {@code shared/data} holding phylo/DS1.json above the working directory; skipped if none. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("phylo").resolve("DS1.json"))) {
        return candidate;
      }
    }
    assumeTrue(false, "shared/data/phylo not found");
    return null;
  }
}
