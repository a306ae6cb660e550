package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/cyclic_hypergrid.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/cyclic_hypergrid.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class CyclicHypergridKernels {
  static {
    Loader.load();
  }

  private CyclicHypergridKernels() {}

  public static native int cyclic_hypergrid_reset(int dim, long batch, IntPointer coords,
      @Cast("uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer pad);

  public static native int cyclic_hypergrid_step(int dim, int side, double logR0, double logR1, double logR2,
      long batch, @Const IntPointer coords, @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions,
      IntPointer coordsOut, @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut,
      FloatPointer logReward);

  public static native int cyclic_hypergrid_backward_step(int dim, int side, long batch, @Const IntPointer coords,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer coordsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut,
      @Cast("uint8_t*") BytePointer done);

  public static native int cyclic_hypergrid_forward_mask(int dim, int side, long batch, @Const IntPointer coords,
      @Cast("uint8_t*") BytePointer invalid);

  public static native int cyclic_hypergrid_backward_mask(int dim, int side, long batch, @Const IntPointer coords,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer invalid);

  public static native int cyclic_hypergrid_observe(int dim, int side, long batch, @Const IntPointer coords,
      FloatPointer obs);

  public static native int cyclic_hypergrid_backward_actions(int dim, long batch, @Const IntPointer coords,
      @Const IntPointer forwardActions, IntPointer out);

  public static native int cyclic_hypergrid_forward_actions(int dim, long batch,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer backwardActions, IntPointer out);
}
