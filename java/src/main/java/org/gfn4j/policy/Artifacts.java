// The model files of one trainer, written to a private temporary directory.
package org.gfn4j.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterInit;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.policy.onnx.PolicyGraphs;
import org.gfn4j.policy.ort.CheckpointWriter;

/**
 * Training, eval and optimizer models (ORT loads them by path, and exports inference models
 * only from an eval model given by path) plus, for a fresh trainer, the initial checkpoint.
 * The directory is deleted on {@link #close()}, at JVM exit, or by the next process after a kill
 * (see {@link TempDirs}).
 */
final class Artifacts implements AutoCloseable {
  static final String PREFIX = "gfn4j-policy-";
  final Path dir;
  final Path training;
  final Path eval;
  final Path optimizer;
  final Path initialCheckpoint;

  private Artifacts(Path dir) {
    this.dir = dir;
    this.training = dir.resolve("training.onnx");
    this.eval = dir.resolve("eval.onnx");
    this.optimizer = dir.resolve("optimizer.onnx");
    this.initialCheckpoint = dir.resolve("initial.ckpt");
  }

  /** Writes the models; with {@code seed != null} also the initial checkpoint. */
  static Artifacts write(PolicySpec spec, OptimizerConfig opt, Long seed, boolean exposeGradients) {
    return write(spec, opt, seed, exposeGradients, false);
  }

  /** {@link #write(PolicySpec, OptimizerConfig, Long, boolean)}; the training model takes hidden activations when asked. */
  static Artifacts write(PolicySpec spec, OptimizerConfig opt, Long seed, boolean exposeGradients,
      boolean fromActivations) {
    Path dir = TempDirs.create(PREFIX);
    Artifacts a = new Artifacts(dir);
    try {
      Files.write(a.training, (fromActivations ? PolicyGraphs.trainingFromActivations(spec, exposeGradients)
          : PolicyGraphs.training(spec, exposeGradients)).toByteArray());
      Files.write(a.eval, PolicyGraphs.eval(spec).toByteArray());
      Files.write(a.optimizer, PolicyGraphs.optimizer(opt).toByteArray());
      if (seed != null) {
        CheckpointWriter.write(a.initialCheckpoint, initialParameters(spec, seed));
      }
    } catch (IOException e) {
      a.close();
      throw new UncheckedIOException("cannot write policy models to " + dir, e);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  /** The seeded initial parameters of {@code spec}, in graph order. */
  static List<CheckpointWriter.Parameter> initialParameters(PolicySpec spec, long seed) {
    List<ParameterSpec> specs = NetworkGraph.of(spec).parameters();
    List<float[]> values = ParameterInit.initialize(specs, seed);
    List<CheckpointWriter.Parameter> params = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      params.add(new CheckpointWriter.Parameter(specs.get(i).name(), specs.get(i).shape(), values.get(i)));
    }
    return params;
  }

  @Override
  public void close() {
    TempDirs.delete(dir);
  }
}
