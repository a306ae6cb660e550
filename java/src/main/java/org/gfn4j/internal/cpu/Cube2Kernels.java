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

/** JavaCPP binding of gfn4j/cube2.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/cube2.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class Cube2Kernels {
  static {
    Loader.load();
  }

  private Cube2Kernels() {}

  public static native int cube2_reset(long batch, IntPointer cells, @Cast("uint8_t*") BytePointer terminal,
      @Cast("uint8_t*") BytePointer pad);

  public static native int cube2_step(long batch, @Const IntPointer cells, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer cellsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut, FloatPointer logReward);

  public static native int cube2_backward_step(long batch, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer cellsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut,
      @Cast("uint8_t*") BytePointer done);

  public static native int cube2_forward_mask(long batch, @Const IntPointer cells, @Cast("uint8_t*") BytePointer invalid);

  public static native int cube2_backward_mask(long batch, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer invalid);

  public static native int cube2_observe(long batch, @Const IntPointer cells, FloatPointer obs);

  public static native int cube2_backward_actions(long batch, @Const IntPointer cells,
      @Const IntPointer forwardActions, IntPointer out);

  public static native int cube2_forward_actions(long batch, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer backwardActions, IntPointer out);
}
