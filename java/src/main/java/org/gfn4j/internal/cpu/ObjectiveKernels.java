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

/** JavaCPP binding of gfn4j/objective.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/objective.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class ObjectiveKernels {
  static {
    Loader.load();
  }

  private ObjectiveKernels() {}

  public static native int objective_loss(
      int kind, long slots, long batch, int numActions, int numBackwardActions,
      @Const IntPointer actions, @Const IntPointer backwardActions,
      @Cast("const uint8_t*") BytePointer forwardMask, @Cast("const uint8_t*") BytePointer backwardMask,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("const uint8_t*") BytePointer pad,
      @Const FloatPointer logReward, @Const FloatPointer forwardLogits, @Const FloatPointer backwardLogits,
      @Const FloatPointer logFlow, double logZ, @Const FloatPointer targetForwardLogits,
      @Const FloatPointer targetBackwardLogits, @Const FloatPointer targetLogFlow,
      @Const FloatPointer deltaScore, @Const FloatPointer weights, double lambda, double leafCoeff, int stopAction,
      int uniformBackward, double munchausenAlpha, double munchausenL0, double temperature, int doubleDqn,
      DoublePointer loss, FloatPointer dForwardLogits, FloatPointer dBackwardLogits, FloatPointer dLogFlow,
      DoublePointer dLogZ, FloatPointer tdErrors);

  public static native int cycle_objective_loss(
      int kind, long slots, long batch, int numActions, int numBackwardActions,
      @Const IntPointer actions, @Const IntPointer backwardActions,
      @Cast("const uint8_t*") BytePointer forwardMask, @Cast("const uint8_t*") BytePointer backwardMask,
      @Cast("const uint8_t*") BytePointer terminal, @Cast("const uint8_t*") BytePointer pad,
      @Const FloatPointer logReward, @Const FloatPointer forwardLogits, @Const FloatPointer backwardLogits,
      @Const FloatPointer logFlow, double logZ, @Const FloatPointer weights, double firstEdgeLogPF,
      @Const FloatPointer firstEdgeLogPFRows, int returnAction, double reg,
      double alpha, double beta, double eps, double eta, int logScale, int uniformBackward,
      DoublePointer loss, FloatPointer dForwardLogits, FloatPointer dBackwardLogits, FloatPointer dLogFlow,
      DoublePointer dLogZ, FloatPointer tdErrors);

  public static native int trajectory_log_probs(
      long slots, long batch, int numActions, int numBackwardActions, @Const IntPointer actions,
      @Const IntPointer backwardActions, @Cast("const uint8_t*") BytePointer forwardMask,
      @Cast("const uint8_t*") BytePointer backwardMask, @Cast("const uint8_t*") BytePointer pad,
      @Const FloatPointer logReward, @Const FloatPointer forwardLogits, @Const FloatPointer backwardLogits,
      int uniformBackward, FloatPointer logPF, FloatPointer logPB, DoublePointer sumLogPF,
      DoublePointer sumLogPB, DoublePointer logR);
}
