package org.gfn4j.metrics;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/** Pure-Java reference of the exact-distribution kernels: the specification the native code is tested against. */
final class JavaExactKernels implements ExactKernels {
  static final JavaExactKernels INSTANCE = new JavaExactKernels();

  private JavaExactKernels() {}

  @Override
  public void maskedSoftmax(int rows, int numActions, FloatTensor logits, IntTensor children, DoubleTensor probs) {
    FloatBuffer x = logits.buffer();
    IntBuffer c = children.buffer();
    DoubleBuffer p = probs.buffer();
    for (int r = 0; r < rows; r++) {
      boolean any = false;
      for (int a = 0; a < numActions; a++) {
        any |= c.get(r * numActions + a) >= 0;
      }
      if (!any) {
        throw new IllegalArgumentException("exact_masked_softmax: row " + r + " has no valid action");
      }
    }
    for (int r = 0; r < rows; r++) {
      int base = r * numActions;
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < numActions; a++) {
        if (c.get(base + a) >= 0 && (double) x.get(base + a) > max) {
          max = x.get(base + a);
        }
      }
      double sum = 0.0;
      for (int a = 0; a < numActions; a++) {
        double v = c.get(base + a) >= 0 ? Math.exp((double) x.get(base + a) - max) : 0.0;
        p.put(base + a, v);
        sum += v;
      }
      for (int a = 0; a < numActions; a++) {
        p.put(base + a, p.get(base + a) / sum);
      }
    }
  }

  @Override
  public void propagate(StateGraph g, DoubleTensor probs, DoubleTensor mass, DoubleTensor terminalMass) {
    int numActions = g.numActions();
    IntBuffer levelStart = g.levelStart().buffer();
    IntBuffer order = g.order().buffer();
    IntBuffer inStart = g.inStart().buffer();
    IntBuffer inEdge = g.inEdge().buffer();
    IntBuffer terminalInStart = g.terminalInStart().buffer();
    IntBuffer terminalInEdge = g.terminalInEdge().buffer();
    DoubleBuffer p = probs.buffer();
    DoubleBuffer m = mass.buffer();
    DoubleBuffer t = terminalMass.buffer();
    for (int i = levelStart.get(0); i < levelStart.get(1); i++) {
      int s = order.get(i);
      m.put(s, s == 0 ? 1.0 : 0.0);
    }
    for (int i = levelStart.get(1); i < g.numStates(); i++) {
      int s = order.get(i);
      m.put(s, pull(inEdge, inStart.get(s), inStart.get(s + 1), numActions, p, m));
    }
    for (int x = 0; x < g.numTerminalStates(); x++) {
      t.put(x, pull(terminalInEdge, terminalInStart.get(x), terminalInStart.get(x + 1), numActions, p, m));
    }
  }

  private static double pull(IntBuffer edges, int begin, int end, int numActions, DoubleBuffer p, DoubleBuffer m) {
    double sum = 0.0;
    for (int i = begin; i < end; i++) {
      int e = edges.get(i);
      sum += m.get(e / numActions) * p.get(e);
    }
    return sum;
  }
}
