package org.gfn4j.bench;

import java.util.concurrent.TimeUnit;
import org.gfn4j.runtime.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Fitch merge alone: one batched forward step of the phylogenetic-tree environment (merge two
 * roots, Fitch sets of the new node and its mutations over all packed sites), native kernel vs
 * the Java twin, on DS1's 27 taxa with all 1 949 sites and with the first 200. States are random
 * forests 13 merges from the start, actions random valid merges; the step is out of place, so
 * every invocation does the same work. Element = one state; bytes per call = B·(2·(4W + 2) + 8),
 * W = 8 531 cells with all sites ({@link StepFixture#stepBytes}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PhyloMergeBenchmark {
  @Param({"phylo:dataset=DS1", "phylo:dataset=DS1,sites=200"})
  public String spec;

  @Param({"16", "4096"})
  public int batch;

  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  private StepFixture f;
  private long bytes;

  @Setup(Level.Trial)
  public void setUp() {
    f = new StepFixture(spec, backend, batch).walk(13);
    bytes = f.stepBytes();
  }

  @Benchmark
  public Object merge(Traffic traffic) {
    traffic.add(batch, bytes);
    f.step();
    return f.next;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    f.close();
  }
}
