// OrtValues wrap tensor memory: ORT reads the caller's buffer and writes the caller's outputs in place.
package org.gfn4j.policy.ort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;

class ZeroCopyTest {
  @Test
  void ortValuesPointAtTheTensorMemory() {
    try (ValueCache cache = new ValueCache(4); FloatTensor t = FloatTensor.allocate(3, 5); FloatTensor u = FloatTensor.allocate(3, 5)) {
      OrtValue v = cache.of(t);
      assertSame(v, cache.of(t));
      Pointer data = new Pointer();
      Ort.check(Ort.api().GetTensorMutableData(v, data), "GetTensorMutableData");
      assertEquals(t.address(), data.address());
      // The same memory viewed with another shape is a different value over the same address.
      try (FloatTensor view = t.view(0, 15)) {
        OrtValue w = cache.of(view);
        Pointer d2 = new Pointer();
        Ort.check(Ort.api().GetTensorMutableData(w, d2), "GetTensorMutableData");
        assertEquals(t.address(), d2.address());
      }
      try (FloatTensor a = FloatTensor.allocate(1); FloatTensor b = FloatTensor.allocate(2)) {
        cache.of(u);
        cache.of(a);
        cache.of(b); // a fifth entry evicts the least recently used one
        assertEquals(4, cache.size());
      }
    }
  }

  @Test
  void forwardReadsTheObservationBufferInPlaceEveryCall() {
    PolicySpec spec = PolicySpec.mlp(4, 1, 8, Activation.TANH).head("y", 3);
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1);
        FloatTensor obs = FloatTensor.allocate(2, 4);
        FloatTensor fresh = FloatTensor.allocate(2, 4);
        Heads out = t.newHeads(2);
        Heads ref = t.newHeads(2)) {
      obs.fill(0.25f);
      t.forward(obs, out);
      float[] first = out.get("y").toArray();
      // Rewrite the same buffer (as an environment kernel would) and run again: no stale copy.
      for (int i = 0; i < 8; i++) {
        obs.set(i, (float) Math.sin(i));
      }
      out.get("y").fill(Float.NaN);
      t.forward(obs, out);
      float[] second = out.get("y").toArray();
      assertFalse(Arrays.equals(first, second));
      fresh.copyFrom(obs);
      t.forward(fresh, ref);
      assertArrayEquals(ref.get("y").toArray(), second);
      for (float v : second) {
        assertFalse(Float.isNaN(v)); // outputs were written straight into the head tensor
      }
    }
  }
}
