package org.gfn4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KernelReportTest {
  /** One JMH json result; a negative secondary score leaves that counter out. */
  private static String result(String name, String params, String unit, double perCall, double perElement,
      double perByte) {
    StringBuilder secondary = new StringBuilder();
    if (perElement >= 0) {
      secondary.append(metric("elements", unit, perElement));
    }
    if (perByte >= 0) {
      secondary.append(secondary.length() > 0 ? "," : "").append(metric("bytes", unit, perByte));
    }
    return String.format(Locale.ROOT, "{\"benchmark\":\"org.gfn4j.bench.%s\",\"mode\":\"avgt\",\"params\":{%s},"
        + "\"primaryMetric\":{\"score\":%s,\"scoreUnit\":\"%s\"},\"secondaryMetrics\":{%s}}",
        name, params, perCall, unit, secondary);
  }

  private static String metric(String name, String unit, double score) {
    return String.format(Locale.ROOT, "\"%s\":{\"score\":%s,\"scoreUnit\":\"%s\"}", name, score, unit);
  }

  /**
   * Copies: native 2 kB per call at 20 GB/s and 2 MB at 8 GB/s, Java 2 MB at 4 GB/s. Kernels:
   * 16 elements and 4 kB per call in 2 µs natively (2 GB/s) and 4 µs in Java (1 GB/s); 16 MB per
   * call in 4 ms natively (4 GB/s); a policy call that counts elements only.
   */
  private static final String RUN = "[" + String.join(",",
      result("CopyBenchmark.copy", "\"size\":\"1000\",\"backend\":\"NATIVE\"", "ns/op", 100, 0.1, 0.05),
      result("CopyBenchmark.copy", "\"size\":\"1000000\",\"backend\":\"NATIVE\"", "ns/op", 250_000, 0.25, 0.125),
      result("CopyBenchmark.copy", "\"size\":\"1000000\",\"backend\":\"JAVA\"", "ns/op", 500_000, 0.5, 0.25),
      result("SamplerBenchmark.sampleStep", "\"batch\":\"16\",\"actions\":\"5\",\"backend\":\"NATIVE\"", "us/op",
          2.0, 0.125, 0.0005),
      result("SamplerBenchmark.sampleStep", "\"batch\":\"16\",\"actions\":\"5\",\"backend\":\"JAVA\"", "us/op",
          4.0, 0.25, 0.001),
      result("SamplerBenchmark.sampleStep", "\"batch\":\"65536\",\"actions\":\"5\",\"backend\":\"NATIVE\"",
          "ms/op", 4.0, 4.0 / 65536, 4.0 / 16e6),
      result("PolicyBench.forward", "\"arch\":\"mlp\",\"batch\":\"16\",\"threads\":\"1\"", "us/op", 40, 2.5, -1))
      + "]";

  private static List<KernelRow> rows() {
    return KernelReport.parse(new StringReader(RUN));
  }

  @Test
  void perCallCountsFollowFromTheTimeRatios() {
    KernelRow r = rows().get(3);
    assertEquals("SamplerBenchmark.sampleStep actions=5", r.label());
    assertEquals(2.0, r.microsPerCall(), 1e-12);
    assertEquals(125.0, r.nanosPerElement(), 1e-9);
    assertEquals(16.0, r.elementsPerCall(), 1e-9);
    assertEquals(4000.0, r.bytesPerCall(), 1e-6);
    assertEquals(2.0, r.gigabytesPerSecond(), 1e-12);
    KernelRow big = rows().get(5);
    assertEquals(4000.0, big.microsPerCall(), 1e-9);
    assertEquals(16e6, big.bytesPerCall(), 1e-3);
    assertEquals(4.0, big.gigabytesPerSecond(), 1e-12);
  }

  @Test
  void kernelsAreHeldAgainstTheCopyOfTheirBackendNearestInSize() {
    List<KernelRow> rows = rows();
    assertSame(rows.get(0), KernelReport.referenceCopy(rows.get(3), rows));
    assertSame(rows.get(1), KernelReport.referenceCopy(rows.get(5), rows));
    assertSame(rows.get(2), KernelReport.referenceCopy(rows.get(4), rows));
    assertEquals(0.1, KernelReport.shareOfCopy(rows.get(3), rows), 1e-12);
    assertEquals(0.5, KernelReport.shareOfCopy(rows.get(5), rows), 1e-12);
    assertEquals(0.25, KernelReport.shareOfCopy(rows.get(4), rows), 1e-12);
    assertTrue(Double.isNaN(KernelReport.shareOfCopy(rows.get(6), rows)));
    assertFalse(rows.get(6).countsBytes());
  }

  @Test
  void tablePutsBackendsSideBySide() {
    String[] lines = KernelReport.table(rows()).split("\n");
    // header, rule, two copy sizes, the sampler at two batches, the policy
    assertEquals(7, lines.length);
    assertTrue(lines[0].indexOf("Native GB/s") < lines[0].indexOf("Java GB/s"));
    assertEquals("| SamplerBenchmark.sampleStep actions=5 | 16 | 4.00 kB | 2.00 | 125 | 2.00 | 10% "
        + "| 4.00 | 250 | 1.00 | 25% |", lines[4]);
    assertEquals("| CopyBenchmark.copy size=1000000 | 1 000 000 | 2.00 MB | 250 | 0.250 | 8.00 | 100% "
        + "| 500 | 0.500 | 4.00 | 100% |", lines[3]);
    assertTrue(lines[6].startsWith("| PolicyBench.forward arch=mlp threads=1 | 16 |  | 40.0 | 2 500 |  |  |"), lines[6]);
  }

  @Test
  void smallSharesKeepOneDecimal() {
    assertEquals("0.4%", KernelReport.percent(0.004));
    assertEquals("9.9%", KernelReport.percent(0.0994));
    assertEquals("10%", KernelReport.percent(0.0999));
    assertEquals("58%", KernelReport.percent(0.5812));
    assertEquals("", KernelReport.percent(Double.NaN));
  }

  @Test
  void aCounterLeftAtZeroCountsAsAbsent() {
    String run = "[" + result("PolyakBenchmark.update", "\"backend\":\"NATIVE\"", "ns/op", 10, 1, 7)
        .replace("\"score\":7.0", "\"score\":\"+INF\"") + "]";
    KernelRow r = KernelReport.parse(new StringReader(run)).get(0);
    assertFalse(r.countsBytes());
    assertEquals(10.0, r.elementsPerCall(), 1e-12);
  }

  @Test
  void onlyAverageTimeResultsAreAccepted() {
    String run = "[" + result("CopyBenchmark.copy", "", "ns/op", 1, 1, 1).replace("avgt", "thrpt") + "]";
    assertThrows(IllegalArgumentException.class, () -> KernelReport.parse(new StringReader(run)));
  }
}
