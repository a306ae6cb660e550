package org.gfn4j.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress: on a terminal, one redrawn line (bar, rate, ETA, evaluations left and the
 * latest metrics) cut to the terminal's width so it never wraps; otherwise plain lines at most
 * every few seconds, without escape codes (logs stay readable).
 */
public final class Progress {
  /** Width assumed when the terminal does not say. */
  public static final int DEFAULT_COLUMNS = 80;
  private static final long LINE_PERIOD_NANOS = 5_000_000_000L;
  private static final int MAX_BAR = 30;
  private final PrintStream out;
  private final boolean terminal;
  private final int columns;
  private final long total;
  private final long evalEvery;
  private final long startNanos;
  private final long firstStep;
  private long lastPrintNanos;
  private String latest = "";

  /**
   * Progress of steps {@code firstStep + 1 .. total} with an evaluation every {@code evalEvery}
   * steps and at the last; {@code columns} is the terminal's width (ignored off a terminal).
   */
  public Progress(PrintStream out, boolean terminal, int columns, long firstStep, long total, long evalEvery) {
    this.out = out;
    this.terminal = terminal;
    this.columns = Math.max(20, columns);
    this.total = total;
    this.evalEvery = Math.max(1, evalEvery);
    this.firstStep = firstStep;
    this.startNanos = System.nanoTime();
    this.lastPrintNanos = startNanos;
  }

  /** Remembers the metrics shown next to the bar. */
  public void metrics(Map<String, Double> values, String... keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      Double v = values.get(k);
      if (v != null && Double.isFinite(v)) {
        sb.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v));
      }
    }
    latest = sb.toString();
  }

  /** Evaluations still to run after {@code done} steps (every evalEvery steps, and at the last step). */
  long evaluationsLeft(long done) {
    long left = total / evalEvery - done / evalEvery;
    return total % evalEvery != 0 && done < total ? left + 1 : left;
  }

  /** Called after each finished step (1-based count). */
  public void update(long done) {
    long now = System.nanoTime();
    boolean last = done == total;
    long period = terminal ? 200_000_000L : LINE_PERIOD_NANOS;
    if (!last && now - lastPrintNanos < period) {
      return;
    }
    lastPrintNanos = now;
    out.print(line(done, (now - startNanos) / 1e9));
    out.flush();
  }

  /** The text drawn after {@code done} steps and {@code seconds} of this segment. */
  String line(long done, double seconds) {
    double rate = (done - firstStep) / Math.max(seconds, 1e-9);
    double eta = rate > 0 ? (total - done) / rate : Double.NaN;
    String core = String.format(Locale.ROOT, "%d/%d %.1f it/s eta %s evals left %d", done, total, rate,
        clock(eta), evaluationsLeft(done));
    if (!terminal) {
      return "step " + core + latest + System.lineSeparator();
    }
    // One column spare so the cursor never wraps; the counts come first, then the bar (if at least
    // 10 wide fits), then as many metrics as fit.
    int room = columns - 1;
    int bar = Math.min(MAX_BAR, room - core.length() - 3);
    StringBuilder sb = new StringBuilder();
    if (bar >= 10) {
      int filled = (int) (bar * done / Math.max(1, total));
      sb.append('[').append("#".repeat(filled)).append("-".repeat(bar - filled)).append("] ");
    }
    sb.append(core).append(latest);
    String text = sb.length() > room ? sb.substring(0, room) : sb.toString();
    return "\r" + text + "\u001b[K" + (done == total ? System.lineSeparator() : "");
  }

  private static String clock(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
