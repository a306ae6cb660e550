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

/** JavaCPP binding of gfn4j/dag.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/dag.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class DagKernels {
  static {
    Loader.load();
  }

  private DagKernels() {}

  public static native int dag_reset(
      int d, long batch, IntPointer cells, @Cast("uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer pad);

  public static native int dag_step(
      int d, long batch, @Const IntPointer cells, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer cellsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut);

  public static native int dag_backward_step(
      int d, long batch, @Const IntPointer cells, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer cellsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut, @Cast("uint8_t*") BytePointer done);

  public static native int dag_forward_mask(
      int d, long batch, @Const IntPointer cells, @Cast("uint8_t*") BytePointer invalid);

  public static native int dag_backward_mask(
      int d, long batch, @Const IntPointer cells, @Cast("const uint8_t*") BytePointer terminal,
      @Cast("uint8_t*") BytePointer invalid);

  public static native int dag_observe(int d, long batch, @Const IntPointer cells, FloatPointer obs);
}
