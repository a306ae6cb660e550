package org.gfn4j.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress: on a terminal, one redrawn line with a bar, rate, ETA and the latest
 * metrics; otherwise plain lines at most every few seconds (logs stay readable).
 */
public final class Progress {
  private static final long LINE_PERIOD_NANOS = 5_000_000_000L;
  private final PrintStream out;
  private final boolean terminal;
  private final long total;
  private final long startNanos;
  private final long firstStep;
  private long lastPrintNanos;
  private String latest = "";

  public Progress(PrintStream out, boolean terminal, long firstStep, long total) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
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

  /** Called after each finished step (1-based count). */
  public void update(long done) {
    long now = System.nanoTime();
    boolean last = done == total;
    long period = terminal ? 200_000_000L : LINE_PERIOD_NANOS;
    if (!last && now - lastPrintNanos < period) {
      return;
    }
    lastPrintNanos = now;
    double seconds = (now - startNanos) / 1e9;
    double rate = (done - firstStep) / Math.max(seconds, 1e-9);
    double eta = rate > 0 ? (total - done) / rate : Double.NaN;
    String stats = String.format(Locale.ROOT, "%d/%d %.1f it/s eta %s%s", done, total, rate, clock(eta), latest);
    if (terminal) {
      int width = 30;
      int filled = (int) (width * done / Math.max(1, total));
      out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + stats + "\u001b[K");
      if (last) {
        out.println();
      }
    } else {
      out.println("step " + stats);
    }
    out.flush();
  }

  private static String clock(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
