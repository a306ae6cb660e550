package org.gfn4j.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One average-time JMH result of a kernel benchmark as the bandwidth table needs it: time per
 * call, and where the benchmark counts them ({@link Traffic}, {@link Elements}) time per element
 * and per byte, all in nanoseconds whatever unit the run used ({@code -tu}).
 *
 * @param benchmark class and method, without the package
 * @param params JMH parameters in the run's order
 * @param nanosPerCall the primary score
 * @param nanosPerElement the {@code elements} counter's score, NaN when not counted (or counted zero)
 * @param nanosPerByte the {@code bytes} counter's score, NaN when not counted (or counted zero)
 */
public record KernelRow(String benchmark, Map<String, String> params, double nanosPerCall, double nanosPerElement,
    double nanosPerByte) {
  private static final String COPY = CopyBenchmark.class.getSimpleName() + ".";

  public KernelRow {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Reads one entry of JMH's {@code -rf json} array; only average-time results are accepted. */
  public static KernelRow fromJson(JsonObject result) {
    String name = result.get("benchmark").getAsString();
    String mode = result.get("mode").getAsString();
    if (!mode.equals("avgt")) {
      throw new IllegalArgumentException(name + " was run in mode " + mode + "; the table needs -bm avgt");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (result.has("params")) {
      for (Map.Entry<String, JsonElement> p : result.getAsJsonObject("params").entrySet()) {
        params.put(p.getKey(), p.getValue().getAsString());
      }
    }
    JsonObject secondary = result.has("secondaryMetrics") ? result.getAsJsonObject("secondaryMetrics") : new JsonObject();
    return new KernelRow(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params,
        nanos(result.getAsJsonObject("primaryMetric")), secondary.has("elements")
            ? nanos(secondary.getAsJsonObject("elements")) : Double.NaN,
        secondary.has("bytes") ? nanos(secondary.getAsJsonObject("bytes")) : Double.NaN);
  }

  private static double nanos(JsonObject metric) {
    String unit = metric.get("scoreUnit").getAsString();
    // JMH writes a counter that stayed at zero as "+INF" (time per zero operations): not counted
    String raw = metric.get("score").getAsString();
    double score = raw.equals("+INF") || raw.equals("NaN") ? Double.NaN : Double.parseDouble(raw);
    return switch (unit) {
      case "ns/op" -> score;
      case "us/op" -> score * 1e3;
      case "ms/op" -> score * 1e6;
      case "s/op" -> score * 1e9;
      default -> throw new IllegalArgumentException("unexpected JMH unit " + unit + " (need time per operation)");
    };
  }

  public double microsPerCall() {
    return nanosPerCall / 1e3;
  }

  /** Elements each call processes (time per call over time per element); NaN when not counted. */
  public double elementsPerCall() {
    return nanosPerCall / nanosPerElement;
  }

  /** Bytes each call moves (time per call over time per byte); NaN when not counted. */
  public double bytesPerCall() {
    return nanosPerCall / nanosPerByte;
  }

  /** Achieved bandwidth in GB/s (10⁹ bytes per second, i.e. bytes per nanosecond); NaN when bytes are not counted. */
  public double gigabytesPerSecond() {
    return 1 / nanosPerByte;
  }

  public boolean countsBytes() {
    return !Double.isNaN(nanosPerByte);
  }

  /** The {@code backend} parameter; native when the benchmark has none. */
  public String backend() {
    return params.getOrDefault("backend", "NATIVE");
  }

  public boolean isCopy() {
    return benchmark.startsWith(COPY);
  }

  /** The benchmark and its parameters other than batch and backend, e.g. {@code SamplerBenchmark.sampleStep actions=5}. */
  public String label() {
    StringBuilder s = new StringBuilder(benchmark);
    params.forEach((k, v) -> {
      if (!k.equals("batch") && !k.equals("backend")) {
        s.append(' ').append(k).append('=').append(v);
      }
    });
    return s.toString();
  }
}
