package org.gfn4j.bench;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.IntTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One batched step + forward mask + observation of the structured environments, native kernels
 * vs the Java reference: the DAG on 5 nodes (add an edge with the O(d²) closure update), the
 * 10×10 Ising torus (set a site), DS1's 27 taxa on 50 sites (merge two trees) and the 2×2×2
 * cube (one quarter turn, 147 one-hot features). States are random partial objects a few random steps from the
 * start, actions random valid non-terminal ones (the step leaves the reward out); the step is out
 * of place, so every invocation does the same work. {@code backwardStepMask} undoes a random
 * valid backward action of the same states (a DAG edge removal recomputes the closure; an Ising
 * site is cleared) and builds the backward mask. Element = one state. Bytes per call:
 * {@link StepFixture#stepMaskObserve} for the forward benchmark; for the backward one
 * B·(2·(4W + 2) + 4 + 1 + Ab) (states read, next states written, backward actions read, done
 * flags and the backward mask written).
 */
public class StructuredStepBenchmark extends KernelBenchmark {
  @Param({"dag:nodes=5", "ising:side=10", "phylo:dataset=DS1,sites=50", "cube2"})
  public String spec;

  @Param({"16", "4096"})
  public int batch;

  private StepFixture f;
  private IntTensor backwardActions;
  private ByteTensor backwardInvalid;
  private ByteTensor done;
  private long backwardBytes;

  @Setup(Level.Trial)
  public void setUp() {
    f = new StepFixture(spec, backend, batch).walk(3);
    int ab = f.env.numBackwardActions();
    backwardActions = IntTensor.allocate(batch);
    backwardInvalid = ByteTensor.allocate(batch, ab);
    done = ByteTensor.allocate(batch);
    f.env.backwardMask(f.states, backwardInvalid);
    for (int b = 0; b < batch; b++) {
      int chosen;
      do {
        chosen = f.rng.nextInt(ab);
      } while (backwardInvalid.get((long) b * ab + chosen) != 0);
      backwardActions.set(b, chosen);
    }
    backwardBytes = 2 * f.stateBytes() + (long) batch * (4 + 1 + ab);
  }

  @Benchmark
  public Object stepMaskObserve(Traffic traffic) {
    return f.stepMaskObserve(traffic);
  }

  @Benchmark
  public ByteTensor backwardStepMask(Traffic traffic) {
    traffic.add(batch, backwardBytes);
    f.env.backwardStep(f.states, backwardActions, f.next, done);
    f.env.backwardMask(f.next, backwardInvalid);
    return backwardInvalid;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    backwardActions.close();
    backwardInvalid.close();
    done.close();
    f.close();
  }
}
