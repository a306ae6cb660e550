package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The objective API on both backends: values equal an independent plain computation, native
 * results equal the Java reference (loss and every gradient), and padding appended past the end
 * of the trajectories changes nothing and receives no gradient.
 */
class ObjectiveBackendTest {
  private static List<BlockFixture> blocks() {
    return List.of(BlockFixture.synthetic(1, 6, 3, 5, 4), BlockFixture.synthetic(2, 9, 40, 7, 3),
        BlockFixture.hypergrid("hypergrid:dim=2,side=5", 16, 3), BlockFixture.hypergrid("hypergrid:dim=4,side=6", 20, 4));
  }

  /** Loss and gradients of one configuration on one backend. */
  static final class Result {
    double loss;
    double dLogZ;
    float[] dForward;
    float[] dBackward;
    float[] dFlow;
  }

  static Result run(Objective o, BlockFixture f) throws Exception {
    try (BlockFixture.Tensors t = f.tensors(); ObjectiveGrads g = ObjectiveGrads.allocate(t.inputs)) {
      g.dForwardLogits().fill(Float.NaN);
      g.dBackwardLogits().fill(Float.NaN);
      g.dLogFlow().fill(Float.NaN);
      Result r = new Result();
      r.loss = o.loss(t.inputs, g);
      r.dLogZ = g.dLogZ();
      r.dForward = g.dForwardLogits().toArray();
      r.dBackward = g.dBackwardLogits().toArray();
      r.dFlow = g.dLogFlow().toArray();
      return r;
    }
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-7 + 1e-6 * Math.abs(expected[i]), what + "[" + i + "]");
    }
  }

  @Test
  void nativeEqualsJavaReference() throws Exception {
    for (BlockFixture f : blocks()) {
      List<AbstractObjective> natives = ObjectiveSpecs.all(f.numActions, Backend.NATIVE);
      List<AbstractObjective> javas = ObjectiveSpecs.all(f.numActions, Backend.JAVA);
      for (int i = 0; i < natives.size(); i++) {
        String what = ObjectiveSpecs.describe(natives.get(i)) + " on " + f.slots + "x" + f.batch;
        Result n = run(natives.get(i), f);
        Result j = run(javas.get(i), f);
        assertEquals(j.loss, n.loss, 1e-12 * Math.max(1, Math.abs(j.loss)), what + " loss");
        assertEquals(j.dLogZ, n.dLogZ, 1e-12 * Math.max(1, Math.abs(j.dLogZ)), what + " dLogZ");
        assertClose(j.dForward, n.dForward, what + " dForwardLogits");
        assertClose(j.dBackward, n.dBackward, what + " dBackwardLogits");
        assertClose(j.dFlow, n.dFlow, what + " dLogFlow");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lossEqualsIndependentComputation(Backend backend) throws Exception {
    for (BlockFixture f : blocks()) {
      for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, backend)) {
        double expected = NaiveLosses.of(o, f);
        assertTrue(expected > 1e-3, "non-trivial loss for " + ObjectiveSpecs.describe(o));
        assertEquals(expected, run(o, f).loss, 1e-9 * Math.abs(expected), ObjectiveSpecs.describe(o));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void paddingPastTerminationContributesNothing(Backend backend) throws Exception {
    for (BlockFixture f : blocks()) {
      BlockFixture longer = f.padded(5, 99);
      for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, backend)) {
        String what = ObjectiveSpecs.describe(o);
        Result a = run(o, f);
        Result b = run(o, longer);
        assertEquals(a.loss, b.loss, 1e-12 * Math.abs(a.loss), what);
        assertEquals(a.dLogZ, b.dLogZ, 1e-12 * Math.max(1, Math.abs(a.dLogZ)), what);
        int cells = f.slots * f.batch;
        assertPrefixThenZeros(a.dForward, b.dForward, cells * f.numActions, what + " dForwardLogits");
        assertPrefixThenZeros(a.dBackward, b.dBackward, cells * f.numBackwardActions, what + " dBackwardLogits");
        assertPrefixThenZeros(a.dFlow, b.dFlow, cells, what + " dLogFlow");
      }
    }
  }

  private static void assertPrefixThenZeros(float[] shorter, float[] longer, int prefix, String what) {
    for (int i = 0; i < prefix; i++) {
      assertEquals(shorter[i], longer[i], 1e-7 + 1e-6 * Math.abs(shorter[i]), what + "[" + i + "]");
    }
    for (int i = prefix; i < longer.length; i++) {
      assertEquals(0f, longer[i], what + " padding [" + i + "]");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void paddedTransitionsInsideTheBlockGetNoGradient(Backend backend) throws Exception {
    BlockFixture f = BlockFixture.synthetic(5, 8, 12, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, backend)) {
      Result r = run(o, f);
      for (int t = 0; t < f.slots; t++) {
        for (int b = 0; b < f.batch; b++) {
          int c = f.cell(t, b);
          if (!f.real(t, b)) {
            for (int k = 0; k < f.numActions; k++) {
              assertEquals(0f, r.dForward[c * f.numActions + k], ObjectiveSpecs.describe(o));
            }
          }
          boolean reachedByReal = t > 0 && f.real(t - 1, b);
          if (!reachedByReal || f.terminal[c] != 0) {
            // padded states, and terminal states whose log F is log R, have no learned flow
            if (t > 0) {
              assertEquals(0f, r.dFlow[c], ObjectiveSpecs.describe(o) + " flow at " + t + "," + b);
            }
            if (!reachedByReal) {
              for (int k = 0; k < f.numBackwardActions; k++) {
                assertEquals(0f, r.dBackward[c * f.numBackwardActions + k], ObjectiveSpecs.describe(o));
              }
            }
          }
        }
      }
    }
  }
}
