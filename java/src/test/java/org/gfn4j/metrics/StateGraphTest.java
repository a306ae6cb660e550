package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Graph construction checks and the two exact kernels on hand-made graphs, for both backends. */
class StateGraphTest {

  /**
   * A diamond with a shortcut: 0 → {1, 2}; 1 → {3, T0}; 2 → {3}; 3 → {T1}. Two actions; -1 = invalid.
   */
  static StateGraph diamond() {
    int n = 4;
    int[] children = {
      1, 2,
      3, n + 0,
      3, -1,
      n + 1, -1,
    };
    return StateGraph.of("diamond", n, 2, 2, 1, new int[] {0, 1, 2, 3}, children);
  }

  static double[] run(Backend backend, StateGraph g, float[] logits) {
    ExactKernels k = ExactKernels.of(backend);
    try (FloatTensor x = FloatTensor.of(logits, g.numStates(), g.numActions());
        DoubleTensor probs = DoubleTensor.allocate(g.numStates(), g.numActions());
        DoubleTensor mass = DoubleTensor.allocate(g.numStates());
        DoubleTensor terminal = DoubleTensor.allocate(g.numTerminalStates())) {
      k.maskedSoftmax(g.numStates(), g.numActions(), x, g.children(), probs);
      k.propagate(g, probs, mass, terminal);
      return terminal.toArray();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void diamondWithUniformLogits(Backend backend) {
    try (StateGraph g = diamond()) {
      assertEquals(3, g.numLevels());
      assertEquals(6, g.numEdges());
      // P(1) = P(2) = 1/2; T0 = 1/4; P(3) = 1/4 + 1/2; T1 = P(3).
      assertArrayEquals(new double[] {0.25, 0.75}, run(backend, g, new float[8]), 0.0);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void maskedLogitsAreIgnored(Backend backend) {
    try (StateGraph g = diamond()) {
      // Logits of invalid actions (states 2 and 3, action 1) must not matter, even when huge.
      float log3 = (float) Math.log(3);
      float log2 = (float) Math.log(2);
      float[] logits = {0f, log3, 0f, log2, 0f, 1e30f, 0f, Float.NaN};
      double p1 = 1 / (1 + Math.exp(log3));
      double t0 = p1 * Math.exp(log2) / (1 + Math.exp(log2));
      assertArrayEquals(new double[] {t0, 1 - t0}, run(backend, g, logits), 1e-15);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rowWithoutValidActionIsRejectedByTheSoftmax(Backend backend) {
    try (FloatTensor x = FloatTensor.allocate(2, 2);
        IntTensor children = IntTensor.of(new int[] {1, -1, -1, -1}, 2, 2);
        DoubleTensor probs = DoubleTensor.allocate(2, 2)) {
      assertThrows(IllegalArgumentException.class,
          () -> ExactKernels.of(backend).maskedSoftmax(2, 2, x, children, probs));
    }
  }

  @Test
  void cyclesAreRejected() {
    int[] children = {1, -1, 2, -1, 1, 3};
    assertThrows(IllegalArgumentException.class,
        () -> StateGraph.of("cycle", 3, 1, 2, 1, new int[3], children));
  }

  @Test
  void initialStateWithAParentIsRejected() {
    int[] children = {1, 2, 0, 2};
    assertThrows(IllegalArgumentException.class,
        () -> StateGraph.of("back-edge", 2, 1, 2, 1, new int[2], children));
  }

  @Test
  void deadEndsAndOutOfRangeChildrenAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> StateGraph.of("dead-end", 2, 1, 2, 1, new int[2], new int[] {1, 2, -1, -1}));
    assertThrows(IllegalArgumentException.class,
        () -> StateGraph.of("range", 2, 1, 2, 1, new int[2], new int[] {1, 3, 2, -1}));
    assertThrows(IllegalArgumentException.class,
        () -> StateGraph.of("size", 2, 1, 2, 1, new int[2], new int[] {1, 2}));
  }

  @Test
  void unreachableStatesGetNoMass() {
    // State 2 has no parent: it sits on level 0 with state 0 but receives no mass, so T1 gets none.
    int[] children = {1, -1, 3, -1, 4, -1};
    try (StateGraph g = StateGraph.of("orphan", 3, 2, 2, 1, new int[3], children)) {
      assertArrayEquals(new double[] {1.0, 0.0}, run(Backend.NATIVE, g, new float[6]), 0.0);
      assertArrayEquals(new double[] {1.0, 0.0}, run(Backend.JAVA, g, new float[6]), 0.0);
    }
  }
}
