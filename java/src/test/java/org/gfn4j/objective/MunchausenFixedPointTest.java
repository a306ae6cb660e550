package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/**
 * The entropy-coefficient trap of M-DQN, by the exact metric on a small hypergrid: with the
 * temperature lambda = 1/(1 - alpha) the objective's fixed point is the GFlowNet (terminal law
 * R/Z, V(s0) = log Z); with lambda = 1 and alpha > 0 it is a tempered, wrong distribution.
 */
class MunchausenFixedPointTest {
  private static final int STEPS = 3000;

  private static TabularSoftQ train(String spec) {
    StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=2,side=5,reward=easy", Backend.NATIVE));
    TabularSoftQ q = new TabularSoftQ(space, 0.05);
    q.train(Objectives.create(spec, Backend.NATIVE), STEPS, 0.25);
    return q;
  }

  @Test
  void consistentTemperatureLearnsTheRewardDistribution() {
    StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=2,side=5,reward=easy", Backend.NATIVE));
    TabularSoftQ right = train("mdqn:alpha=0.5");
    TabularSoftQ wrong = train("mdqn:alpha=0.5,lambda=1");
    TabularSoftQ plain = train("softdqn");
    double tvRight = right.exactTotalVariation();
    double tvWrong = wrong.exactTotalVariation();
    double tvPlain = plain.exactTotalVariation();
    assertTrue(tvRight < 1e-3, "lambda = 1/(1-alpha): exact TV " + tvRight);
    assertTrue(tvPlain < 1e-3, "plain soft-DQN: exact TV " + tvPlain);
    assertTrue(tvWrong > 0.1, "lambda = 1 with alpha = 0.5 is tempered: exact TV " + tvWrong);
    assertEquals(space.logZ(), right.valueAtRoot(), 1e-3, "V(s0) = log Z");
  }
}
