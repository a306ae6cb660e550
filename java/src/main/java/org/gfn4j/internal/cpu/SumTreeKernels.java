package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/sum_tree.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/sum_tree.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class SumTreeKernels {
  static {
    Loader.load();
  }

  private SumTreeKernels() {}

  public static native int sum_tree_set(long leaves, DoublePointer tree, long n, @Const IntPointer indices,
      @Const DoublePointer priorities);

  public static native int sum_tree_sample(long leaves, @Const DoublePointer tree, long n,
      @Const DoublePointer uniforms, IntPointer outIndices);
}
