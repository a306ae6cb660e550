// A plain ORT inference session: named inputs/outputs, shapes, runs on pre-bound OrtValues.
package org.gfn4j.policy.ort;

import java.nio.file.Files;
import org.gfn4j.runtime.NativeResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.onnxruntime.OrtApi;
import org.bytedeco.onnxruntime.OrtSession;
import org.bytedeco.onnxruntime.OrtSessionOptions;
import org.bytedeco.onnxruntime.OrtTensorTypeAndShapeInfo;
import org.bytedeco.onnxruntime.OrtTypeInfo;
import org.bytedeco.onnxruntime.OrtValue;

/**
 * An {@code OrtSession} over an ONNX file or bytes, with its input and output names, element
 * types and shapes (-1 for symbolic dimensions) read once. {@link #run} takes OrtValues in
 * the order of {@link #inputs()} / {@link #outputs()} (or a prefix chosen by the caller's names).
 * Not thread-safe.
 */
public final class InferenceSession extends NativeResource {
  /** Name, ONNX element type and shape of one model input or output. */
  public record Port(String name, int type, long[] shape) {}

  private final OrtSession session = new OrtSession();
  private final List<Port> inputs;
  private final List<Port> outputs;
  private final PointerPointer<BytePointer> inputNames;
  private final PointerPointer<BytePointer> outputNames;
  private final List<BytePointer> keep = new ArrayList<>();

  /** Loads a model file; a missing or invalid file gives an {@link OrtException}. */
  public InferenceSession(Path model, int intraOpThreads) {
    this(model, null, intraOpThreads);
  }

  /** Loads a serialised model held in memory. */
  public InferenceSession(byte[] model, int intraOpThreads) {
    this(null, model, intraOpThreads);
  }

  private InferenceSession(Path path, byte[] bytes, int intraOpThreads) {
    if (path != null && !Files.isRegularFile(path)) {
      throw new OrtException("no such file: " + path);
    }
    OrtApi api = Ort.api();
    OrtSessionOptions options = Ort.sessionOptions(intraOpThreads);
    try {
      if (path != null) {
        Ort.check(api.CreateSession(Ort.env(), new BytePointer(path.toString()), options, session),
            "CreateSession(" + path + ")");
      } else {
        try (BytePointer data = new BytePointer(bytes)) {
          Ort.check(api.CreateSessionFromArray(Ort.env(), data, bytes.length, options, session), "CreateSessionFromArray");
        }
      }
    } finally {
      api.ReleaseSessionOptions(options);
    }
    try {
      inputs = ports(true);
      outputs = ports(false);
      inputNames = names(inputs);
      outputNames = names(outputs);
    } catch (RuntimeException e) {
      api.ReleaseSession(session);
      throw e;
    }
  }

  private PointerPointer<BytePointer> names(List<Port> ports) {
    PointerPointer<BytePointer> pp = new PointerPointer<>(Math.max(1, ports.size()));
    for (int i = 0; i < ports.size(); i++) {
      BytePointer p = new BytePointer(ports.get(i).name());
      keep.add(p);
      pp.put(i, p);
    }
    return pp;
  }

  private List<Port> ports(boolean in) {
    OrtApi api = Ort.api();
    List<Port> out = new ArrayList<>();
    try (SizeTPointer n = new SizeTPointer(1)) {
      Ort.check(in ? api.SessionGetInputCount(session, n) : api.SessionGetOutputCount(session, n), "SessionGetCount");
      for (long i = 0; i < n.get(); i++) {
        BytePointer name = new BytePointer();
        Ort.check(in ? api.SessionGetInputName(session, i, Ort.allocator(), name)
            : api.SessionGetOutputName(session, i, Ort.allocator(), name), "SessionGetName");
        String s = name.getString();
        Ort.check(api.AllocatorFree(Ort.allocator(), name), "AllocatorFree");
        OrtTypeInfo info = new OrtTypeInfo();
        Ort.check(in ? api.SessionGetInputTypeInfo(session, i, info) : api.SessionGetOutputTypeInfo(session, i, info),
            "SessionGetTypeInfo");
        try {
          OrtTensorTypeAndShapeInfo tensor = new OrtTensorTypeAndShapeInfo();
          Ort.check(api.CastTypeInfoToTensorInfo(info, tensor), "CastTypeInfoToTensorInfo");
          if (tensor.isNull()) {
            throw new OrtException("model port " + s + " is not a tensor");
          }
          try (IntPointer type = new IntPointer(1); SizeTPointer rank = new SizeTPointer(1)) {
            Ort.check(api.GetTensorElementType(tensor, type), "GetTensorElementType");
            Ort.check(api.GetDimensionsCount(tensor, rank), "GetDimensionsCount");
            long[] shape = new long[(int) rank.get()];
            try (LongPointer dims = new LongPointer(Math.max(1, shape.length))) {
              Ort.check(api.GetDimensions(tensor, dims, shape.length), "GetDimensions");
              dims.get(shape);
            }
            out.add(new Port(s, type.get(), shape));
          }
        } finally {
          api.ReleaseTypeInfo(info);
        }
      }
    }
    return List.copyOf(out);
  }

  public List<Port> inputs() {
    return inputs;
  }

  public List<Port> outputs() {
    return outputs;
  }

  /** Runs the model on all inputs, writing all outputs into the given (pre-allocated) values. */
  public void run(PointerPointer<OrtValue> in, PointerPointer<OrtValue> out) {
    ensureOpen();
    OrtCalls.run();
    Ort.check(Ort.api().Run(session, null, inputNames, in, inputs.size(), outputNames, outputs.size(), out), "Run");
  }

  @Override
  protected void free() {
    Ort.api().ReleaseSession(session);
    keep.clear();
  }

  @Override
  protected String describe() {
    return "inference session";
  }

}
