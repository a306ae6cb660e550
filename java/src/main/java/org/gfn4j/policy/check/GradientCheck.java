// Compares ORT's parameter gradients with central finite differences of a float64 Java forward.
package org.gfn4j.policy.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterInit;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.policy.onnx.PolicyGraphs;
import org.gfn4j.policy.ort.CheckpointWriter;
import org.gfn4j.policy.ort.TrainingSession;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The check behind {@code gfn4j gradcheck}: a debug training model exposes every raw parameter
 * gradient ({@code <param>.gradient}); one ORT TrainStep on random observations and a random
 * upstream gradient gives them in float32. The reference is the central difference, in
 * float64, of {@code L = Σ_head Σ upstream·head} computed by {@link ReferenceNetwork} at the same
 * (float) parameters. Per element the relative error is {@code |ort − fd| / max(|ort|, |fd|,
 * 1e-3·s)}, where s is the largest |fd| over all parameters: float32 rounding noise scales with
 * the magnitudes flowing through the whole graph, so gradients a thousand times below that
 * scale (e.g. attention key biases, whose true gradient is exactly 0 because softmax ignores a
 * per-row shift) are judged on absolute error.
 */
public final class GradientCheck {
  /** The finite-difference step (float64, parameters of order 0.1–1). */
  public static final double STEP = 1e-6;
  public static final double FLOOR = 1e-3;

  public record TensorResult(String name, long[] shape, double maxAbsGradient, double maxAbsError, double relError) {}

  public record Result(List<TensorResult> tensors, double maxRelError, double maxForwardError) {}

  private GradientCheck() {}

