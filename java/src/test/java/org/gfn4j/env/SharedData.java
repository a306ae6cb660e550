package org.gfn4j.env;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.cli.Main;

/** For tests of dataset-backed environments: the shared data root, and the CLI run in-process. */
public final class SharedData {
  private SharedData() {}

  /** The nearest {@code shared/data} above the working directory holding {@code file}; the test is skipped if none. */
  public static Path root(String file) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve(file))) {
        return candidate;
      }
    }
    assumeTrue(false, "shared/data/" + file + " not found");
    return null;
  }

  /** The exit code, standard output and standard error of {@code gfn4j args...} fed {@code stdin}. */
  public static String[] cli(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }
}
