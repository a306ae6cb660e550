package org.gfn4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.gfn4j.env.Environment;
import org.gfn4j.io.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gfn4j reward}: one object per stdin line in, one natural-log reward per line out. Lines
 * are scored in batches (one native call per batch); a bad line stops with its line number.
 */
@Command(name = "reward", mixinStandardHelpOptions = true, description = "Read objects from stdin (one per line), print their natural-log rewards.")
final class RewardCommand implements Runnable {
  private static final int CHUNK = 1 << 16;
  static final int MAX_LINE = 1 << 20;

  @ParentCommand Main main;

  @Mixin EnvOption envOption;

  @Override
  public void run() {
    Environment e = envOption.create();
    PrintStream out = main.io().out();
    int width = e.stateWidth();
    int[] cells = new int[CHUNK * width];
    int count = 0;
    long lineNo = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(main.io().in(), StandardCharsets.UTF_8))) {
      for (String line; (line = readLine(r, lineNo + 1)) != null; ) {
        lineNo++;
        int[] obj;
        try {
          obj = e.parseObject(line); // an empty line is an object for some environments (AMP's empty peptide)
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("line " + lineNo + ": " + Inputs.printable(ex.getMessage()), ex);
        }
        System.arraycopy(obj, 0, cells, count * width, width);
        if (++count == CHUNK) {
          flush(e, cells, count, out);
          count = 0;
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read stdin: " + ex.getMessage(), ex);
    }
    flush(e, cells, count, out);
  }

  /**
   * One line without its terminator, or null at the end; a line longer than {@link #MAX_LINE}
   * stops the command before it is held in memory (an object is a few hundred characters).
   */
  static String readLine(BufferedReader r, long lineNo) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = r.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (sb.length() == MAX_LINE) {
        throw new IllegalArgumentException("line " + lineNo + " is longer than " + MAX_LINE + " characters");
      }
      sb.append((char) c);
    }
    if (c == -1 && sb.length() == 0) {
      return null;
    }
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }

  private static void flush(Environment e, int[] cells, int count, PrintStream out) {
    if (count == 0) {
      return;
    }
    int width = e.stateWidth();
    int[] batch = count * width == cells.length ? cells : java.util.Arrays.copyOf(cells, count * width);
    StringBuilder sb = new StringBuilder(count * 20);
    for (double v : e.logRewards(batch, count)) {
      sb.append(v).append('\n');
    }
    out.print(sb);
    out.flush();
  }
}
