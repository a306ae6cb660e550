package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/sequence.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/sequence.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class SequenceKernels {
  static {
    Loader.load();
  }

  private SequenceKernels() {}

  public static native int sequence_reset(
      @Const IntPointer shape, long batch, IntPointer tokens, @Cast("uint8_t*") BytePointer terminal,
      @Cast("uint8_t*") BytePointer pad);

  public static native int sequence_step(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer tokensOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut);

  public static native int sequence_backward_step(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer tokensOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut, @Cast("uint8_t*") BytePointer done);

  public static native int sequence_forward_mask(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, @Cast("uint8_t*") BytePointer invalid);

  public static native int sequence_backward_mask(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, @Cast("uint8_t*") BytePointer invalid);

  public static native int sequence_observe(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, IntPointer obs);

  public static native int sequence_observe_one_hot(
      @Const IntPointer shape, int classes, long batch, @Const IntPointer tokens, FloatPointer obs);

  public static native int sequence_backward_actions(
      @Const IntPointer shape, long batch, @Const IntPointer actions, IntPointer out);

  public static native int sequence_forward_actions(
      @Const IntPointer shape, long batch, @Const IntPointer tokens, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer backwardActions, IntPointer out);

  public static native int bitseq_log_reward(
      int length, int k, int numModes, @Cast("const uint64_t*") LongPointer modes, double beta, long count,
      @Const IntPointer tokens, @Const IntPointer rows, DoublePointer out);

  public static native int sequence_table_log_reward(
      int length, int nchar, @Const DoublePointer logTable, long tableSize, long count,
      @Const IntPointer tokens, @Const IntPointer rows, DoublePointer out);
}
