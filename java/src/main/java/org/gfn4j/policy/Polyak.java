// Polyak (soft) target updates over flat parameter buffers: the native kernel and its Java twin.
package org.gfn4j.policy;

import java.nio.FloatBuffer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.PolyakKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.FloatTensor;

/**
 * {@code target ← (1 − τ)·target + τ·online}, elementwise in float ({@code (1−τ)·t} and
 * {@code τ·o} rounded, then added); τ = 1 copies exactly. Both backends give identical bits.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class Polyak {
  private Polyak() {}

  public static void update(Backend backend, float tau, FloatTensor online, FloatTensor target) {
    if (!(tau >= 0f && tau <= 1f)) {
      throw new IllegalArgumentException("tau must lie in [0, 1], got " + tau);
    }
    if (online.size() != target.size()) {
      throw new IllegalArgumentException("cannot average " + online + " into " + target);
    }
    if (online == target) {
      return;
    }
    try (NativeResource.Lease lease = NativeResource.lease(online, target)) {
      if (backend == Backend.JAVA) {
        updateJava(tau, online.buffer(), target.buffer(), (int) target.size());
      } else {
        NativeLibrary.ensureLoaded();
        NativeStatus.check(PolyakKernels.polyak_update(target.size(), tau, online.pointer(), target.pointer()),
            "polyak_update");
      }
    }
  }

  private static void updateJava(float tau, FloatBuffer online, FloatBuffer target, int n) {
    if (tau == 1f) {
      for (int i = 0; i < n; i++) {
        target.put(i, online.get(i));
      }
      return;
    }
    float keep = 1f - tau;
    for (int i = 0; i < n; i++) {
      float a = keep * target.get(i);
      float b = tau * online.get(i);
      target.put(i, a + b);
    }
  }
}
