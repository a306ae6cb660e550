// Single-precision matrix products with the MLP forward's kernel (gfn4j/mlp.h) and a Java twin.
package org.gfn4j.policy;

import java.nio.FloatBuffer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.MlpKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.FloatTensor;

/**
 * {@code c = a · b} for row-major {@code a [m, k]}, {@code b [k, n]}: the GEMM under
 * {@link MlpForward}, exposed so benchmarks can measure the machine's rate at any shape. The
 * native kernel threads over rows with the native pool; the instruction set is chosen at run
 * time and can be lowered for tests.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class Gemm {
  /** Instruction sets of the native kernel, lowest first (gfn4j::GemmIsa). */
  public enum Isa {
    PORTABLE,
    AVX2,
    AVX512
  }

  private Gemm() {}

  public static void multiply(Backend backend, FloatTensor a, FloatTensor b, FloatTensor c) {
    if (a.rank() != 2 || b.rank() != 2 || c.rank() != 2 || a.dim(1) != b.dim(0) || c.dim(0) != a.dim(0)
        || c.dim(1) != b.dim(1)) {
      throw new IllegalArgumentException("cannot multiply " + a + " by " + b + " into " + c);
    }
    long m = a.dim(0);
    long k = a.dim(1);
    long n = b.dim(1);
    try (NativeResource.Lease lease = NativeResource.lease(a, b, c)) {
      if (backend == Backend.JAVA) {
        multiplyJava(a.buffer(), b.buffer(), c.buffer(), (int) m, (int) n, (int) k);
      } else {
        NativeLibrary.ensureLoaded();
        NativeStatus.check(MlpKernels.sgemm(m, n, k, a.pointer(), b.pointer(), c.pointer()), "sgemm");
      }
    }
  }

  private static void multiplyJava(FloatBuffer a, FloatBuffer b, FloatBuffer c, int m, int n, int k) {
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < n; j++) {
        float acc = 0;
        for (int p = 0; p < k; p++) {
          acc = Math.fma(a.get(r * k + p), b.get(p * n + j), acc);
        }
        c.put(r * n + j, acc);
      }
    }
  }

  /** The instruction set the native kernel uses now. */
  public static Isa isa() {
    NativeLibrary.ensureLoaded();
    return Isa.values()[NativeStatus.check(MlpKernels.gemm_isa(), "gemm_isa")];
  }

  /** Forces {@code isa}; throws IllegalArgumentException when the CPU lacks it. */
  public static void setIsa(Isa isa) {
    NativeLibrary.ensureLoaded();
    if (MlpKernels.set_gemm_isa(isa.ordinal()) < 0) {
      throw new IllegalArgumentException("this CPU cannot run the " + isa + " kernel");
    }
  }
}
