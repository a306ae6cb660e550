package org.gfn4j.bench;

import org.gfn4j.env.ising.HeatBathSampler;
import org.gfn4j.env.ising.IsingConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * tb_ising's data sampler on the 10×10 torus (J = 0.1·A), native kernel vs its Java twin: one
 * parallel-tempering round of gfnx's configuration (16 replicas, 2 heat-bath sweeps each, then
 * the exchanges); a data set of 2 000 objects costs 1 000 + 16 × 2 000 rounds. Element = one
 * heat-bath site update (16 × 2 × 100 = 3 200 per round).
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IsingSamplerBench extends KernelBenchmark {
  private HeatBathSampler sampler;

  @Setup(Level.Trial)
  public void setUp() {
    IsingConfig c = new IsingConfig(10, 0.1);
    sampler = HeatBathSampler.gfnxDefaults(backend, c.sites(), c.coupling(), 1);
  }

  @Benchmark
  public HeatBathSampler oneRound(Elements elements) {
    elements.add(16 * 2 * 100);
    sampler.advance(1);
    return sampler;
  }
}
