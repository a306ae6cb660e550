// An exported policy model loaded for sampling only (no training state).
package org.gfn4j.policy;

import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.ort.InferenceSession;
import org.gfn4j.policy.ort.OrtException;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.Tensor;

/**
 * A model written by {@link PolicyTrainer#exportInference} (or any ONNX model with one
 * observation input {@code [batch, width]} and float head outputs {@code [batch, size]}),
 * run by a plain ORT session with the same zero-copy bindings as the trainer. Not thread-safe.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class Policy extends NativeResource implements PolicyNetwork {
  private final InferenceSession session;
  private final boolean floatObs;
  private final int width;
  private final Map<String, Integer> headSizes;
  private final List<String> outputs;
  private final ValueCache cache = new ValueCache(32);
  private final PointerPointer<OrtValue> in = new PointerPointer<>(1);
  private final PointerPointer<OrtValue> out;

  private Policy(InferenceSession session, Path path) {
    this.session = session;
    List<InferenceSession.Port> ins = session.inputs();
    if (ins.size() != 1 || ins.get(0).shape().length != 2 || ins.get(0).shape()[1] < 1
        || (ins.get(0).type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT && ins.get(0).type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32)) {
      throw new PolicyArtifactException(path + " is not a policy model: it needs one float or int32 input [batch, width]");
    }
    floatObs = ins.get(0).type() == ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
    width = Math.toIntExact(ins.get(0).shape()[1]);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (InferenceSession.Port p : session.outputs()) {
      if (p.type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT || p.shape().length != 2 || p.shape()[1] < 1) {
        throw new PolicyArtifactException(path + " is not a policy model: output " + p.name()
            + " is not a float [batch, size] tensor");
      }
      sizes.put(p.name(), Math.toIntExact(p.shape()[1]));
    }
    headSizes = Collections.unmodifiableMap(sizes);
    outputs = List.copyOf(sizes.keySet());
    out = new PointerPointer<>(outputs.size());
  }

  /** Loads an exported model; a missing or invalid file gives a {@link PolicyArtifactException}. */
  public static Policy load(Path onnx, int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    InferenceSession s;
    try {
      s = new InferenceSession(onnx, intraOpThreads);
    } catch (OrtException e) {
      throw new PolicyArtifactException("cannot load policy model " + onnx + ": " + e.getMessage(), e);
    }
    try {
      return new Policy(s, onnx);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public Map<String, Integer> headSizes() {
    return headSizes;
  }

  /** Columns of the observation input. */
  public int observationWidth() {
    return width;
  }

  @Override
  public void forward(Tensor<?> obs, Heads heads) {
    ensureOpen();
    int n = Observations.rows(obs, floatObs, width);
    heads.require(headSizes, n);
    NativeResource[] r = new NativeResource[1 + outputs.size()];
    r[0] = obs;
    for (int i = 0; i < outputs.size(); i++) {
      r[1 + i] = heads.get(outputs.get(i));
    }
    try (NativeResource.Lease lease = NativeResource.lease(r)) {
      in.put(0, cache.of(obs));
      for (int i = 0; i < outputs.size(); i++) {
        out.put(i, cache.of(heads.get(outputs.get(i))));
      }
      session.run(in, out);
    }
  }

  @Override
  protected void free() {
    cache.close();
    session.close();
    in.close();
    out.close();
  }

  @Override
  protected String describe() {
    return "policy";
  }

}
