package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line fits the terminal, counts the evaluations left, and stays plain off a terminal. */
class ProgressTest {
  private static final PrintStream SINK = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  /** The visible text of a terminal line: without the carriage return, erase code and newline. */
  private static String visible(String line) {
    return line.replace("\r", "").replace("\u001b[K", "").replace(System.lineSeparator(), "");
  }

  @Test
  void theTerminalLineFitsItsWidthWithoutWrapping() {
    for (int columns : new int[] {20, 40, 80, 120, 200}) {
      Progress p = new Progress(SINK, true, columns, 0, 62_500, 500);
      p.metrics(Map.of("loss", 123.456, "exact_tv", 0.5, "approx_tv", 0.25, "elbo", -1.5, "log_z_learned", 3.0),
          "loss", "exact_tv", "approx_tv", "elbo", "log_z_learned");
      for (long done : new long[] {1, 31_250, 62_500}) {
        String text = visible(p.line(done, 12_345.6));
        assertTrue(text.length() < columns, columns + " columns: " + text.length() + " '" + text + "'");
        assertFalse(text.contains("\n"));
      }
    }
  }

  @Test
  void aWideTerminalShowsTheBarAndEveryFieldInFull() {
    Progress p = new Progress(SINK, true, 200, 0, 1000, 100);
    p.metrics(Map.of("loss", 2.0), "loss");
    String text = visible(p.line(500, 10));
    assertTrue(text.startsWith("[###############---------------] 500/1000"), text);
    assertTrue(text.endsWith("evals left 5 loss=2.000"), text);
  }

  @Test
  void evaluationsLeftCountThePeriodicOnesAndTheLast() {
    Progress p = new Progress(SINK, false, 80, 0, 1050, 100);
    assertEquals(11, p.evaluationsLeft(0)); // 100..1000 and 1050
    assertEquals(11, p.evaluationsLeft(99));
    assertEquals(10, p.evaluationsLeft(100));
    assertEquals(1, p.evaluationsLeft(1000));
    assertEquals(0, p.evaluationsLeft(1050));
    Progress even = new Progress(SINK, false, 80, 200, 1000, 100);
    assertEquals(8, even.evaluationsLeft(200));
    assertEquals(0, even.evaluationsLeft(1000));
  }

  @Test
  void offATerminalLinesArePlainText() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8), false, 80, 0, 3, 1);
    for (int i = 1; i <= 3; i++) {
      p.update(i);
    }
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(s.contains("step 3/3") && s.contains("evals left 0"), s);
    assertFalse(s.contains("\u001b") || s.contains("\r"), s);
  }
}
