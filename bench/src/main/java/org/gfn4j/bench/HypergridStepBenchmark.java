package org.gfn4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
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
 * One batched hypergrid 4x20 step + forward mask + observation encoding, native kernels vs the
 * Java reference. States are random interior grid points with valid random actions; the step is
 * out of place, so every invocation does the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HypergridStepBenchmark {
  @Param({"16", "256", "4096", "65536"})
  public int batch;

  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  private Environment env;
  private StateBatch states;
  private StateBatch next;
  private IntTensor actions;
  private FloatTensor logReward;
  private ByteTensor invalid;
  private FloatTensor obs;

  @Setup(Level.Trial)
  public void setUp() {
    env = Environments.create("hypergrid:dim=4,side=20", backend);
    states = env.newBatch(batch);
    next = env.newBatch(batch);
    actions = IntTensor.allocate(batch);
    logReward = FloatTensor.allocate(batch);
    invalid = ByteTensor.allocate(batch, env.numActions());
    obs = FloatTensor.allocate(batch, env.observationSize());
    Random rng = new Random(1);
    for (int b = 0; b < batch; b++) {
      int[] c = new int[4];
      for (int d = 0; d < 4; d++) {
        c[d] = rng.nextInt(20);
      }
      env.setState(states, b, c, false);
      int a = rng.nextInt(5);
      actions.set(b, a < 4 && c[a] == 19 ? 4 : a);
    }
  }

  @Benchmark
  public FloatTensor stepMaskObserve() {
    env.step(states, actions, next, logReward);
    env.forwardMask(next, invalid);
    env.observe(next, obs);
    return obs;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    states.close();
    next.close();
    actions.close();
    logReward.close();
    invalid.close();
    obs.close();
  }
}
