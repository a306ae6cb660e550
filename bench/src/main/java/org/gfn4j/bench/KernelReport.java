package org.gfn4j.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's {@code -rf json} output of the kernel benchmarks into one Markdown table: per
 * benchmark and batch, the bytes each call moves and, for every backend, µs per call, ns per
 * element, the achieved GB/s and its share of the copy benchmark's GB/s from the same run (the
 * {@link CopyBenchmark} of the same backend whose bytes per call are nearest on a log scale, so a
 * kernel that fits in a cache level is held against a copy that fits there too).
 * Run: {@code java -cp bench/target/benchmarks.jar org.gfn4j.bench.KernelReport result.json...}
 */
public final class KernelReport {
  private static final List<String> BACKEND_ORDER = List.of("NATIVE", "JAVA");

  private KernelReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: KernelReport <jmh-result.json>... (from java -jar benchmarks.jar -rf json -rff FILE)");
      System.exit(2);
    }
    List<KernelRow> rows = new ArrayList<>();
    for (String a : args) {
      try (Reader r = Files.newBufferedReader(Path.of(a))) {
        rows.addAll(parse(r));
      } catch (IOException | RuntimeException e) {
        System.err.println("cannot read JMH results from " + a + ": " + e.getMessage());
        System.exit(2);
      }
    }
    System.out.print(table(rows));
  }

  /** Every result of one JMH json file. */
  public static List<KernelRow> parse(Reader json) {
    List<KernelRow> rows = new ArrayList<>();
    for (JsonElement e : JsonParser.parseReader(json).getAsJsonArray()) {
      rows.add(KernelRow.fromJson(e.getAsJsonObject()));
    }
    return rows;
  }

  /** The copy of {@code row}'s backend whose bytes per call are nearest to {@code row}'s, or null. */
  public static KernelRow referenceCopy(KernelRow row, List<KernelRow> rows) {
    KernelRow best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (KernelRow c : rows) {
      if (c.isCopy() && c.countsBytes() && c.backend().equals(row.backend())) {
        double d = Math.abs(Math.log(c.bytesPerCall() / row.bytesPerCall()));
        if (d < bestDistance) {
          best = c;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** {@code row}'s GB/s over its reference copy's; NaN without bytes or without a copy. */
  public static double shareOfCopy(KernelRow row, List<KernelRow> rows) {
    KernelRow copy = row.countsBytes() ? referenceCopy(row, rows) : null;
    return copy == null ? Double.NaN : row.gigabytesPerSecond() / copy.gigabytesPerSecond();
  }

  /** The Markdown table: one line per benchmark, parameters and batch, the backends side by side. */
  public static String table(List<KernelRow> rows) {
    Map<String, Map<String, KernelRow>> lines = new LinkedHashMap<>();
    List<String> backends = new ArrayList<>();
    for (KernelRow r : rows) {
      lines.computeIfAbsent(r.label() + '\0' + batch(r), k -> new LinkedHashMap<>()).put(r.backend(), r);
      if (!backends.contains(r.backend())) {
        backends.add(r.backend());
      }
    }
    backends.sort((a, b) -> Integer.compare(rank(a), rank(b)));
    StringBuilder s = new StringBuilder("| benchmark | batch | bytes/call |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (String b : backends) {
      String name = b.charAt(0) + b.substring(1).toLowerCase(Locale.ROOT);
      s.append(String.format(" %1$s µs/call | %1$s ns/element | %1$s GB/s | %1$s %% of copy |", name));
      rule.append("---|---|---|---|");
    }
    s.append('\n').append(rule).append('\n');
    for (Map<String, KernelRow> line : lines.values()) {
      KernelRow first = line.values().iterator().next();
      s.append("| ").append(first.label()).append(" | ").append(batch(first)).append(" | ");
      s.append(line.values().stream().filter(KernelRow::countsBytes).findFirst()
          .map(r -> bytes(r.bytesPerCall())).orElse("")).append(" |");
      for (String b : backends) {
        KernelRow r = line.get(b);
        if (r == null) {
          s.append(" | | | |");
          continue;
        }
        double share = shareOfCopy(r, rows);
        s.append(' ').append(number(r.microsPerCall())).append(" | ").append(number(r.nanosPerElement()))
            .append(" | ").append(r.countsBytes() ? number(r.gigabytesPerSecond()) : "").append(" | ")
            .append(percent(share)).append(" |");
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static int rank(String backend) {
    int i = BACKEND_ORDER.indexOf(backend);
    return i < 0 ? BACKEND_ORDER.size() : i;
  }

  private static String batch(KernelRow r) {
    String b = r.params().get("batch");
    return b != null ? grouped(Long.parseLong(b)) : Double.isNaN(r.elementsPerCall()) ? ""
        : grouped(Math.round(r.elementsPerCall()));
  }

  /** Three significant digits, thousands grouped with a space as in the README. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Math.abs(v) >= 100) {
      return grouped(Math.round(v));
    }
    int decimals = Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : Math.abs(v) >= 0.1 ? 3 : 4;
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** Whole percent from 10% up, one decimal below (compute-bound kernels sit well under 1%). */
  static String percent(double share) {
    if (Double.isNaN(share)) {
      return "";
    }
    double p = 100 * share;
    return String.format(Locale.ROOT, p >= 9.95 ? "%.0f%%" : "%.1f%%", p);
  }

  /** Decimal units (kB = 1 000 bytes), three significant digits. */
  static String bytes(double v) {
    String[] units = {"B", "kB", "MB", "GB"};
    int u = 0;
    while (u < units.length - 1 && Math.round(v) >= 1000) {
      v /= 1000;
      u++;
    }
    return (u == 0 ? grouped(Math.round(v)) : number(v)) + " " + units[u];
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }
}
