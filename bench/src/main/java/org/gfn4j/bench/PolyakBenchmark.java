package org.gfn4j.bench;

import java.util.Random;
import org.gfn4j.policy.Polyak;
import org.gfn4j.tensor.FloatTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Polyak target update, τ = 0.05, native kernel vs its Java twin, over the 89 098 parameters
 * of the hypergrid MLP (80 → 256 → 256 → heads 5/4/1) and over 4 Mi parameters. Element = one
 * parameter; bytes per call = 12·n (online and target read, target written).
 */
public class PolyakBenchmark extends KernelBenchmark {
  @Param({"89098", "4194304"})
  public int parameters;

  private FloatTensor online;
  private FloatTensor target;

  @Setup(Level.Trial)
  public void setUp() {
    online = FloatTensor.allocate(parameters);
    target = FloatTensor.allocate(parameters);
    Random rng = new Random(1);
    for (int i = 0; i < parameters; i++) {
      online.set(i, (float) rng.nextGaussian());
      target.set(i, (float) rng.nextGaussian());
    }
  }

  @Benchmark
  public FloatTensor update(Traffic traffic) {
    traffic.add(parameters, 12L * parameters);
    Polyak.update(backend, 0.05f, online, target);
    return target;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    online.close();
    target.close();
  }
}
