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

/** JavaCPP binding of gfn4j/phylo.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/phylo.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class PhyloKernels {
  static {
    Loader.load();
  }

  private PhyloKernels() {}

  public static native long phylo_state_width(int taxa, int packed);

  public static native int phylo_reset(
      int taxa, int packed, long batch, IntPointer cells, @Cast("uint8_t*") BytePointer terminal,
      @Cast("uint8_t*") BytePointer pad);

  public static native int phylo_step(
      int taxa, int packed, long batch, @Const IntPointer leafSets, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer cellsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut);

  public static native int phylo_backward_step(
      int taxa, int packed, long batch, @Const IntPointer leafSets, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer cellsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut,
      @Cast("uint8_t*") BytePointer done);

  public static native int phylo_forward_mask(
      int taxa, int packed, long batch, @Const IntPointer cells, @Cast("uint8_t*") BytePointer invalid);

  public static native int phylo_backward_mask(
      int taxa, int packed, long batch, @Const IntPointer cells, @Cast("uint8_t*") BytePointer invalid);

  public static native int phylo_observe(
      int taxa, int packed, int sites, long batch, @Const IntPointer leafSets, @Const IntPointer cells,
      FloatPointer obs);
}
