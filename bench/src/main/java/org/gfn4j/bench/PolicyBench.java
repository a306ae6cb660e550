// JMH: ONNX Runtime policy latency (forward; train step + optimizer) for gfnx-sized networks.
package org.gfn4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.Pooling;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;
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
 * {@code forward}: one EvalStep writing all heads. {@code trainStep}: TrainStep (forward,
 * backward, gradient accumulation) + OptimizerStep (Adam) + lazy gradient reset, i.e. one
 * policy update given upstream gradients. Networks: the hypergrid MLP (one-hot 80 → 256 → 256 →
 * heads 5/4/1, gfnx tb/db_hypergrid) and the bitseq transformer (64 dims, 3 layers, 8 heads, FF 64,
 * length 15, vocab 259; per-position heads 256 and 1, flow on position 0). Element = one row
 * (observation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyBench {
  @Param({"mlp", "transformer"})
  public String arch;

  @Param({"16", "64", "256", "1024"})
  public int batch;

  @Param({"1", "2"})
  public int threads;

  private PolicyTrainer trainer;
  private Tensor<?> obs;
  private Heads out;
  private Heads upstream;

  static PolicySpec spec(String arch) {
    return switch (arch) {
      case "mlp" -> PolicySpec.mlp(80, 2, 256, Activation.RELU)
          .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
      case "transformer" -> PolicySpec.transformer(259, 15, 64, 3, 8, 64)
          .perPositionHead("forward_logits", 256).perPositionHead("backward_logits", 1)
          .pooledHead("log_flow", 1, Pooling.FIRST);
      default -> throw new IllegalArgumentException(arch);
    };
  }

  @Setup(Level.Trial)
  public void setup() {
    PolicySpec spec = spec(arch);
    trainer = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-4), 1, threads);
    Random r = new Random(1);
    if (spec.floatObservations()) {
      FloatTensor t = FloatTensor.allocate(batch, spec.observationWidth());
      for (int b = 0; b < batch; b++) {
        // One-hot hypergrid observation: D = 4 blocks of H = 20.
        for (int d = 0; d < 4; d++) {
          t.set((long) b * 80 + d * 20 + r.nextInt(20), 1f);
        }
      }
      obs = t;
    } else {
      IntTensor t = IntTensor.allocate(batch, spec.observationWidth());
      for (int i = 0; i < t.size(); i++) {
        t.set(i, r.nextInt(spec.vocab()));
      }
      obs = t;
    }
    out = trainer.newHeads(batch);
    upstream = trainer.newHeads(batch);
    for (String name : upstream.names()) {
      FloatTensor u = upstream.get(name);
      for (int i = 0; i < u.size(); i++) {
        u.set(i, (float) (1e-3 * r.nextGaussian()));
      }
    }
  }

  @Benchmark
  public Heads forward(Elements elements) {
    elements.add(batch);
    trainer.forward(obs, out);
    return out;
  }

  @Benchmark
  public PolicyTrainer trainStep(Elements elements) {
    elements.add(batch);
    trainer.accumulate(obs, upstream);
    trainer.step();
    return trainer;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    out.close();
    upstream.close();
    obs.close();
    trainer.close();
  }
}
