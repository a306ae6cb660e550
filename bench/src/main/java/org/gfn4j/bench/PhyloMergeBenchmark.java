package org.gfn4j.bench;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
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
 * every invocation does the same work. The data come from $GFN4J_DATA, else ../shared/data.
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

  private StateBatch states;
  private StateBatch next;
  private IntTensor actions;
  private FloatTensor logReward;
  private Environment env;

  @Setup(Level.Trial)
  public void setUp() {
    String data = System.getenv("GFN4J_DATA");
    env = Environments.create(spec, backend, Path.of(data != null && !data.isBlank() ? data : "../shared/data"));
    states = env.newBatch(batch);
    next = env.newBatch(batch);
    actions = IntTensor.allocate(batch);
    logReward = FloatTensor.allocate(batch);
    Random rng = new Random(1);
    env.reset(states);
    try (ByteTensor invalid = ByteTensor.allocate(batch, env.numActions())) {
      for (int t = 0; t <= 13; t++) {
        env.forwardMask(states, invalid);
        for (int b = 0; b < batch; b++) {
          int a;
          do {
            a = rng.nextInt(env.numActions());
          } while (invalid.get((long) b * env.numActions() + a) != 0);
          actions.set(b, a);
        }
        if (t < 13) {
          env.step(states, actions, next, logReward);
          states.copyFrom(next);
        }
      }
    }
  }

  @Benchmark
  public StateBatch merge() {
    env.step(states, actions, next, logReward);
    return next;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    states.close();
    next.close();
    actions.close();
    logReward.close();
  }
}
