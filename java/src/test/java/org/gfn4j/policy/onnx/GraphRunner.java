// Test helper: runs a serialised graph in a plain ORT session on double[] inputs.
package org.gfn4j.policy.onnx;

import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.ort.InferenceSession;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.LongTensor;
import org.gfn4j.tensor.Tensor;

/** Loads a model once and evaluates it on inputs given as double arrays (converted per type). */
final class GraphRunner implements AutoCloseable {
  private final InferenceSession session;
  private final ValueCache cache = new ValueCache(64);

  GraphRunner(ModelProto model) {
    session = new InferenceSession(model.toByteArray(), 1);
  }

  /** Runs on {@code inputs} (by name); returns every output (by name) as doubles. */
  Map<String, double[]> run(Map<String, double[]> inputs) {
    List<InferenceSession.Port> ins = session.inputs();
    List<InferenceSession.Port> outs = session.outputs();
    PointerPointer<OrtValue> in = new PointerPointer<>(ins.size());
    PointerPointer<OrtValue> out = new PointerPointer<>(outs.size());
    List<Tensor<?>> outTensors = new ArrayList<>();
    List<Tensor<?>> temp = new ArrayList<>();
    try {
      for (int i = 0; i < ins.size(); i++) {
        InferenceSession.Port p = ins.get(i);
        double[] v = inputs.get(p.name());
        if (v == null) {
          throw new IllegalArgumentException("missing input " + p.name());
        }
        Tensor<?> t = tensor(p.type(), p.shape(), v);
        temp.add(t);
        in.put(i, cache.of(t));
      }
      for (int i = 0; i < outs.size(); i++) {
        InferenceSession.Port p = outs.get(i);
        Tensor<?> t = tensor(p.type(), p.shape(), null);
        temp.add(t);
        outTensors.add(t);
        out.put(i, cache.of(t));
      }
      session.run(in, out);
      Map<String, double[]> result = new LinkedHashMap<>();
      for (int i = 0; i < outs.size(); i++) {
        result.put(outs.get(i).name(), doubles(outTensors.get(i)));
      }
      return result;
    } finally {
      cache.close();
      for (Tensor<?> t : temp) {
        t.close();
      }
    }
  }

  private static Tensor<?> tensor(int type, long[] shape, double[] v) {
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("GraphRunner needs static shapes");
      }
    }
    int n = (int) Tensor.sizeOf(shape);
    if (type == ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT) {
      FloatTensor t = FloatTensor.allocate(shape);
      for (int i = 0; v != null && i < n; i++) {
        t.set(i, (float) v[i]);
      }
      return t;
    } else if (type == ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE) {
      DoubleTensor t = DoubleTensor.allocate(shape);
      for (int i = 0; v != null && i < n; i++) {
        t.set(i, v[i]);
      }
      return t;
    } else if (type == ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32) {
      IntTensor t = IntTensor.allocate(shape);
      for (int i = 0; v != null && i < n; i++) {
        t.set(i, (int) v[i]);
      }
      return t;
    } else if (type == ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64) {
      LongTensor t = LongTensor.allocate(shape);
      for (int i = 0; v != null && i < n; i++) {
        t.set(i, (long) v[i]);
      }
      return t;
    } else if (type == ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL) {
      ByteTensor t = ByteTensor.allocate(shape);
      for (int i = 0; v != null && i < n; i++) {
        t.set(i, (byte) (v[i] != 0 ? 1 : 0));
      }
      return t;
    }
    throw new IllegalArgumentException("type " + type);
  }

  private static double[] doubles(Tensor<?> t) {
    double[] d = new double[(int) t.size()];
    for (int i = 0; i < d.length; i++) {
      if (t instanceof FloatTensor f) {
        d[i] = f.get(i);
      } else if (t instanceof DoubleTensor x) {
        d[i] = x.get(i);
      } else if (t instanceof IntTensor x) {
        d[i] = x.get(i);
      } else if (t instanceof LongTensor x) {
        d[i] = x.get(i);
      } else if (t instanceof ByteTensor x) {
        d[i] = x.get(i);
      }
    }
    return d;
  }

  @Override
  public void close() {
    cache.close();
    session.close();
  }
}
