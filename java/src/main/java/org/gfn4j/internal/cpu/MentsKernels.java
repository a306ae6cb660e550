package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/ments.h; arguments are validated by the Java callers (org.gfn4j.search.MentsTrees). */
@Platform(include = "gfn4j/ments.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class MentsKernels {
  static {
    Loader.load();
  }

  private MentsKernels() {}

  public static native int ments_set_roots(long trees, long capacity, long actions, long width, DoublePointer q,
      IntPointer child, @Cast("uint8_t*") BytePointer invalid, IntPointer visits, IntPointer parent, IntPointer parentAction,
      DoublePointer reward, DoublePointer value, @Cast("uint8_t*") BytePointer terminal, IntPointer cells, IntPointer size,
      IntPointer root, long n, @Const IntPointer treeIds, @Const IntPointer rootCells, @Const DoublePointer rootQ,
      @Cast("const uint8_t*") BytePointer rootInvalid);

  public static native int ments_select(long trees, long capacity, long actions, long width, @Const DoublePointer q,
      @Const IntPointer child, @Cast("const uint8_t*") BytePointer invalid, @Const IntPointer visits, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer cells, @Const IntPointer root, double eps, long n, @Const IntPointer treeIds, long maxDepth,
      @Const DoublePointer uniforms, IntPointer outNode, IntPointer outAction, IntPointer outCells);

  public static native int ments_expand(long trees, long capacity, long actions, long width, DoublePointer q,
      IntPointer child, @Cast("uint8_t*") BytePointer invalid, IntPointer visits, IntPointer parent, IntPointer parentAction,
      DoublePointer reward, DoublePointer value, @Cast("uint8_t*") BytePointer terminal, IntPointer cells, IntPointer size,
      @Const IntPointer root, long n, @Const IntPointer treeIds, @Const IntPointer nodes, @Const IntPointer acts,
      @Const IntPointer childCells, @Cast("const uint8_t*") BytePointer childTerminal, @Const DoublePointer childReward,
      @Const DoublePointer childQ, @Cast("const uint8_t*") BytePointer childInvalid);

  public static native int ments_advance(long trees, long capacity, long actions, @Const IntPointer child,
      @Cast("const uint8_t*") BytePointer terminal, IntPointer root, long n, @Const IntPointer treeIds, @Const IntPointer acts);
}
