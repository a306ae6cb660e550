// An ORT TrainingSession over a checkpoint: train/eval/optimizer steps on pre-bound OrtValues.
package org.gfn4j.policy.ort;

import java.nio.file.Files;
import org.gfn4j.runtime.NativeResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.onnxruntime.OrtApi;
import org.bytedeco.onnxruntime.OrtCheckpointState;
import org.bytedeco.onnxruntime.OrtSessionOptions;
import org.bytedeco.onnxruntime.OrtTrainingApi;
import org.bytedeco.onnxruntime.OrtTrainingSession;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.tensor.FloatTensor;

/**
 * Owns an {@code OrtCheckpointState} and the {@code OrtTrainingSession} built on it from the
 * training, eval and optimizer models (files: ORT exports inference models only from an eval
 * model given by path). Inputs and outputs are OrtValues created by the caller, usually over
 * tensor memory ({@link ValueCache}). Not thread-safe.
 */
public final class TrainingSession extends NativeResource {
  private final OrtCheckpointState state = new OrtCheckpointState();
  private final OrtTrainingSession session = new OrtTrainingSession();
  private final List<String> trainInputs;
  private final List<String> trainOutputs;
  private final List<String> evalInputs;
  private final List<String> evalOutputs;
  private final long parameterCount;

