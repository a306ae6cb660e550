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

/** JavaCPP binding of gfn4j/permutations.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/permutations.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class PermutationKernels {
  static {
    Loader.load();
  }

  private PermutationKernels() {}

  public static native int permutations_reset(int n, long batch, IntPointer cells,
      @Cast("uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer pad);

  public static native int permutations_step(int n, double t, long batch, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer cellsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut, FloatPointer logReward);

  public static native int permutations_backward_step(int n, long batch, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer actions, IntPointer cellsOut,
      @Cast("uint8_t*") BytePointer terminalOut, @Cast("uint8_t*") BytePointer padOut,
      @Cast("uint8_t*") BytePointer done);

  public static native int permutations_forward_mask(int n, long batch, @Const IntPointer cells,
      @Cast("uint8_t*") BytePointer invalid);

  public static native int permutations_backward_mask(int n, long batch, @Const IntPointer cells,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer invalid);

  public static native int permutations_observe(int n, long batch, @Const IntPointer cells, FloatPointer obs);

  public static native int permutations_log_reward(int n, double t, long batch, @Const IntPointer cells,
      DoublePointer out);

  public static native int permutations_backward_actions(int n, long batch, @Const IntPointer cells,
      @Const IntPointer forwardActions, IntPointer out);

  public static native int permutations_forward_actions(int n, long batch,
      @Cast("const uint8_t*") BytePointer terminal, @Const IntPointer backwardActions, IntPointer out);
}
