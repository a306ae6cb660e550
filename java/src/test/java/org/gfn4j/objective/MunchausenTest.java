package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** M-DQN's parameters: the consistent temperature by default, and double DQN's reduction to the plain target. */
class MunchausenTest {
  @Test
  void defaultTemperatureIsOneOverOneMinusAlpha() {
    SoftDQN m = (SoftDQN) Objectives.create("mdqn");
    assertEquals(0.15, m.munchausen().alpha());
    assertEquals(1 / 0.85, m.munchausen().lambda(), 1e-15);
    assertEquals(2.0, ((SoftDQN) Objectives.create("mdqn:alpha=0.5")).munchausen().lambda(), 1e-15);
    assertEquals(1.0, ((SoftDQN) Objectives.create("mdqn:alpha=0.5,lambda=1")).munchausen().lambda());
    assertEquals(1.0, ((SoftDQN) Objectives.create("softdqn")).munchausen().lambda());
    assertEquals("mdqn", Objectives.create("mdqn").name());
    for (String bad : new String[] {"mdqn:alpha=1", "mdqn:alpha=-0.1", "mdqn:l0=1", "softdqn:lambda=0",
        "mdqn:double=yes", "softdqn:alpha=0.1"}) {
      assertThrows(IllegalArgumentException.class, () -> Objectives.create(bad), bad);
    }
  }

  /** With identical online and target policies the KL term vanishes: double DQN equals the plain target. */
  @Test
  void doubleDqnEqualsPlainTargetWhenPoliciesAgree() {
    BlockFixture f = BlockFixture.synthetic(51, 6, 5, 4, 3);
    for (String spec : new String[] {"mdqn", "softdqn:lambda=1.5"}) {
      AbstractObjective plain = (AbstractObjective) Objectives.create(spec, Backend.JAVA);
      AbstractObjective dbl = (AbstractObjective) Objectives.create(spec + (spec.contains(":") ? "," : ":")
          + "double=true", Backend.JAVA);
      ObjectiveArrays a = f.arrays();
      a.targetForwardLogits = a.forwardLogits.clone();
      ArrayGrads g1 = ArrayGrads.full(a);
      ArrayGrads g2 = ArrayGrads.full(a);
      double l1 = ReferenceObjectives.loss(plain.kind(), plain.params(), a, g1);
      double l2 = ReferenceObjectives.loss(dbl.kind(), dbl.params(), a, g2);
      assertEquals(l1, l2, 1e-12, spec);
      assertArrayEquals(g1.dForwardLogits, g2.dForwardLogits, 1e-12, spec);
      assertArrayEquals(g1.dLogFlow, g2.dLogFlow, 1e-12, spec);
      ObjectiveArrays b = f.arrays(); // different policies: the targets differ
      assertNotEquals(ReferenceObjectives.loss(plain.kind(), plain.params(), b, ArrayGrads.full(b)),
          ReferenceObjectives.loss(dbl.kind(), dbl.params(), b, ArrayGrads.full(b)), spec);
    }
  }
}
