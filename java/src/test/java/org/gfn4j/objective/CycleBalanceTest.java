package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * The objectives for cycles on real permutation rollouts with the environment's own first edge:
 * exact gradients (central differences, log Z included), the fixed first-edge PF gets no
 * gradient, log Z does, and native equals the Java reference.
 */
class CycleBalanceTest {
  private static final String ENV = "permutations:n=3";

  private static String[] specs() {
    FirstEdge edge = Environments.create(ENV).firstEdge().orElseThrow();
    String tail = "return_action=" + edge.returnAction() + ",first_log_pf=" + edge.logPF();
    return new String[] {"ndb:" + tail, "ndb_flow:reg=0.1," + tail, "sdb:" + tail, "sdb:scale=log,reg=0.01," + tail};
  }

  @Test
  void gradientsOnPermutationRolloutsMatchCentralDifferencesAndReachLogZ() {
    BlockFixture f = BlockFixture.hypergrid(ENV, 4, 5);
    for (String spec : specs()) {
      AbstractObjective o = (AbstractObjective) Objectives.create(spec, Backend.JAVA);
      ObjectiveArrays a = f.arrays();
      ArrayGrads g = ArrayGrads.full(a);
      ReferenceObjectives.loss(o.kind(), o.params(), a, g);
      double h = 1e-6;
      double z = a.logZ;
      a.logZ = z + h;
      double up = ReferenceObjectives.loss(o.kind(), o.params(), a, ArrayGrads.full(a));
      a.logZ = z - h;
      double down = ReferenceObjectives.loss(o.kind(), o.params(), a, ArrayGrads.full(a));
      a.logZ = z;
      assertEquals((up - down) / (2 * h), g.dLogZ, 2e-6 + 1e-5 * Math.abs(g.dLogZ), spec + " dLogZ");
      assertNotEquals(0.0, g.dLogZ, spec + ": the first edge must train log Z");
      for (int i = 0; i < a.logFlow.length; i++) {
        double x = a.logFlow[i];
        a.logFlow[i] = x + h;
        double fu = ReferenceObjectives.loss(o.kind(), o.params(), a, ArrayGrads.full(a));
        a.logFlow[i] = x - h;
        double fd = ReferenceObjectives.loss(o.kind(), o.params(), a, ArrayGrads.full(a));
        a.logFlow[i] = x;
        assertEquals((fu - fd) / (2 * h), g.dLogFlow[i], 2e-6 + 1e-5 * Math.abs(g.dLogFlow[i]), spec + " dLogFlow");
      }
      for (int b = 0; b < f.batch; b++) { // slot 0 is s0: fixed PF and log F(s0) = log Z
        assertEquals(0.0, g.dLogFlow[f.cell(0, b)], spec);
        for (int k = 0; k < f.numActions; k++) {
          assertEquals(0.0, g.dForwardLogits[f.cell(0, b) * f.numActions + k], spec);
        }
      }
    }
  }

  @Test
  void nativeEqualsReferenceOnPermutationRollouts() throws Exception {
    BlockFixture f = BlockFixture.hypergrid(ENV, 6, 9);
    for (String spec : specs()) {
      ObjectiveBackendTest.Result n = ObjectiveBackendTest.run(Objectives.create(spec, Backend.NATIVE), f);
      ObjectiveBackendTest.Result j = ObjectiveBackendTest.run(Objectives.create(spec, Backend.JAVA), f);
      assertEquals(j.loss, n.loss, 1e-12 * Math.max(1, Math.abs(j.loss)), spec);
      assertEquals(j.dLogZ, n.dLogZ, 1e-12 * Math.max(1, Math.abs(j.dLogZ)), spec);
      assertEquals(NaiveLosses.of((AbstractObjective) Objectives.create(spec, Backend.JAVA), f), j.loss,
          1e-9 * Math.abs(j.loss), spec);
      for (int i = 0; i < j.dFlow.length; i++) {
        assertEquals(j.dFlow[i], n.dFlow[i], 1e-7 + 1e-6 * Math.abs(j.dFlow[i]), spec + " dLogFlow");
      }
    }
  }

  @Test
  void perTrajectoryFirstEdgeLogPFReplacesTheOneValueOnBothBackends() throws Exception {
    BlockFixture f = BlockFixture.hypergrid(ENV, 6, 11);
    java.util.Random rng = new java.util.Random(5);
    f.firstEdgeLogPF = new float[f.batch];
    for (int b = 0; b < f.batch; b++) {
      f.firstEdgeLogPF[b] = (float) (-3 * rng.nextDouble());
    }
    for (String spec : specs()) {
      ObjectiveBackendTest.Result n = ObjectiveBackendTest.run(Objectives.create(spec, Backend.NATIVE), f);
      ObjectiveBackendTest.Result j = ObjectiveBackendTest.run(Objectives.create(spec, Backend.JAVA), f);
      double naive = NaiveLosses.of((AbstractObjective) Objectives.create(spec, Backend.JAVA), f);
      assertEquals(naive, j.loss, 1e-9 * Math.abs(j.loss), spec);
      assertEquals(j.loss, n.loss, 1e-12 * Math.max(1, Math.abs(j.loss)), spec);
      assertEquals(j.dLogZ, n.dLogZ, 1e-12 * Math.max(1, Math.abs(j.dLogZ)), spec);
      float[] rows = f.firstEdgeLogPF;
      f.firstEdgeLogPF = null;
      double single = NaiveLosses.of((AbstractObjective) Objectives.create(spec, Backend.JAVA), f);
      f.firstEdgeLogPF = rows;
      assertNotEquals(single, j.loss, spec + ": the per-row values must reach the first edge");
    }
    f.firstEdgeLogPF[2] = Float.NaN;
    assertThrows(IllegalArgumentException.class,
        () -> ObjectiveBackendTest.run(Objectives.create(specs()[0], Backend.NATIVE), f));
  }

  @Test
  void regulariserDefaultsAndBadSettingsAreRejected() {
    assertEquals(1e-3, ((CycleBalance) Objectives.create("ndb")).settings().reg());
    assertEquals(0.0, ((CycleBalance) Objectives.create("sdb")).settings().reg());
    assertTrue(Objectives.create("ndb").usesLogZ());
    assertTrue(Objectives.create("sdb").learnsBackwardPolicy());
    assertFalse(Objectives.create("ndb").needsWholeTrajectories());
    for (String bad : new String[] {"ndb:reg=-1", "sdb:alpha=0", "sdb:eps=-1", "sdb:scale=linear", "ndb:foo=1"}) {
      assertThrows(IllegalArgumentException.class, () -> Objectives.create(bad), bad);
    }
  }
}