  public static Result run(PolicySpec spec, long seed, int batch) {
    spec.validate();
    List<ParameterSpec> specs = NetworkGraph.of(spec).parameters();
    List<float[]> init = ParameterInit.initialize(specs, seed);
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int width = spec.observationWidth();
    double[] obs = new double[batch * width];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = switch (spec.kind()) {
        case MLP -> 2 * rng.nextDouble() - 1;
        case TRANSFORMER -> rng.nextInt(spec.vocab());
        case PHYLO -> rng.nextInt(2); // bits of Fitch sets
      };
    }
    if (spec.kind() == PolicySpec.Kind.PHYLO) {
      for (int r = 0; r < batch * spec.maxLen(); r++) {
        if (r % 3 == 1) { // empty slots, as after merges: attention must skip them
          java.util.Arrays.fill(obs, r * spec.inputSize(), (r + 1) * spec.inputSize(), 0);
        }
      }
    }
    List<double[]> upstream = new ArrayList<>();
    for (HeadSpec h : spec.heads()) {
      double[] u = new double[batch * h.size()];
      for (int i = 0; i < u.length; i++) {
        u[i] = 2 * rng.nextDouble() - 1;
      }
      upstream.add(u);
    }
    Path dir = tempDir();
    try {
      float[][] ortGrads = new float[specs.size()][];
      double[][] ortHeads = new double[spec.heads().size()][];
      ortGradients(spec, specs, init, obs, batch, upstream, dir, ortGrads, ortHeads);
      List<double[]> params = new ArrayList<>();
      for (float[] p : init) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          d[i] = p[i];
        }
        params.add(d);
      }
      ReferenceNetwork ref = new ReferenceNetwork(spec);
      double forwardError = 0;
      Map<String, double[]> heads = ref.forward(obs, batch, params);
      for (int h = 0; h < spec.heads().size(); h++) {
        double[] r = heads.get(spec.heads().get(h).name());
        for (int i = 0; i < r.length; i++) {
          forwardError = Math.max(forwardError, Math.abs(r[i] - ortHeads[h][i]));
        }
      }
      double[][] fd = new double[specs.size()][];
      double scale = 0;
      for (int k = 0; k < specs.size(); k++) {
        double[] p = params.get(k);
        fd[k] = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          double keep = p[i];
          p[i] = keep + STEP;
          double lp = loss(ref.forward(obs, batch, params), spec, upstream);
          p[i] = keep - STEP;
          double lm = loss(ref.forward(obs, batch, params), spec, upstream);
          p[i] = keep;
          fd[k][i] = (lp - lm) / (2 * STEP);
          scale = Math.max(scale, Math.abs(fd[k][i]));
        }
      }
      double floor = Math.max(FLOOR * scale, 1e-12);
      List<TensorResult> results = new ArrayList<>();
      double worst = 0;
      for (int k = 0; k < specs.size(); k++) {
        double maxErr = 0;
        double rel = 0;
        double maxGrad = 0;
        for (int i = 0; i < fd[k].length; i++) {
          double a = ortGrads[k][i];
          double err = Math.abs(a - fd[k][i]);
          maxErr = Math.max(maxErr, err);
          maxGrad = Math.max(maxGrad, Math.abs(a));
          rel = Math.max(rel, err / Math.max(Math.max(Math.abs(a), Math.abs(fd[k][i])), floor));
        }
        worst = Math.max(worst, rel);
        results.add(new TensorResult(specs.get(k).name(), specs.get(k).shape(), maxGrad, maxErr, rel));
      }
      return new Result(results, worst, forwardError);
    } finally {
      deleteTree(dir);
    }
  }

  private static double loss(Map<String, double[]> heads, PolicySpec spec, List<double[]> upstream) {
    double l = 0;
    for (int h = 0; h < spec.heads().size(); h++) {
      double[] y = heads.get(spec.heads().get(h).name());
      double[] u = upstream.get(h);
      for (int i = 0; i < y.length; i++) {
        l += y[i] * u[i];
      }
    }
    return l;
  }

  private static void ortGradients(PolicySpec spec, List<ParameterSpec> specs, List<float[]> init, double[] obs,
      int batch, List<double[]> upstream, Path dir, float[][] grads, double[][] headsOut) {
    try {
      Files.write(dir.resolve("training.onnx"), PolicyGraphs.training(spec, true).toByteArray());
      Files.write(dir.resolve("eval.onnx"), PolicyGraphs.eval(spec).toByteArray());
      Files.write(dir.resolve("optimizer.onnx"), PolicyGraphs.optimizer(OptimizerConfig.adam(0)).toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CheckpointWriter.Parameter> params = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      params.add(new CheckpointWriter.Parameter(specs.get(i).name(), specs.get(i).shape(), init.get(i)));
    }
    CheckpointWriter.write(dir.resolve("init.ckpt"), params);
    List<Tensor<?>> owned = new ArrayList<>();
    try (TrainingSession s = new TrainingSession(dir.resolve("init.ckpt"), dir.resolve("training.onnx"),
            dir.resolve("eval.onnx"), dir.resolve("optimizer.onnx"), 1);
        ValueCache cache = new ValueCache(256)) {
      Tensor<?> obsT = observations(spec, obs, batch);
      owned.add(obsT);
      List<String> ins = s.trainInputs();
      PointerPointer<OrtValue> in = new PointerPointer<>(ins.size());
      for (int i = 0; i < ins.size(); i++) {
        String name = ins.get(i);
        if (name.equals(PolicyGraphs.OBS)) {
          in.put(i, cache.of(obsT));
        } else {
          int h = headIndex(spec, name.substring(PolicyGraphs.UPSTREAM_PREFIX.length()));
          FloatTensor u = FloatTensor.allocate(batch, spec.heads().get(h).size());
          owned.add(u);
          double[] src = upstream.get(h);
          for (int j = 0; j < src.length; j++) {
            u.set(j, (float) src[j]);
          }
          in.put(i, cache.of(u));
        }
      }
      List<String> outs = s.trainOutputs();
      PointerPointer<OrtValue> out = new PointerPointer<>(outs.size());
      FloatTensor[] outT = new FloatTensor[outs.size()];
      for (int i = 0; i < outs.size(); i++) {
        String name = outs.get(i);
        long[] shape = new long[0];
        if (name.endsWith(PolicyGraphs.GRADIENT_SUFFIX)) {
          String p = name.substring(0, name.length() - PolicyGraphs.GRADIENT_SUFFIX.length());
          shape = specs.stream().filter(x -> x.name().equals(p)).findFirst().orElseThrow().shape();
        }
        outT[i] = FloatTensor.allocate(shape);
        owned.add(outT[i]);
        out.put(i, cache.of(outT[i]));
      }
      s.trainStep(in, ins.size(), out, outs.size());
      for (int k = 0; k < specs.size(); k++) {
        grads[k] = outT[outs.indexOf(specs.get(k).name() + PolicyGraphs.GRADIENT_SUFFIX)].toArray();
      }
      PointerPointer<OrtValue> ein = new PointerPointer<>(1);
      ein.put(0, cache.of(obsT));
      List<String> evalOuts = s.evalOutputs();
      PointerPointer<OrtValue> eout = new PointerPointer<>(evalOuts.size());
      FloatTensor[] headT = new FloatTensor[evalOuts.size()];
      for (int i = 0; i < evalOuts.size(); i++) {
        headT[i] = FloatTensor.allocate(batch, spec.heads().get(headIndex(spec, evalOuts.get(i))).size());
        owned.add(headT[i]);
        eout.put(i, cache.of(headT[i]));
      }
      s.evalStep(ein, 1, eout, evalOuts.size());
      for (int i = 0; i < evalOuts.size(); i++) {
        float[] v = headT[i].toArray();
        double[] d = new double[v.length];
        for (int j = 0; j < v.length; j++) {
          d[j] = v[j];
        }
        headsOut[headIndex(spec, evalOuts.get(i))] = d;
      }
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  private static Tensor<?> observations(PolicySpec spec, double[] obs, int batch) {
    if (spec.floatObservations()) {
      FloatTensor t = FloatTensor.allocate(batch, spec.observationWidth());
      for (int i = 0; i < obs.length; i++) {
        t.set(i, (float) obs[i]);
      }
      return t;
    }
    IntTensor t = IntTensor.allocate(batch, spec.observationWidth());
    for (int i = 0; i < obs.length; i++) {
      t.set(i, (int) obs[i]);
    }
    return t;
  }

  private static int headIndex(PolicySpec spec, String name) {
    for (int i = 0; i < spec.heads().size(); i++) {
      if (spec.heads().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("unknown head " + name);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gfn4j-gradcheck-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort.
    }
  }
}
