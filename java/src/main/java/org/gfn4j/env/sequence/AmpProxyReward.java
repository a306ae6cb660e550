package org.gfn4j.env.sequence;

import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;
import static org.bytedeco.onnxruntime.global.onnxruntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;

import java.nio.IntBuffer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.ort.InferenceSession;
import org.gfn4j.policy.ort.Ort;
import org.gfn4j.policy.ort.OrtException;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.LongTensor;
import org.gfn4j.tensor.Tensor;

/**
 * AMP's reward: log max(1e-6, sigmoid(proxy logit)), the proxy being any ONNX model with one
 * input of tokens [B, 60] (int64 as gfnx's proxy, or int32) holding the sequence, EOS, then PADs
 * — exactly the state row — and one float output, a logit per row ([B] or [B, 1]). The whole
 * batch of newly terminal rows goes through ONNX Runtime in one call.
 */
public final class AmpProxyReward extends TokenReward {
  public static final double MIN_REWARD = 1e-6;
  /** Fewest rows per proxy call. */
  private static final int MIN_ROWS = 2;

  private final InferenceSession session;
  private final int length;
  private final boolean int64;
  private final int outputRank;
  private final String source;

  public AmpProxyReward(InferenceSession session, int length, String source) {
    super(length);
    this.session = session;
    this.length = length;
    this.source = source;
    if (session.inputs().size() != 1 || session.outputs().size() != 1) {
      throw fail("it needs one token input and a logit output");
    }
    InferenceSession.Port in = session.inputs().get(0);
    if (in.shape().length != 2 || (in.shape()[1] != length && in.shape()[1] != -1)
        || (in.type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 && in.type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32)) {
      throw fail("its input must be int64 or int32 [batch, " + length + "]");
    }
    InferenceSession.Port out = session.outputs().get(0);
    if (out.type() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT || out.shape().length < 1 || out.shape().length > 2
        || (out.shape().length == 2 && out.shape()[1] != 1 && out.shape()[1] != -1)) {
      throw fail("its output must be float [batch] or [batch, 1]");
    }
    this.int64 = in.type() == ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;
    this.outputRank = out.shape().length;
  }

  private IllegalArgumentException fail(String why) {
    session.close();
    return new IllegalArgumentException("AMP proxy " + source + " is not usable: " + why);
  }

  /** log max(1e-6, sigmoid(z)), computed without overflow. */
  public static double logReward(double z) {
    double logSigmoid = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    return Math.max(Math.log(MIN_REWARD), logSigmoid);
  }

  @Override
  synchronized void score(IntTensor tokens, IntTensor rows, int count, DoubleTensor out) {
    if (count == 0) {
      return;
    }
    // A lone row goes with a copy of itself: ORT evaluates a single row with other kernels
    // (its logits differ in the last bit), and a sequence's reward must not depend on how many
    // others share its batch.
    int padded = Math.max(count, MIN_ROWS);
    int[] input = new int[padded * length];
    IntBuffer t = tokens.buffer();
    for (int i = 0; i < padded; i++) {
      int r = i < count ? i : 0;
      t.get((rows == null ? r : rows.get(r)) * length, input, i * length, length);
    }
    try (Tensor<?> x = int64 ? longs(input, padded) : IntTensor.of(input, padded, length);
        FloatTensor logits = outputRank == 2 ? FloatTensor.allocate(padded, 1) : FloatTensor.allocate(padded);
        PointerPointer<OrtValue> in = new PointerPointer<>(1);
        PointerPointer<OrtValue> o = new PointerPointer<>(1);
        NativeResource.Lease lease = NativeResource.lease(x, logits)) {
      OrtValue xv = ValueCache.wrap(x.pointer(), x.size() * (int64 ? 8 : 4), x.shape(), ValueCache.elementType(x));
      OrtValue lv = ValueCache.wrap(logits.pointer(), logits.size() * 4, logits.shape(),
          ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT);
      try {
        in.put(0, xv);
        o.put(0, lv);
        session.run(in, o);
      } catch (OrtException e) {
        throw new IllegalArgumentException("AMP proxy " + source + " failed: " + e.getMessage(), e);
      } finally {
        Ort.api().ReleaseValue(xv);
        Ort.api().ReleaseValue(lv);
      }
      for (int i = 0; i < count; i++) {
        out.set(i, logReward(logits.get(i)));
      }
    }
  }

  private LongTensor longs(int[] input, int count) {
    long[] l = new long[input.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = input[i];
    }
    return LongTensor.of(l, count, length);
  }

  @Override
  public void close() {
    session.close();
  }
}
