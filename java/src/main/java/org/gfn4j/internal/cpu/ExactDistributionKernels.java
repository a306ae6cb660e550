package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/exact_distribution.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/exact_distribution.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class ExactDistributionKernels {
  static {
    Loader.load();
  }

  private ExactDistributionKernels() {}

  public static native int exact_masked_softmax(
      long rows, int numActions, @Const FloatPointer logits, @Const IntPointer children, DoublePointer probs);

  public static native int exact_propagate(
      int numStates, int numTerminal, int numActions, @Const DoublePointer probs, int root, int numLevels,
      @Const IntPointer levelStart, @Const IntPointer order, @Const IntPointer inStart,
      @Const IntPointer inEdge, @Const IntPointer terminalInStart, @Const IntPointer terminalInEdge,
      DoublePointer mass, DoublePointer terminalMass);
}
