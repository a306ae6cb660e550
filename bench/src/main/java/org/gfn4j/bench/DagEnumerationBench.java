package org.gfn4j.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.runtime.Backend;
import org.openjdk.jmh.annotations.Benchmark;
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
 * The exact posterior over all 29 281 DAGs on 5 nodes: breadth-first enumeration of the state
 * space (native or Java kernels), the BGe score of every DAG (a fresh environment, so local scores
 * are computed, not cached) and the edge, path and Markov-blanket marginals, as {@code gfn4j exact}.
 * Element = one DAG (29 281 per call). The data come from $GFN4J_DATA, else ../shared/data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DagEnumerationBench {
  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  @Benchmark
  public double exactPosterior(Elements elements) {
    String data = System.getenv("GFN4J_DATA");
    Environment env = Environments.create("dag:nodes=5,score=bge", backend,
        Path.of(data != null && !data.isBlank() ? data : "../shared/data"));
    StateSpace space = StateSpace.enumerate(env);
    elements.add(space.numTerminalStates());
    return space.logZ() + env.summaries(space, space.trueDistribution()).size();
  }
}
