package org.gfn4j.bench;

import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batched bitseq (n=120, k=8) step + forward mask (3,840 actions) + token observations,
 * native kernels vs the Java reference. States hold 0..14 random words; each action fills an
 * empty word, so about one row in fifteen completes and is scored by the reward module (60
 * modes) in the same call. The step is out of place: every invocation does the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SequenceStepBenchmark {
  @Param({"16", "4096"})
  public int batch;

  @Param({"NATIVE", "JAVA"})
  public Backend backend;

  private Environment env;
  private StateBatch states;
  private StateBatch next;
  private IntTensor actions;
  private FloatTensor logReward;
  private ByteTensor invalid;
  private IntTensor obs;

  @Setup(Level.Trial)
  public void setUp() {
    env = Environments.create("bitseq:n=120,k=8,beta=3", backend);
    states = env.newBatch(batch);
    next = env.newBatch(batch);
    actions = IntTensor.allocate(batch);
    logReward = FloatTensor.allocate(batch);
    invalid = ByteTensor.allocate(batch, env.numActions());
    obs = IntTensor.allocate(batch, env.observationSize());
    Random rng = new Random(1);
    for (int b = 0; b < batch; b++) {
      int[] c = new int[15];
      Arrays.fill(c, 256);
      int filled = rng.nextInt(15);
      for (int i = 0; i < filled; i++) {
        c[rng.nextInt(15)] = rng.nextInt(256);
      }
      env.setState(states, b, c, false);
      int pos;
      do {
        pos = rng.nextInt(15);
      } while (c[pos] != 256);
      actions.set(b, pos * 256 + rng.nextInt(256));
    }
  }

  @Benchmark
  public IntTensor stepMaskObserve() {
    env.step(states, actions, next, logReward);
    env.forwardMask(next, invalid);
    env.observe(next, obs);
    return obs;
  }
}
