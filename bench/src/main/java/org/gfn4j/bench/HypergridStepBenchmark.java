package org.gfn4j.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One batched hypergrid 4x20 step + forward mask + observation encoding, native kernels vs the
 * Java reference. States are random grid points with valid random actions (stop at the upper
 * edge); the step is out of place, so every invocation does the same work. Element = one state;
 * bytes per call = B·(2·(4·4 + 2) + 8 + 5 + 80·4) = 369·B ({@link StepFixture#stepMaskObserve}).
 */
public class HypergridStepBenchmark extends KernelBenchmark {
  @Param({"16", "256", "4096", "65536"})
  public int batch;

  private StepFixture f;

  @Setup(Level.Trial)
  public void setUp() {
    f = new StepFixture("hypergrid:dim=4,side=20", backend, batch);
    for (int b = 0; b < batch; b++) {
      int[] c = new int[4];
      for (int d = 0; d < 4; d++) {
        c[d] = f.rng.nextInt(20);
      }
      f.env.setState(f.states, b, c, false);
      int a = f.rng.nextInt(5);
      f.actions.set(b, a < 4 && c[a] == 19 ? 4 : a);
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
