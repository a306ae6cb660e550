package org.gfn4j.metrics;

import static org.gfn4j.internal.cpu.ExactDistributionKernels.exact_masked_softmax;
import static org.gfn4j.internal.cpu.ExactDistributionKernels.exact_propagate;

import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/** The exact-distribution kernels of native/src/metrics/exact_distribution.cpp: one JNI call each. */
final class NativeExactKernels implements ExactKernels {
  static final NativeExactKernels INSTANCE = new NativeExactKernels();

  private NativeExactKernels() {
    NativeLibrary.ensureLoaded();
  }

  @Override
  public void maskedSoftmax(int rows, int numActions, FloatTensor logits, IntTensor children, DoubleTensor probs) {
    NativeStatus.check(
        exact_masked_softmax(rows, numActions, logits.pointer(), children.pointer(), probs.pointer()),
        "exact_masked_softmax");
  }

  @Override
  public void propagate(StateGraph g, DoubleTensor probs, DoubleTensor mass, DoubleTensor terminalMass) {
    NativeStatus.check(
        exact_propagate(g.numStates(), g.numTerminalStates(), g.numActions(), probs.pointer(), 0, g.numLevels(),
            g.levelStart().pointer(), g.order().pointer(), g.inStart().pointer(), g.inEdge().pointer(),
            g.terminalInStart().pointer(), g.terminalInEdge().pointer(), mass.pointer(), terminalMass.pointer()),
        "exact_propagate");
  }
}
