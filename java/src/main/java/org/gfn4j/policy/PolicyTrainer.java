// A policy trained by ONNX Runtime's training API: forward, accumulate, step, save, export.
package org.gfn4j.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.onnx.MlpBackwardGraph;
import org.gfn4j.policy.onnx.PolicyGraphs;
import org.gfn4j.policy.ort.TrainingSession;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.Profile;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The training side of a policy. Losses live outside the graph: the caller computes
 * {@code dLoss/dHead} for every head and {@link #accumulate} runs forward + backward and adds
 * the parameter gradients to ORT's buffers; {@link #step()} applies Adam(W) to the network and
 * to logZ, after which the next accumulate starts from zero. Inputs and outputs are read and
 * written in place through OrtValues cached per tensor, so the training loop's buffers are
 * never copied. Not thread-safe; close it to free the native session.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class PolicyTrainer extends NativeResource implements PolicyNetwork {
  private final PolicySpec spec;
  private final OptimizerConfig optimizer;
  private final long seed;
  private final int threads;
  private final Artifacts artifacts;
  private final TrainingSession session;
  private final ValueCache cache;
  private final Map<String, Integer> headSizes;
  private final List<String> evalOutputs;
  /** What each TrainStep user input takes, in the training model's order. */
  private final List<TrainInput> trainInputs = new ArrayList<>();
  /** Activations for accumulate calls that bring none; null unless the trainer trains from activations. */
  private final ActivationForward activationForward;
  private final PointerPointer<OrtValue> evalIn = new PointerPointer<>(1);
  private final PointerPointer<OrtValue> evalOut;
  private final PointerPointer<OrtValue> trainIn;
  private final PointerPointer<OrtValue> trainOut = new PointerPointer<>(1);
  private final FloatTensor loss = FloatTensor.allocate();
  private final LogZ logZ;
  private double learningRate;
  private long steps;
  private boolean pending;

  PolicyTrainer(PolicySpec spec, OptimizerConfig optimizer, long seed, int threads, Artifacts artifacts,
      TrainingSession session, boolean fromActivations) {
    this.spec = spec;
    this.optimizer = optimizer;
    this.seed = seed;
    this.threads = threads;
    this.artifacts = artifacts;
    this.session = session;
    // Every value bound for one call must stay cached during it: room for many batch sizes.
    this.cache = new ValueCache(64 + 8 * spec.heads().size());
    Map<String, Integer> sizes = new LinkedHashMap<>();
    spec.heads().forEach(h -> sizes.put(h.name(), h.size()));
    this.headSizes = Collections.unmodifiableMap(sizes);
    this.evalOutputs = session.evalOutputs();
    if (!evalOutputs.equals(List.copyOf(sizes.keySet())) || !session.evalInputs().equals(List.of(PolicyGraphs.OBS))
        || !session.trainOutputs().equals(List.of(PolicyGraphs.LOSS))) {
      throw new IllegalStateException("unexpected model interface: " + session.evalInputs() + " -> " + evalOutputs);
    }
    for (String name : session.trainInputs()) {
      trainInputs.add(TrainInput.of(name));
    }
    this.activationForward = fromActivations ? new ActivationForward(spec) : null;
    this.evalOut = new PointerPointer<>(evalOutputs.size());
    this.trainIn = new PointerPointer<>(trainInputs.size());
    this.logZ = optimizer.logZ()
        ? new LogZ(optimizer.logZInit(), optimizer.logZLearningRate(), optimizer.beta1(), optimizer.beta2(),
            optimizer.epsilon())
        : null;
    setLearningRate(optimizer.learningRate());
  }

  /**
   * A fresh trainer with parameters initialised from {@code seed} (see
   * {@link org.gfn4j.policy.onnx.ParameterInit}) and zero optimizer state.
   */
  public static PolicyTrainer create(PolicySpec spec, OptimizerConfig optimizer, long seed, int intraOpThreads) {
    return create(spec, optimizer, seed, intraOpThreads, false);
  }

  /**
   * {@link #create(PolicySpec, OptimizerConfig, long, int)}; with {@code fromActivations} (an MLP
   * that {@link MlpBackwardGraph#supports}) ONNX Runtime's train step is the backward pass alone
   * and takes the hidden activations of a forward pass made outside it (see {@link #accumulate(Tensor,
   * HiddenActivations, Heads)}).
   */
  public static PolicyTrainer create(PolicySpec spec, OptimizerConfig optimizer, long seed, int intraOpThreads,
      boolean fromActivations) {
    spec.validate();
    requireSupported(spec, fromActivations);
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    Artifacts a = Profile.time("onnx graph building",
        () -> Artifacts.write(spec, optimizer, seed, false, fromActivations));
    try {
      return new PolicyTrainer(spec, optimizer, seed, intraOpThreads, a, Profile.time("onnx session creation",
          () -> new TrainingSession(a.initialCheckpoint, a.training, a.eval, a.optimizer, intraOpThreads)),
          fromActivations);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /** Resumes a trainer written by {@link #save}: parameters, Adam state, learning rate, logZ. */
  public static PolicyTrainer resume(Path dir, int intraOpThreads) {
    return resume(dir, intraOpThreads, false);
  }

  /** {@link #resume(Path, int)}, training from activations as {@link #create(PolicySpec, OptimizerConfig, long, int, boolean)} describes. */
  public static PolicyTrainer resume(Path dir, int intraOpThreads, boolean fromActivations) {
    return SavedTrainer.resume(dir, intraOpThreads, fromActivations);
  }

  static void requireSupported(PolicySpec spec, boolean fromActivations) {
    if (fromActivations && !MlpBackwardGraph.supports(spec)) {
      throw new IllegalArgumentException("training from hidden activations needs an MLP with at least one hidden"
          + " layer and an activation other than GELU, got " + spec.kind() + " / " + spec.activation());
    }
  }

  @Override
  public Map<String, Integer> headSizes() {
    return headSizes;
  }

  /** Evaluates the heads with the current parameters (ORT EvalStep), writing into {@code out}. */
  @Override
  public void forward(Tensor<?> obs, Heads out) {
    ensureOpen();
    int n = Observations.rows(obs, spec);
    out.require(headSizes, n);
    try (NativeResource.Lease lease = NativeResource.lease(resources(obs, out))) {
      evalIn.put(0, cache.of(obs));
      for (int i = 0; i < evalOutputs.size(); i++) {
        evalOut.put(i, cache.of(out.get(evalOutputs.get(i))));
      }
      session.evalStep(evalIn, 1, evalOut, evalOutputs.size());
    }
  }

  /**
   * One TrainStep: forward and backward on {@code obs} with {@code upstream} = dLoss/dHead for
   * every head, adding the parameter gradients to those accumulated since the last step. A trainer
   * that {@link #trainsFromActivations} first computes the hidden activations natively.
   */
  public void accumulate(Tensor<?> obs, Heads upstream) {
    ensureOpen();
    if (activationForward != null) {
      accumulate(obs, activationForward.of(this, obs), upstream);
      return;
    }
    run(obs, null, upstream);
  }

  /**
   * One TrainStep from the hidden activations of {@code obs} under the current parameters (as the
   * native forward or rollout kept them, one row per row of {@code obs}): the backward pass alone.
   */
  public void accumulate(Tensor<?> obs, HiddenActivations acts, Heads upstream) {
    ensureOpen();
    if (activationForward == null) {
      throw new IllegalStateException("this trainer runs its own forward pass; create it with fromActivations");
    }
    int n = Observations.rows(obs, spec);
    if (acts.depth() != spec.depth() || acts.width() != spec.width() || acts.rows() != n) {
      throw new IllegalArgumentException("hidden activations of " + acts.rows() + " rows × " + acts.depth()
          + " layers × " + acts.width() + " do not match " + n + " observations of " + spec.depth() + " layers × "
          + spec.width());
    }
    run(obs, acts, upstream);
  }

  private void run(Tensor<?> obs, HiddenActivations acts, Heads upstream) {
    int n = Observations.rows(obs, spec);
    upstream.require(headSizes, n);
    try (NativeResource.Lease lease = NativeResource.lease(resources(obs, upstream));
        NativeResource.Lease kept = acts == null ? null : acts.lease()) {
      for (int i = 0; i < trainInputs.size(); i++) {
        trainIn.put(i, cache.of(trainInputs.get(i).value(obs, acts, upstream)));
      }
      trainOut.put(0, cache.of(loss));
      session.trainStep(trainIn, trainInputs.size(), trainOut, 1);
    }
    pending = true;
  }

  /** True when ONNX Runtime's train step is the backward pass alone, fed hidden activations. */
  public boolean trainsFromActivations() {
    return activationForward != null;
  }

  private NativeResource[] resources(Tensor<?> obs, Heads heads) {
    NativeResource[] r = new NativeResource[1 + headSizes.size()];
    r[0] = obs;
    int i = 1;
    for (String name : headSizes.keySet()) {
      r[i++] = heads.get(name);
    }
    return r;
  }

  /**
   * Applies the optimizer to the network (if gradients were accumulated) and to logZ (if its
   * gradient was), then arranges for the next accumulate to start from zero gradients.
   */
  public void step() {
    ensureOpen();
    if (pending) {
      if (activationForward != null) {
        activationForward.invalidate();
      }
      session.optimizerStep();
      session.lazyResetGrad();
      pending = false;
      steps++;
    }
    if (logZ != null) {
      logZ.step();
    }
  }

  /** Discards the gradients accumulated since the last step (network and logZ). */
  public void zeroGradients() {
    ensureOpen();
    session.lazyResetGrad();
    pending = false;
    if (logZ != null) {
      logZ.zeroGradient();
    }
  }

  /** The separately optimised logZ; throws unless the optimizer config enabled it. */
  public LogZ logZ() {
    if (logZ == null) {
      throw new IllegalStateException("logZ is not enabled (use OptimizerConfig.withLogZ)");
    }
    return logZ;
  }

  public boolean hasLogZ() {
    return logZ != null;
  }

  /** Restores what a saved state holds besides the parameters and Adam moments: learning rate, step count, logZ. */
  void restore(TrainerState st) {
    setLearningRate(st.learningRate());
    steps = st.steps();
    if (logZ != null && st.logZ() != null) {
      logZ.restore(st.logZ());
    }
  }

  /** Sets the network learning rate (logZ has its own, see {@link LogZ#setLearningRate}). */
  public void setLearningRate(double lr) {
    ensureOpen();
    if (!(lr >= 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
    }
    session.setLearningRate((float) lr);
    learningRate = lr;
  }

  public double learningRate() {
    return learningRate;
  }

  /** Optimizer steps applied to the network so far (including those before a resume). */
  public long steps() {
    return steps;
  }

  public PolicySpec spec() {
    return spec;
  }

  public OptimizerConfig optimizer() {
    return optimizer;
  }

  /** Number of trainable parameter elements (length of the flat parameter buffer). */
  public long parameterCount() {
    return session.parameterCount();
  }

  /** Copies all parameters, flattened in graph order, into {@code flat} ({@link #parameterCount()} floats). */
  public void copyParametersTo(FloatTensor flat) {
    ensureOpen();
    try (NativeResource.Lease lease = NativeResource.lease(flat)) {
      session.copyParametersTo(flat);
    }
  }

  /** Overwrites all parameters from {@code flat} (graph order); optimizer state is kept. */
  public void copyParametersFrom(FloatTensor flat) {
    ensureOpen();
    try (NativeResource.Lease lease = NativeResource.lease(flat)) {
      session.copyParametersFrom(flat);
    }
    if (activationForward != null) {
      activationForward.invalidate();
    }
  }

  /**
   * Saves parameters, optimizer state, learning rate and logZ into {@code dir} (created if
   * needed). Gradients accumulated but not yet applied by {@link #step()} are not saved.
   */
  public void save(Path dir) {
    ensureOpen();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    session.saveCheckpoint(dir.resolve(TrainerState.CHECKPOINT));
    new TrainerState(TrainerState.FORMAT, TrainerState.GRAPH_VERSION, spec.toJson(), optimizer, seed, learningRate,
        steps, logZ == null ? null : logZ.state()).write(dir);
  }

  /** Writes an inference model (parameters as initializers) that {@link Policy#load} runs. */
  public void exportInference(Path onnx) {
    ensureOpen();
    Path parent = onnx.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent, e);
    }
    session.exportInference(onnx, evalOutputs);
  }

  /** A frozen copy of the current parameters, evaluated with the same graph. */
  public TargetNetwork newTargetNetwork() {
    ensureOpen();
    return new TargetNetwork(this);
  }

  Path evalModel() {
    return artifacts.eval;
  }

  int threads() {
    return threads;
  }


  @Override
  protected void free() {
    if (activationForward != null) {
      activationForward.close();
    }
    cache.close();
    session.close();
    loss.close();
    artifacts.close();
    evalIn.close();
    evalOut.close();
    trainIn.close();
    trainOut.close();
  }

  @Override
  protected String describe() {
    return "policy trainer";
  }

}
