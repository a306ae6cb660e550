// Private temporary directories that do not outlive their process.
package org.gfn4j.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories named after the owning process ({@code gfn4j-policy-<pid>-...}) and
 * removed on close, at JVM exit (normal exit, Ctrl-C and SIGTERM run the shutdown hook) and,
 * for a process killed outright, by the next gfn4j process that creates one: it deletes the
 * directories whose owner no longer runs.
 */
final class TempDirs {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  private TempDirs() {}

  /** A fresh directory under java.io.tmpdir named {@code prefix<pid>-<random>}. */
  static Path create(String prefix) {
    hook();
    Path root = Path.of(System.getProperty("java.io.tmpdir"));
    sweep(root, prefix);
    try {
      Path dir = Files.createTempDirectory(root, prefix + ProcessHandle.current().pid() + "-");
      LIVE.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory in " + root, e);
    }
  }

  /** Deletes {@code dir} and everything in it (best effort). */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the sweep of the next process removes what is left.
    }
    LIVE.remove(dir);
  }

  private static synchronized void hook() {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : LIVE.toArray(new Path[0])) {
          delete(p);
        }
      }, "gfn4j-temp-cleanup"));
      hooked = true;
    }
  }

  /** Deletes {@code prefix<pid>-*} directories whose process is gone. */
  static void sweep(Path root, String prefix) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, prefix + "*")) {
      for (Path d : dirs) {
        String rest = d.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || !rest.substring(0, dash).matches("[0-9]{1,18}")) {
          continue;
        }
        long pid = Long.parseLong(rest.substring(0, dash));
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty() && Files.isDirectory(d)) {
          delete(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: another process may be sweeping at the same time.
    }
  }
}
