package org.gfn4j.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gfn4j.runtime.Backend;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every native-vs-Java kernel benchmark shares (JMH's class annotations and
 * parameters are inherited): average time per call in µs, one fork with native access, 3 + 5
 * one-second iterations, and the {@code backend} parameter running the native kernel and its Java
 * twin; and where their data sets live.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class KernelBenchmark {
  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  /** The data directory: $GFN4J_DATA, else ../shared/data (the shared data beside a checkout). */
  static Path dataDir() {
    String data = System.getenv("GFN4J_DATA");
    return Path.of(data != null && !data.isBlank() ? data : "../shared/data");
  }
}
