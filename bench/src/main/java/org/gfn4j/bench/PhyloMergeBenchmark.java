package org.gfn4j.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Fitch merge alone: one batched forward step of the phylogenetic-tree environment (merge two
 * roots, Fitch sets of the new node and its mutations over all packed sites), native kernel vs
 * the Java twin, on DS1's 27 taxa with all 1 949 sites and with the first 200. States are random
 * forests 13 merges from the start, actions random valid merges; the step is out of place, so
 * every invocation does the same work. Element = one state; bytes per call = B·(2·(4W + 2) + 8),
 * W = 8 531 cells with all sites ({@link StepFixture#step}).
 */
public class PhyloMergeBenchmark extends KernelBenchmark {
  @Param({"phylo:dataset=DS1", "phylo:dataset=DS1,sites=200"})
  public String spec;

  @Param({"16", "4096"})
  public int batch;

  private StepFixture f;

  @Setup(Level.Trial)
  public void setUp() {
    f = new StepFixture(spec, backend, batch).walk(13);
  }

  @Benchmark
  public Object merge(Traffic traffic) {
    return f.step(traffic);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    f.close();
  }
}
