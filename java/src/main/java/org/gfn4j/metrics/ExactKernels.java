package org.gfn4j.metrics;

import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The two batch kernels of the exact distribution (native/include/gfn4j/exact_distribution.h):
 * the native implementation and its pure-Java twin, selected by {@link Backend}. Callers check
 * shapes; both implementations compute the same sums in the same order.
 */
interface ExactKernels {

  static ExactKernels of(Backend backend) {
    return backend == Backend.NATIVE ? NativeExactKernels.INSTANCE : JavaExactKernels.INSTANCE;
  }

  /** probs [rows, A] = softmax of logits [rows, A] over the valid entries of children [rows, A]. */
  void maskedSoftmax(int rows, int numActions, FloatTensor logits, IntTensor children, DoubleTensor probs);

  /** mass [N] and terminalMass [M] of the forward sweep over {@code graph} with edge probabilities probs [N, A]. */
  void propagate(StateGraph graph, DoubleTensor probs, DoubleTensor mass, DoubleTensor terminalMass);
}
