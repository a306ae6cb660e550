package org.gfn4j.internal.cuda;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP binding of native/cuda/gfn4j_cuda.h. Linked with the static CUDA runtime, so loading it
 * needs no driver; only touch it after {@code Cuda.isAvailable()}. Pointers are device pointers.
 */
@Platform(
    include = "gfn4j_cuda.h",
    link = {"dl", "pthread", "rt", "cudart_static", "gfn4j_cuda"},
    library = "jnigfn4jcuda")
@Namespace("gfn4j::cuda")
@NoException
public final class CudaKernels {
  static {
    Loader.load();
  }

  private CudaKernels() {}

  public static native int device_count();

  public static native Pointer device_alloc(long bytes);

  public static native int device_free(Pointer ptr);

  public static native int copy_to_device(Pointer dst, @Const Pointer src, long bytes);

  public static native int copy_to_host(Pointer dst, @Const Pointer src, long bytes);

  public static native int hypergrid_step(
      int dim, int side, double logR0, double logR1, double logR2, long batch,
      @Const IntPointer coords, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer coordsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut, FloatPointer logReward);

  public static native int hypergrid_forward_mask(
      int dim, int side, long batch, @Const IntPointer coords,
      @Cast("uint8_t*") BytePointer invalid);

  public static native int hypergrid_backward_mask(
      int dim, int side, long batch, @Const IntPointer coords,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer invalid);

  public static native int hypergrid_observe(
      int dim, int side, long batch, @Const IntPointer coords, FloatPointer obs);
}
