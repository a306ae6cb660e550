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
 * One batched step + forward mask + observation of the structured environments, native kernels
 * vs the Java reference: the DAG on 5 nodes (add an edge with the O(d²) closure update), the
 * 10×10 Ising torus (set a site), DS1's 27 taxa on 50 sites (merge two trees) and the 2×2×2
 * cube (one quarter turn, 147 one-hot features). States are random partial objects a few random steps from the
 * start, actions random valid non-terminal ones (the step leaves the reward out); the step is out
 * of place, so every invocation does the same work. {@code backwardStepMask} undoes a random
 * valid backward action of the same states (a DAG edge removal recomputes the closure; an Ising
 * site is cleared) and builds the backward mask. The data come from $GFN4J_DATA, else
 * ../shared/data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StructuredStepBenchmark {
  @Param({"dag:nodes=5", "ising:side=10", "phylo:dataset=DS1,sites=50", "cube2"})
  public String spec;

  @Param({"16", "4096"})
  public int batch;

  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  private Environment env;
  private StateBatch states;
  private StateBatch next;
  private IntTensor actions;
  private IntTensor backwardActions;
  private ByteTensor backwardInvalid;
  private ByteTensor done;
  private FloatTensor logReward;
  private ByteTensor invalid;
  private FloatTensor obs;

  @Setup(Level.Trial)
  public void setUp() {
    String data = System.getenv("GFN4J_DATA");
    env = Environments.create(spec, backend, Path.of(data != null && !data.isBlank() ? data : "../shared/data"));
    states = env.newBatch(batch);
    next = env.newBatch(batch);
    actions = IntTensor.allocate(batch);
    logReward = FloatTensor.allocate(batch);
    invalid = ByteTensor.allocate(batch, env.numActions());
    obs = FloatTensor.allocate(batch, env.observationSize());
    Random rng = new Random(1);
    env.reset(states);
    int stop = env.stopAction().orElse(-1);
    for (int t = 0; t < 3; t++) {
      randomNonStop(rng, stop);
      env.step(states, actions, next, logReward);
      states.copyFrom(next);
    }
    randomNonStop(rng, stop);
    backwardActions = IntTensor.allocate(batch);
    backwardInvalid = ByteTensor.allocate(batch, env.numBackwardActions());
    done = ByteTensor.allocate(batch);
    env.backwardMask(states, backwardInvalid);
    int ab = env.numBackwardActions();
    for (int b = 0; b < batch; b++) {
      int chosen;
      do {
        chosen = rng.nextInt(ab);
      } while (backwardInvalid.get((long) b * ab + chosen) != 0);
      backwardActions.set(b, chosen);
    }
  }

  private void randomNonStop(Random rng, int stop) {
    env.forwardMask(states, invalid);
    int a = env.numActions();
    for (int b = 0; b < batch; b++) {
      int chosen;
      do {
        chosen = rng.nextInt(a);
      } while (chosen == stop || invalid.get((long) b * a + chosen) != 0);
      actions.set(b, chosen);
    }
  }

  @Benchmark
  public FloatTensor stepMaskObserve() {
    env.step(states, actions, next, logReward);
    env.forwardMask(next, invalid);
    env.observe(next, obs);
    return obs;
  }

  @Benchmark
  public ByteTensor backwardStepMask() {
    env.backwardStep(states, backwardActions, next, done);
    env.backwardMask(next, backwardInvalid);
    return backwardInvalid;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    backwardActions.close();
    backwardInvalid.close();
    done.close();
    states.close();
    next.close();
    actions.close();
    logReward.close();
    invalid.close();
    obs.close();
  }
}
