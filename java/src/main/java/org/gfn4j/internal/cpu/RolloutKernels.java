package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/rollout.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/rollout.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class RolloutKernels {
  static {
    Loader.load();
  }

  private RolloutKernels() {}

  public static native int rollout_forward_mlp(int envKind, @Const IntPointer envInts, @Const DoublePointer envDoubles,
      int slots, long batch, int width, int obsSize, int numActions, int numBackwardActions, IntPointer cells,
      @Cast("uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer pad, FloatPointer obs,
      @Cast("uint8_t*") BytePointer forwardMask, @Cast("uint8_t*") BytePointer backwardMask, IntPointer actions,
      IntPointer backwardActions, FloatPointer logReward, FloatPointer forwardLogits, FloatPointer backwardLogits,
      FloatPointer logFlow, int depth, int hidden, int activation, @Const FloatPointer packed, float epsilon,
      float temperature, long seed, long rngStep, FloatPointer sampledLogPF, IntPointer used,
      @Cast("int64_t*") LongPointer policyNanos, @Cast("float* const*") PointerPointer<?> acts,
      @Cast("int64_t*") LongPointer actRows);
}
