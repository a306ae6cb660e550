package org.gfn4j.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gfn4j.train.Progress;

/**
 * Whether stderr is a terminal, and how wide it is. Java only reports a console when stdin and
 * stdout are terminals, so stderr is judged by what file descriptor 2 points at (Linux); the
 * width comes from $COLUMNS, else {@code stty size} on /dev/tty, else 80.
 */
final class Terminal {
  private Terminal() {}

  /** True when file descriptor 2 is a terminal device. */
  static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      return isTerminalDevice(target.toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty");
  }

  /** Columns of the terminal. */
  static int columns() {
    Integer fromEnv = parseColumns(System.getenv("COLUMNS"));
    if (fromEnv != null) {
      return fromEnv;
    }
    Integer fromStty = stty();
    return fromStty != null ? fromStty : Progress.DEFAULT_COLUMNS;
  }

  /** A positive width from text like "120", or null. */
  static Integer parseColumns(String text) {
    if (text == null || !text.trim().matches("[0-9]{1,5}")) {
      return null;
    }
    int n = Integer.parseInt(text.trim());
    return n > 0 ? n : null;
  }

  private static Integer stty() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return null;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return p.exitValue() == 0 && parts.length == 2 ? parseColumns(parts[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