  /**
   * Loads {@code checkpoint} and creates the session. Throws {@link OrtException} when ORT
   * rejects a file (missing, corrupt, inconsistent with the others).
   */
  public TrainingSession(Path checkpoint, Path trainModel, Path evalModel, Path optimizerModel, int intraOpThreads) {
    for (Path p : new Path[] {checkpoint, trainModel, evalModel, optimizerModel}) {
      if (!Files.isRegularFile(p)) {
        throw new OrtException("no such file: " + p);
      }
    }
    OrtApi api = Ort.api();
    OrtTrainingApi t = Ort.training();
    Ort.check(t.LoadCheckpoint(new BytePointer(checkpoint.toString()), state), "LoadCheckpoint(" + checkpoint + ")");
    OrtSessionOptions options = Ort.sessionOptions(intraOpThreads);
    try {
      Ort.check(t.CreateTrainingSession(Ort.env(), options, state, new BytePointer(trainModel.toString()),
          new BytePointer(evalModel.toString()), new BytePointer(optimizerModel.toString()), session),
          "CreateTrainingSession");
    } catch (RuntimeException e) {
      t.ReleaseCheckpointState(state);
      throw e;
    } finally {
      api.ReleaseSessionOptions(options);
    }
    try {
      trainInputs = names(true, true);
      trainOutputs = names(true, false);
      evalInputs = names(false, true);
      evalOutputs = names(false, false);
      try (SizeTPointer n = new SizeTPointer(1)) {
        Ort.check(t.GetParametersSize(session, n, true), "GetParametersSize");
        parameterCount = n.get();
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private List<String> names(boolean training, boolean inputs) {
    OrtTrainingApi t = Ort.training();
    List<String> out = new ArrayList<>();
    try (SizeTPointer n = new SizeTPointer(1)) {
      Ort.check(training
          ? (inputs ? t.TrainingSessionGetTrainingModelInputCount(session, n) : t.TrainingSessionGetTrainingModelOutputCount(session, n))
          : (inputs ? t.TrainingSessionGetEvalModelInputCount(session, n) : t.TrainingSessionGetEvalModelOutputCount(session, n)),
          "TrainingSessionGet*Count");
      for (long i = 0; i < n.get(); i++) {
        BytePointer name = new BytePointer();
        Ort.check(training
            ? (inputs ? t.TrainingSessionGetTrainingModelInputName(session, i, Ort.allocator(), name)
                : t.TrainingSessionGetTrainingModelOutputName(session, i, Ort.allocator(), name))
            : (inputs ? t.TrainingSessionGetEvalModelInputName(session, i, Ort.allocator(), name)
                : t.TrainingSessionGetEvalModelOutputName(session, i, Ort.allocator(), name)),
            "TrainingSessionGet*Name");
        out.add(name.getString());
        Ort.check(Ort.api().AllocatorFree(Ort.allocator(), name), "AllocatorFree");
      }
    }
    return List.copyOf(out);
  }

  /** User inputs of the training model, in the order {@link #trainStep} takes them. */
  public List<String> trainInputs() {
    return trainInputs;
  }

  public List<String> trainOutputs() {
    return trainOutputs;
  }

  public List<String> evalInputs() {
    return evalInputs;
  }

  public List<String> evalOutputs() {
    return evalOutputs;
  }

  /** Number of trainable parameter elements. */
  public long parameterCount() {
    return parameterCount;
  }

  /** Shape of the checkpoint parameter {@code name}; an {@link OrtException} if there is none. */
  public long[] parameterShape(String name) {
    ensureOpen();
    OrtApi api = Ort.api();
    org.bytedeco.onnxruntime.OrtTensorTypeAndShapeInfo info = new org.bytedeco.onnxruntime.OrtTensorTypeAndShapeInfo();
    Ort.check(Ort.training().GetParameterTypeAndShape(state, new BytePointer(name), info),
        "GetParameterTypeAndShape(" + name + ")");
    try (SizeTPointer rank = new SizeTPointer(1)) {
      Ort.check(api.GetDimensionsCount(info, rank), "GetDimensionsCount");
      long[] shape = new long[(int) rank.get()];
      try (org.bytedeco.javacpp.LongPointer dims = new org.bytedeco.javacpp.LongPointer(Math.max(1, shape.length))) {
        Ort.check(api.GetDimensions(info, dims, shape.length), "GetDimensions");
        dims.get(shape);
      }
      return shape;
    } finally {
      api.ReleaseTensorTypeAndShapeInfo(info);
    }
  }

  /** Forward + backward + gradient accumulation; outputs are written into the given values. */
  public void trainStep(PointerPointer<OrtValue> inputs, int nIn, PointerPointer<OrtValue> outputs, int nOut) {
    ensureOpen();
    OrtCalls.run();
    Ort.check(Ort.training().TrainStep(session, null, nIn, inputs, nOut, outputs), "TrainStep");
  }

  /** Forward pass of the eval model with the current parameters. */
  public void evalStep(PointerPointer<OrtValue> inputs, int nIn, PointerPointer<OrtValue> outputs, int nOut) {
    ensureOpen();
    OrtCalls.run();
    Ort.check(Ort.training().EvalStep(session, null, nIn, inputs, nOut, outputs), "EvalStep");
  }

  /** Makes the next train step overwrite, instead of add to, the gradient buffers. */
  public void lazyResetGrad() {
    ensureOpen();
    Ort.check(Ort.training().LazyResetGrad(session), "LazyResetGrad");
  }

  public void optimizerStep() {
    ensureOpen();
    OrtCalls.run();
    Ort.check(Ort.training().OptimizerStep(session, null), "OptimizerStep");
  }

  public void setLearningRate(float lr) {
    ensureOpen();
    Ort.check(Ort.training().SetLearningRate(session, lr), "SetLearningRate");
  }

  public float learningRate() {
    ensureOpen();
    try (FloatPointer lr = new FloatPointer(1)) {
      Ort.check(Ort.training().GetLearningRate(session, lr), "GetLearningRate");
      return lr.get();
    }
  }

  /** Copies the trainable parameters (training-graph order, flattened) into {@code flat}. */
  public void copyParametersTo(FloatTensor flat) {
    ensureOpen();
    flat.requireSize("parameter buffer", parameterCount);
    OrtValue v = ValueCache.wrap(flat.pointer(), parameterCount * 4, new long[] {parameterCount},
        ValueCache.elementType(flat));
    try {
      Ort.check(Ort.training().CopyParametersToBuffer(session, v, true), "CopyParametersToBuffer");
    } finally {
      Ort.api().ReleaseValue(v);
    }
  }

  /** Overwrites the trainable parameters from {@code flat} (training-graph order). */
  public void copyParametersFrom(FloatTensor flat) {
    ensureOpen();
    flat.requireSize("parameter buffer", parameterCount);
    OrtValue v = ValueCache.wrap(flat.pointer(), parameterCount * 4, new long[] {parameterCount},
        ValueCache.elementType(flat));
    try {
      Ort.check(Ort.training().CopyBufferToParameters(session, v, true), "CopyBufferToParameters");
    } finally {
      Ort.api().ReleaseValue(v);
    }
  }

  /** Writes parameters and optimizer state (moments, step, learning rate) to {@code path}. */
  public void saveCheckpoint(Path path) {
    ensureOpen();
    Ort.check(Ort.training().SaveCheckpoint(state, new BytePointer(path.toString()), true), "SaveCheckpoint");
  }

  /** Writes an inference model with the named eval outputs and the parameters as initializers. */
  public void exportInference(Path path, List<String> outputs) {
    ensureOpen();
    PointerPointer<BytePointer> names = new PointerPointer<>(outputs.size());
    List<BytePointer> keep = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      BytePointer p = new BytePointer(outputs.get(i));
      keep.add(p);
      names.put(i, p);
    }
    Ort.check(Ort.training().ExportModelForInferencing(session, new BytePointer(path.toString()), outputs.size(), names),
        "ExportModelForInferencing");
    keep.clear();
  }


  @Override
  protected void free() {
    Ort.training().ReleaseTrainingSession(session);
    Ort.training().ReleaseCheckpointState(state);
  }

  @Override
  protected String describe() {
    return "training session";
  }

}
