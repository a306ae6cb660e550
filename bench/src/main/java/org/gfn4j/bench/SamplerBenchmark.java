package org.gfn4j.bench;

import java.util.Random;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One masked sampling step (epsilon 0.1, temperature 1, with log-probabilities), native vs the
 * bit-identical Java twin: 5 actions is hypergrid 4x20, 3840 is bitseq n=120, k=8. A quarter of
 * the actions are masked. Element = one row; bytes per call = B·(5A + 8): logits (4A) and mask
 * (A) read, the sampled action and its log-probability written (4 + 4).
 */
public class SamplerBenchmark extends KernelBenchmark {
  @Param({"16", "256"})
  public int batch;

  @Param({"5", "3840"})
  public int actions;

  private Sampler sampler;
  private FloatTensor logits;
  private ByteTensor invalid;
  private IntTensor sampled;
  private FloatTensor logProb;
  private long step;
  private long bytes;

  @Setup(Level.Trial)
  public void setUp() {
    sampler = new Sampler(1, backend);
    logits = FloatTensor.allocate(batch, actions);
    invalid = ByteTensor.allocate(batch, actions);
    sampled = IntTensor.allocate(batch);
    logProb = FloatTensor.allocate(batch);
    Random rng = new Random(1);
    for (long i = 0; i < logits.size(); i++) {
      logits.set(i, (float) rng.nextGaussian());
      invalid.set(i, (byte) (i % actions != 0 && rng.nextInt(4) == 0 ? 1 : 0));
    }
    bytes = (long) batch * (5L * actions + 8);
  }

  @Benchmark
  public IntTensor sampleStep(Traffic traffic) {
    traffic.add(batch, bytes);
    sampler.sample(logits, invalid, 0.1f, 1f, step++, 0, sampled, logProb);
    return sampled;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    logits.close();
    invalid.close();
    sampled.close();
    logProb.close();
  }
}
