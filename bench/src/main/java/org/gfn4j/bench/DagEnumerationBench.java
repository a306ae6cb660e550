package org.gfn4j.bench;

import java.util.concurrent.TimeUnit;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact posterior over all 29 281 DAGs on 5 nodes: breadth-first enumeration of the state
 * space (native or Java kernels), the BGe score of every DAG (a fresh environment, so local scores
 * are computed, not cached) and the edge, path and Markov-blanket marginals, as {@code gfn4j exact}.
 * Element = one DAG (29 281 per call). The data come from $GFN4J_DATA, else ../shared/data.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DagEnumerationBench extends KernelBenchmark {
  @Benchmark
  public double exactPosterior(Elements elements) {
    Environment env = Environments.create("dag:nodes=5,score=bge", backend, dataDir());
    StateSpace space = StateSpace.enumerate(env);
    elements.add(space.numTerminalStates());
    return space.logZ() + env.summaries(space, space.trueDistribution()).size();
  }
}
