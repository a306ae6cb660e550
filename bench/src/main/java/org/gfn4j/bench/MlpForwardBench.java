// JMH: the native MLP forward (gfn4j/mlp.h) next to ONNX Runtime's, and the GEMM under it.
package org.gfn4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gfn4j.runtime.Backend;
import org.gfn4j.policy.Gemm;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.tensor.FloatTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hypergrid MLP (one-hot 80 → 256 → 256 → heads 5/4/1) on {@code batch} rows:
 * {@code nativeForward} (one call, all heads), {@code onnxForward} (EvalStep on the same
 * parameters), {@code sync} (parameters copied out of the training session and packed: once per
 * optimizer step), and {@code gemm}, a square {@code batch}-sized product for the machine's rate
 * (2·batch³ FLOP). {@code threads} sizes both ORT and the native pool. Element = one row
 * (observation, or row of the GEMM's output); for {@code sync}, one parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlpForwardBench {
  @Param({"16", "64", "256", "1024"})
  public int batch;

  @Param({"1", "2"})
  public int threads;

  private PolicyTrainer trainer;
  private MlpForward forward;
  private FloatTensor obs;
  private Heads out;
  private FloatTensor a;
  private FloatTensor c;
  private long parameters;

  @Setup(Level.Trial)
  public void setup() {
    PolicySpec spec = PolicyBench.spec("mlp");
    NativeLibrary.setNumThreads(threads);
    trainer = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-4), 1, threads);
    forward = MlpForward.create(spec, Backend.NATIVE);
    parameters = MlpForward.parameterCount(spec);
    forward.sync(trainer);
    Random r = new Random(1);
    obs = FloatTensor.allocate(batch, spec.observationWidth());
    for (int b = 0; b < batch; b++) {
      for (int d = 0; d < 4; d++) { // one-hot hypergrid observation: D = 4 blocks of H = 20
        obs.set((long) b * 80 + d * 20 + r.nextInt(20), 1f);
      }
    }
    out = trainer.newHeads(batch);
    a = FloatTensor.allocate(batch, batch);
    c = FloatTensor.allocate(batch, batch);
    for (int i = 0; i < a.size(); i++) {
      a.set(i, r.nextFloat() - 0.5f);
    }
  }

  @Benchmark
  public Heads nativeForward(Elements elements) {
    elements.add(batch);
    forward.forward(obs, out);
    return out;
  }

  @Benchmark
  public Heads onnxForward(Elements elements) {
    elements.add(batch);
    trainer.forward(obs, out);
    return out;
  }

  @Benchmark
  public MlpForward sync(Elements elements) {
    elements.add(parameters);
    forward.sync(trainer);
    return forward;
  }

  @Benchmark
  public FloatTensor gemm(Elements elements) {
    elements.add(batch);
    Gemm.multiply(Backend.NATIVE, a, a, c);
    return c;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    out.close();
    obs.close();
    a.close();
    c.close();
    forward.close();
    trainer.close();
    NativeLibrary.setNumThreads(0);
  }
}
