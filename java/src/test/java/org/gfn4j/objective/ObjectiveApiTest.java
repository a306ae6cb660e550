package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Factory, head requirements, argument checks and the per-transition log-probability kernel. */
class ObjectiveApiTest {
  @Test
  void factoryBuildsEveryObjectiveWithItsParameters() {
    for (String name : Objectives.NAMES) {
      String spec = name.equals("mdb") ? "mdb:stop_action=4" : name;
      assertEquals(name, Objectives.create(spec, Backend.JAVA).name());
    }
    assertEquals(1.9, ((SubTrajectoryBalance) Objectives.create("subtb:lambda=1.9")).lambda());
    assertEquals(5.0, ((SoftDQN) Objectives.create("softdqn")).leafCoeff());
    assertEquals(25, ((ModifiedDB) Objectives.create("MDB:stop_action=25")).stopAction());
    assertTrue(Objectives.create("tb").usesLogZ());
    assertTrue(Objectives.create("tb").learnsBackwardPolicy());
    assertFalse(Objectives.create("tb:pb=uniform").learnsBackwardPolicy());
    assertFalse(Objectives.create("fldb:pb=learned").learnsBackwardPolicy(), "FL-DB reads PB from the target net");
    assertTrue(Objectives.create("softdqn").usesTargetNetwork());
    assertFalse(Objectives.create("db").usesTargetNetwork());
    for (String bad : new String[] {"", "xyz", "mdb", "tb:pb=maybe", "tb:foo=1", "subtb:lambda=-1",
        "subtb:lambda=abc", "softdqn:leaf_coeff=NaN", "mdb:stop_action=-2", "db:pb"}) {
      assertThrows(IllegalArgumentException.class, () -> Objectives.create(bad), bad);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badInputsThrowIllegalArgument(Backend backend) throws Exception {
    BlockFixture f = BlockFixture.synthetic(3, 5, 4, 4, 3);
    Objective tb = Objectives.create("tb", backend);
    int realCell = f.cell(0, 0);
    BlockFixture outOfRange = BlockFixture.synthetic(3, 5, 4, 4, 3);
    outOfRange.actions[realCell] = f.numActions;
    BlockFixture masked = BlockFixture.synthetic(3, 5, 4, 4, 3);
    masked.forwardMask[realCell * f.numActions + masked.actions[realCell]] = 1;
    BlockFixture badBackward = BlockFixture.synthetic(3, 5, 4, 4, 3);
    badBackward.backwardActions[realCell] = -1;
    for (BlockFixture bad : new BlockFixture[] {outOfRange, masked, badBackward}) {
      try (BlockFixture.Tensors t = bad.tensors(); ObjectiveGrads g = ObjectiveGrads.allocate(t.inputs)) {
        assertThrows(IllegalArgumentException.class, () -> tb.loss(t.inputs, g));
      }
    }
    try (BlockFixture.Tensors t = f.tensors(); ObjectiveGrads g = ObjectiveGrads.allocate(t.inputs);
        FloatTensor small = FloatTensor.allocate(3)) {
      ObjectiveInputs noFlow = t.inputs.toBuilder().logFlow(null).build();
      assertThrows(IllegalArgumentException.class, () -> Objectives.create("db", backend).loss(noFlow, g));
      ObjectiveInputs noBackward = t.inputs.toBuilder().backwardLogits(null).build();
      assertThrows(IllegalArgumentException.class, () -> tb.loss(noBackward, g));
      assertTrue(Objectives.create("tb:pb=uniform", backend).loss(noBackward, g) > 0, "uniform PB needs no head");
      assertThrows(IllegalArgumentException.class,
          () -> Objectives.create("mdb:stop_action=" + f.numActions, backend).loss(t.inputs, g));
      assertThrows(IllegalArgumentException.class, () -> tb.loss(t.inputs, ObjectiveGrads.of(small, null, null)));
      assertThrows(IllegalArgumentException.class, () -> t.inputs.toBuilder().logFlow(small).build());
      assertThrows(IllegalArgumentException.class, () -> t.inputs.toBuilder().logZ(Double.NaN).build());
      assertThrows(IllegalArgumentException.class, () -> t.inputs.toBuilder().pad(null).build());
    }
    BlockFixture.Tensors closed = f.tensors();
    ObjectiveInputs in = closed.inputs;
    closed.close();
    try (ObjectiveGrads g = ObjectiveGrads.allocate(f.slots, f.batch, f.numActions, f.numBackwardActions)) {
      assertThrows(IllegalStateException.class, () -> tb.loss(in, g));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void absentGradientBuffersAreSkipped(Backend backend) throws Exception {
    BlockFixture f = BlockFixture.synthetic(8, 6, 5, 4, 3);
    Objective db = Objectives.create("db", backend);
    try (BlockFixture.Tensors t = f.tensors(); ObjectiveGrads full = ObjectiveGrads.allocate(t.inputs);
        FloatTensor dFlow = FloatTensor.allocate(f.slots, f.batch)) {
      double loss = db.loss(t.inputs, full);
      ObjectiveGrads partial = ObjectiveGrads.of(null, null, dFlow);
      assertEquals(loss, db.loss(t.inputs, partial));
      assertArrayEquals(full.dLogFlow().toArray(), dFlow.toArray());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void trajectoryLogProbsMatchPlainSums(Backend backend) throws Exception {
    BlockFixture hypergrid = BlockFixture.hypergrid("hypergrid:dim=3,side=4", 12, 8);
    for (BlockFixture f : new BlockFixture[] {BlockFixture.synthetic(6, 7, 9, 5, 4), hypergrid}) {
      for (boolean uniform : new boolean[] {false, true}) {
        try (BlockFixture.Tensors t = f.tensors(); FloatTensor logPF = FloatTensor.allocate(f.slots, f.batch);
            FloatTensor logPB = FloatTensor.allocate(f.slots, f.batch); DoubleTensor sumPF = DoubleTensor.allocate(f.batch);
            DoubleTensor sumPB = DoubleTensor.allocate(f.batch); DoubleTensor logR = DoubleTensor.allocate(f.batch)) {
          new TrajectoryLogProbs(uniform, backend).compute(t.inputs, logPF, logPB, sumPF, sumPB, logR);
          for (int b = 0; b < f.batch; b++) {
            double spf = 0;
            double spb = 0;
            double r = 0;
            for (int s = 0; s < f.slots; s++) {
              int c = f.cell(s, b);
              double pf = f.real(s, b) ? NaiveLosses.logPF(f, f.forwardLogits, s, b, f.actions[c]) : 0;
              double pb = f.real(s, b) ? NaiveLosses.logPB(f, uniform ? null : f.backwardLogits, s, b) : 0;
              assertEquals(pf, logPF.get(c), 1e-5 * Math.max(1, Math.abs(pf)));
              assertEquals(pb, logPB.get(c), 1e-5 * Math.max(1, Math.abs(pb)));
              if (f == hypergrid && f.real(s, b) && f.done(s, b)) {
                assertEquals(0f, logPB.get(c), "hypergrid: undoing stop is the only backward action");
              }
              spf += pf;
              spb += pb;
              r += f.real(s, b) ? f.logReward[c] : 0;
            }
            assertEquals(spf, sumPF.get(b), 1e-9 * Math.max(1, Math.abs(spf)));
            assertEquals(spb, sumPB.get(b), 1e-9 * Math.max(1, Math.abs(spb)));
            assertEquals(r, logR.get(b), 1e-12);
          }
        }
      }
    }
  }
}
