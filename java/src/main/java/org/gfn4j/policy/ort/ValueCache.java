// OrtValues that wrap caller-owned tensor memory, created once per (address, shape) and reused.
package org.gfn4j.policy.ort;

import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.LongTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Zero-copy bridge from gfn4j tensors to ORT: {@code CreateTensorWithDataAsOrtValue} wraps the
 * tensor's native memory, so ORT reads inputs from, and writes outputs into, that memory. The
 * wrapper is cached by (address, element type, shape): the training loop passes the same
 * buffers every step and pays no allocation. An OrtValue never owns the memory, so a cached
 * entry stays correct even if the tensor is freed and another one later lands at that address.
 * Not thread-safe (one per session).
 */
public final class ValueCache implements AutoCloseable {
  private record Key(long address, int type, long[] shape) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.address == address && k.type == type && Arrays.equals(k.shape, shape);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(address) * 31 + Arrays.hashCode(shape) + type;
    }
  }

  private final int capacity;
  private final LinkedHashMap<Key, OrtValue> values;

  public ValueCache(int capacity) {
    this.capacity = capacity;
    this.values = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The OrtValue over {@code tensor}'s memory (which must stay open while ORT uses it). */
  public OrtValue of(Tensor<?> tensor) {
    Key key = new Key(tensor.address(), elementType(tensor), tensor.shape());
    OrtValue v = values.get(key);
    if (v != null) {
      return v;
    }
    v = wrap(tensor.pointer(), Math.max(1, tensor.size()) * elementBytes(tensor), tensor.shape(), key.type());
    values.put(key, v);
    if (values.size() > capacity) {
      Iterator<Map.Entry<Key, OrtValue>> it = values.entrySet().iterator();
      Ort.api().ReleaseValue(it.next().getValue());
      it.remove();
    }
    return v;
  }

  /** Wraps raw memory; the caller releases the value with {@code ReleaseValue}. */
  public static OrtValue wrap(Pointer data, long bytes, long[] shape, int onnxType) {
    OrtValue v = new OrtValue();
    try (LongPointer dims = new LongPointer(Math.max(1, shape.length))) {
      for (int i = 0; i < shape.length; i++) {
        dims.put(i, shape[i]);
      }
      Ort.check(Ort.api().CreateTensorWithDataAsOrtValue(Ort.cpu(), data, bytes, dims, shape.length, onnxType, v),
          "CreateTensorWithDataAsOrtValue");
    }
    return v;
  }

  /** The ONNX element type of a gfn4j tensor class. */
  public static int elementType(Tensor<?> t) {
    if (t instanceof FloatTensor) {
      return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
    } else if (t instanceof IntTensor) {
      return ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;
    } else if (t instanceof LongTensor) {
      return ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;
    } else if (t instanceof DoubleTensor) {
      return ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE;
    } else if (t instanceof ByteTensor) {
      return ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL;
    }
    throw new IllegalArgumentException("unsupported tensor type " + t);
  }

  private static long elementBytes(Tensor<?> t) {
    return t instanceof LongTensor || t instanceof DoubleTensor ? 8 : t instanceof ByteTensor ? 1 : 4;
  }

  public int size() {
    return values.size();
  }

  @Override
  public void close() {
    for (OrtValue v : values.values()) {
      Ort.api().ReleaseValue(v);
    }
    values.clear();
  }
}
