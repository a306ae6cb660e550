// Reads the parameters of an exported MLP policy model into the native forward.
package org.gfn4j.policy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;

/**
 * A model written by {@link PolicyTrainer#exportInference} for an MLP spec holds its parameters
 * as float initializers named as the MLP graph names them ({@code mlp.layer<i>.weight|bias}, then
 * {@code head.<name>.weight|bias}, weights [in, out]); read in that order they are the flat
 * graph-order buffer {@link MlpForward#load} takes. So sampling from a saved run needs no ONNX
 * Runtime session.
 */
public final class ExportedMlp {
  private ExportedMlp() {}

  /**
   * A native forward holding the parameters of {@code onnx}, or empty when the file is not an
   * exported model of {@code spec} (another architecture, other names or shapes, data not stored
   * inline as raw little-endian floats): the caller then runs the model with ONNX Runtime, which
   * also reports a damaged file properly.
   */
  public static Optional<MlpForward> load(Path onnx, PolicySpec spec) {
    if (spec.kind() != PolicySpec.Kind.MLP) {
      return Optional.empty();
    }
    Map<String, TensorProto> byName = new HashMap<>();
    try (InputStream in = Files.newInputStream(onnx)) {
      for (TensorProto t : ModelProto.parseFrom(in).getGraph().getInitializerList()) {
        byName.put(t.getName(), t);
      }
    } catch (IOException | RuntimeException unreadable) { // protobuf's parse errors are IOExceptions
      return Optional.empty();
    }
    List<TensorProto> ordered = new ArrayList<>();
    long in = spec.inputSize();
    for (int l = 0; l < spec.depth(); l++) {
      if (!linear(byName, "mlp.layer" + l, in, spec.width(), ordered)) {
        return Optional.empty();
      }
      in = spec.width();
    }
    for (HeadSpec h : spec.heads()) {
      if (!linear(byName, "head." + h.name(), in, h.units(), ordered)) {
        return Optional.empty();
      }
    }
    MlpForward forward = MlpForward.create(spec, Backend.NATIVE);
    try (FloatTensor flat = FloatTensor.allocate(MlpForward.parameterCount(spec))) {
      java.nio.FloatBuffer dst = flat.buffer();
      for (TensorProto t : ordered) {
        dst.put(t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
      }
      forward.load(flat);
      return Optional.of(forward);
    } catch (RuntimeException e) {
      forward.close();
      throw e;
    }
  }

  /** Appends {@code prefix}.weight [in, out] and .bias [out] when both are stored as raw floats of those shapes. */
  private static boolean linear(Map<String, TensorProto> byName, String prefix, long in, long out,
      List<TensorProto> ordered) {
    TensorProto w = byName.get(prefix + ".weight");
    TensorProto b = byName.get(prefix + ".bias");
    if (!rawFloats(w, in, out) || !rawFloats(b, out)) {
      return false;
    }
    ordered.add(w);
    ordered.add(b);
    return true;
  }

  private static boolean rawFloats(TensorProto t, long... dims) {
    if (t == null || t.getDataType() != TensorProto.DataType.FLOAT_VALUE
        || t.getDataLocation() != TensorProto.DataLocation.DEFAULT || !t.getDimsList().equals(boxed(dims))) {
      return false;
    }
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return t.getRawData().size() == 4 * n;
  }

  private static List<Long> boxed(long[] dims) {
    List<Long> out = new ArrayList<>(dims.length);
    for (long d : dims) {
      out.add(d);
    }
    return out;
  }
}
