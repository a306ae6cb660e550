package org.gfn4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.ExactDistribution;
import org.gfn4j.metrics.StateGraph;
import org.gfn4j.tensor.FloatTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact terminal distribution on gfnx's default hypergrid 4×20 (160 000 states, 768 000
 * edges): enumerating the state space by breadth-first search, one propagation from given logits (masked softmax + sweep),
 * and a full evaluation with a uniform policy (observations, 157 policy calls of 1024 rows,
 * softmax, sweep); native kernels against their Java twins. Element = one non-terminal state
 * (N = 160 000). Bytes per propagation, N states, A actions, E edges, T terminal objects:
 * logits and child codes read (8·N·A), edge probabilities written and read back (16·N·A), the
 * level order, in-edge offsets and in-edges read (8·N + 4·T + 4·E), state masses written and
 * read back (16·N), terminal masses written and copied out (24·T).
 * Run: java -jar bench/target/benchmarks.jar ExactDistributionBench
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExactDistributionBench extends KernelBenchmark {
  private Environment env;
  private StateSpace space;
  private StateGraph graph;
  private ExactDistribution exact;
  private FloatTensor logits;
  private long propagationBytes;

  @Setup(Level.Trial)
  public void setup() {
    env = Environments.create("hypergrid:dim=4,side=20", backend);
    space = StateSpace.enumerate(env);
    graph = StateGraph.build(space);
    exact = new ExactDistribution(space, graph, backend, 1024);
    logits = FloatTensor.allocate(graph.numStates(), graph.numActions());
    SplittableRandom rng = new SplittableRandom(1);
    for (long i = 0; i < logits.size(); i++) {
      logits.set(i, (float) rng.nextGaussian());
    }
    long n = graph.numStates();
    long t = graph.numTerminalStates();
    propagationBytes = 24 * n * graph.numActions() + 8 * n + 4 * t + 4L * graph.numEdges() + 16 * n + 24 * t;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    logits.close();
    exact.close();
    graph.close();
  }

  @Benchmark
  public int buildGraph(Elements elements) {
    elements.add(graph.numStates());
    try (StateGraph g = StateGraph.build(StateSpace.enumerate(env))) {
      return g.numEdges();
    }
  }

  @Benchmark
  public double[] propagateFromLogits(Traffic traffic) {
    traffic.add(graph.numStates(), propagationBytes);
    return exact.fromLogits(logits);
  }

  @Benchmark
  public double[] computeUniformPolicy(Elements elements) {
    elements.add(graph.numStates());
    return exact.compute((obs, out, backward, flow) -> out.fill(0f));
  }
}
