// The Polyak kernel and its Java twin: one suite, both backends, bit-identical results.
package org.gfn4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolyakTest {
  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * 3);
    }
    return v;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void averagesElementwiseInFloat(Backend backend) {
    int n = 200_003; // spans several parallel chunks of the native kernel
    float[] online = random(n, 1);
    float[] target = random(n, 2);
    for (float tau : new float[] {0f, 0.005f, 0.25f, 0.5f, 1f}) {
      try (FloatTensor o = FloatTensor.of(online, n); FloatTensor t = FloatTensor.of(target, n)) {
        Polyak.update(backend, tau, o, t);
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
          float a = (1f - tau) * target[i];
          float b = tau * online[i];
          expected[i] = tau == 1f ? online[i] : a + b;
        }
        assertArrayEquals(expected, t.toArray(), backend + " tau=" + tau);
        assertArrayEquals(online, o.toArray());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rejectsBadArguments(Backend backend) {
    try (FloatTensor a = FloatTensor.allocate(4); FloatTensor b = FloatTensor.allocate(5)) {
      assertThrows(IllegalArgumentException.class, () -> Polyak.update(backend, 0.5f, a, b));
      assertThrows(IllegalArgumentException.class, () -> Polyak.update(backend, -0.1f, a, a));
      assertThrows(IllegalArgumentException.class, () -> Polyak.update(backend, Float.NaN, a, a));
      FloatTensor c = FloatTensor.allocate(4);
      c.close();
      assertThrows(IllegalStateException.class, () -> Polyak.update(backend, 0.5f, a, c));
    }
  }
}
