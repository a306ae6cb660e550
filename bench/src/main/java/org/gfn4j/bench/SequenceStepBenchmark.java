package org.gfn4j.bench;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One batched bitseq (n=120, k=8) step + forward mask (3,840 actions) + token observations,
 * native kernels vs the Java reference. States hold 0..14 random words; each action fills an
 * empty word, so about one row in fifteen completes and is scored by the reward module (60
 * modes) in the same call. The step is out of place: every invocation does the same work.
 * Element = one state; bytes per call = B·(2·(4·15 + 2) + 8 + 3840 + 15·4) = 4032·B
 * ({@link StepFixture#stepMaskObserve}).
 */
public class SequenceStepBenchmark extends KernelBenchmark {
  @Param({"16", "4096"})
  public int batch;

  private StepFixture f;

  @Setup(Level.Trial)
  public void setUp() {
    f = new StepFixture("bitseq:n=120,k=8,beta=3", backend, batch);
    for (int b = 0; b < batch; b++) {
      int[] c = new int[15];
      Arrays.fill(c, 256);
      int filled = f.rng.nextInt(15);
      for (int i = 0; i < filled; i++) {
        c[f.rng.nextInt(15)] = f.rng.nextInt(256);
      }
      f.env.setState(f.states, b, c, false);
      int pos;
      do {
        pos = f.rng.nextInt(15);
      } while (c[pos] != 256);
      f.actions.set(b, pos * 256 + f.rng.nextInt(256));
    }
  }

  @Benchmark
  public Object stepMaskObserve(Traffic traffic) {
    return f.stepMaskObserve(traffic);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    f.close();
  }
}
