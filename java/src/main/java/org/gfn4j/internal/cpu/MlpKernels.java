package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/mlp.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/mlp.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class MlpKernels {
  static {
    Loader.load();
  }

  private MlpKernels() {}

  public static native long mlp_packed_size(int inputSize, int depth, int width, int numHeads,
      @Const IntPointer headUnits);

  public static native int mlp_pack(int inputSize, int depth, int width, int numHeads, @Const IntPointer headUnits,
      @Const FloatPointer params, FloatPointer packed);

  public static native int mlp_pack_in_place(int inputSize, int depth, int width, int numHeads,
      @Const IntPointer headUnits, FloatPointer packed);

  public static native int mlp_forward(int inputSize, int depth, int width, int numHeads,
      @Const IntPointer headUnits, int activation, @Const FloatPointer packed, long rows, @Const FloatPointer obs,
      @Cast("const uint8_t*") BytePointer skip, @Cast("float* const*") PointerPointer<?> heads);

  public static native int mlp_forward_keep(int inputSize, int depth, int width, int numHeads,
      @Const IntPointer headUnits, int activation, @Const FloatPointer packed, long rows, @Const FloatPointer obs,
      @Cast("const uint8_t*") BytePointer skip, @Cast("float* const*") PointerPointer<?> heads,
      @Cast("float* const*") PointerPointer<?> acts, @Cast("int64_t*") LongPointer liveRows);

  public static native int sgemm(long m, long n, long k, @Const FloatPointer a, @Const FloatPointer b, FloatPointer c);

  public static native int gemm_isa();

  public static native int set_gemm_isa(int isa);
}
