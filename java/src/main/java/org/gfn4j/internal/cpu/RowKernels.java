package org.gfn4j.internal.cpu;

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

/** JavaCPP binding of gfn4j/rows.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/rows.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class RowKernels {
  static {
    Loader.load();
  }

  private RowKernels() {}

  public static native long rows_select_real(long n, @Cast("const uint8_t*") BytePointer pad, IntPointer rows);

  public static native int rows_transpose(long rows, long cols, @Const FloatPointer src, FloatPointer dst,
      int appendOnes);

  public static native int rows_gather(long count, @Const IntPointer rows, long srcRows, long rowBytes,
      @Const Pointer src, Pointer dst);
}
