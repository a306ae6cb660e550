package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/ments_loss.h; arguments are validated by the Java caller (org.gfn4j.search.TreeRegression). */
@Platform(include = "gfn4j/ments_loss.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class MentsLossKernels {
  static {
    Loader.load();
  }

  private MentsLossKernels() {}

  public static native int ments_tree_loss(long rows, long actions, @Const FloatPointer logits,
      @Const FloatPointer logFlow, @Cast("const uint8_t*") BytePointer invalid,
      @Cast("const uint8_t*") BytePointer searched, @Const FloatPointer target, @Const IntPointer exitAction,
      @Const FloatPointer logReward, DoublePointer outLoss, FloatPointer dLogits, FloatPointer dLogFlow);
}
