package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * Every gradient of every objective (the Java reference, double precision) equals central finite
 * differences of its loss, element by element, on synthetic blocks and on hypergrid rollouts.
 * Native gradients are tied to these by ObjectiveBackendTest.
 */
class ObjectiveGradientTest {
  private static final double H = 1e-6;

  private static List<BlockFixture> blocks() {
    return List.of(BlockFixture.synthetic(11, 7, 4, 5, 4), BlockFixture.synthetic(12, 5, 3, 3, 2),
        BlockFixture.hypergrid("hypergrid:dim=2,side=5", 3, 13));
  }

  private static double loss(AbstractObjective o, ObjectiveArrays a) {
    return ReferenceObjectives.loss(o.kind(), o.params(), a, ArrayGrads.full(a));
  }

  /** Central difference of the loss along one coordinate, set through {@code set}. */
  private static double numeric(AbstractObjective o, ObjectiveArrays a, double x0, Consumer<Double> set) {
    set.accept(x0 + H);
    double up = loss(o, a);
    set.accept(x0 - H);
    double down = loss(o, a);
    set.accept(x0);
    return (up - down) / (2 * H);
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 2e-6 + 1e-5 * Math.abs(expected), what);
  }

  private static void checkArray(AbstractObjective o, ObjectiveArrays a, double[] head, double[] grad, String name) {
    for (int i = 0; i < head.length; i++) {
      final int k = i;
      double fd = numeric(o, a, head[k], v -> head[k] = v);
      assertClose(fd, grad[k], ObjectiveSpecs.describe(o) + " d" + name + "[" + k + "]");
    }
  }

  @Test
  void everyGradientMatchesCentralDifferences() {
    int checkedNonZero = 0;
    for (BlockFixture f : blocks()) {
      for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
        if (ObjectiveSpecs.semiGradient(o)) {
          continue; // DoubleDqnTest ties it to the plain target
        }
        ObjectiveArrays a = f.arrays();
        a.checkActions(o.kind(), o.params());
        ArrayGrads g = ArrayGrads.full(a);
        ReferenceObjectives.loss(o.kind(), o.params(), a, g);
        checkArray(o, a, a.forwardLogits, g.dForwardLogits, "forwardLogits");
        checkArray(o, a, a.backwardLogits, g.dBackwardLogits, "backwardLogits");
        checkArray(o, a, a.logFlow, g.dLogFlow, "logFlow");
        double z = a.logZ;
        assertClose(numeric(o, a, z, v -> a.logZ = v), g.dLogZ, ObjectiveSpecs.describe(o) + " dLogZ");
        for (double d : g.dForwardLogits) {
          checkedNonZero += Math.abs(d) > 1e-3 ? 1 : 0;
        }
      }
    }
    assertTrue(checkedNonZero > 500, "the blocks exercise non-trivial gradients: " + checkedNonZero);
  }

  @Test
  void uniformBackwardPolicyGetsNoGradient() {
    BlockFixture f = BlockFixture.synthetic(21, 6, 5, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
      if (o.learnsBackwardPolicy()) {
        continue;
      }
      ObjectiveArrays a = f.arrays();
      ArrayGrads g = ArrayGrads.full(a);
      ReferenceObjectives.loss(o.kind(), o.params(), a, g);
      for (double d : g.dBackwardLogits) {
        assertEquals(0.0, d, ObjectiveSpecs.describe(o));
      }
      // and the loss indeed ignores the online backward head
      java.util.Arrays.fill(a.backwardLogits, 3.0);
      assertEquals(loss(o, f.arrays()), loss(o, a), 1e-12, ObjectiveSpecs.describe(o));
    }
  }

  @Test
  void absentTargetHeadsMeanOnlineHeadsAsConstants() {
    BlockFixture f = BlockFixture.synthetic(31, 6, 5, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
      ObjectiveArrays withCopies = f.arrays();
      withCopies.targetForwardLogits = withCopies.forwardLogits.clone();
      withCopies.targetBackwardLogits = withCopies.backwardLogits.clone();
      withCopies.targetLogFlow = withCopies.logFlow.clone();
      ObjectiveArrays absent = f.arrays();
      absent.targetForwardLogits = null;
      absent.targetBackwardLogits = null;
      absent.targetLogFlow = null;
      ArrayGrads g1 = ArrayGrads.full(withCopies);
      ArrayGrads g2 = ArrayGrads.full(absent);
      assertEquals(ReferenceObjectives.loss(o.kind(), o.params(), withCopies, g1),
          ReferenceObjectives.loss(o.kind(), o.params(), absent, g2), 0.0, ObjectiveSpecs.describe(o));
      org.junit.jupiter.api.Assertions.assertArrayEquals(g1.dForwardLogits, g2.dForwardLogits, 0.0);
      org.junit.jupiter.api.Assertions.assertArrayEquals(g1.dLogFlow, g2.dLogFlow, 0.0);
    }
  }
}
