package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.FloatBuffer;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.junit.jupiter.api.Test;

/**
 * The optimal-transport read-out on real rollouts: the exact W1 of a line equals the CDF formula
 * between the first edge's law and R/Z, the sampled transport cost of a policy whose coupling is
 * known in closed form matches it, and on a wandering policy the sampled cost is an unbiased
 * estimate of the exact expected number of moves from the absorbing chain.
 */
class TransportCostTest {
  private static final int SIDE = 6;

  /** On a line: always step up until the last cell, then exit (every start is sent to the top). */
  private static final PolicyFn CLIMB = (obs, f, b, flow) -> {
    float[] o = ((org.gfn4j.tensor.FloatTensor) obs).toArray();
    int rows = (int) f.dim(0);
    FloatBuffer out = f.buffer();
    for (int r = 0; r < rows; r++) {
      boolean top = o[r * SIDE + SIDE - 1] > 0.5f;
      out.put(r * 3, -30f);
      out.put(r * 3 + 1, top ? -30f : 0f);
      out.put(r * 3 + 2, top ? 0f : -30f);
    }
    b.fill(0f);
    flow.fill(0f);
  };

  private static final PolicyFn UNIFORM = TestPolicies.UNIFORM;

  @Test
  void exactW1OfALineIsTheSumOfCdfDifferencesFromTheSourceToTheTarget() {
    StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=1,side=9,moves=pm,source=corner:0.7"));
    double[] start = CyclicExactDistribution.startLaw(space);
    double[] source = new double[9];
    double[] target = new double[9];
    for (int s = 1; s < space.numStates(); s++) {
      source[space.state(s)[0]] += start[s];
    }
    double[] truth = space.trueDistribution();
    for (int x = 0; x < space.numTerminalStates(); x++) {
      target[space.terminalState(x)[0]] += truth[x];
    }
    assertTrue(source[0] > source[8] * 100, "the corner source leans to the origin");
    TransportOracle oracle = new TransportOracle(space, start);
    assertEquals(MinCostTransportTest.lineW1(source, target), oracle.w1(), 1e-6);
  }

  @Test
  void sampledCostOfAClimbingPolicyMatchesItsClosedFormCoupling() {
    Environment env = Environments.create("hypergrid:dim=1,side=" + SIDE + ",moves=pm,source=corner:0.4", Backend.NATIVE);
    StateSpace space = StateSpace.enumerate(env);
    double[] start = CyclicExactDistribution.startLaw(space);
    double expected = 0; // every start u goes to the top: SIDE - 1 - u moves, the graph distance
    for (int s = 1; s < space.numStates(); s++) {
      expected += start[s] * (SIDE - 1 - space.state(s)[0]);
    }
    TransportCost cost = sample(env, space, CLIMB, 3000, 2);
    double se = standardError(start, space, expected) / Math.sqrt(cost.count());
    assertEquals(expected, cost.meanMoves(), 4 * se);
    assertEquals(cost.meanMoves(), cost.meanPairDistance(), 1e-12, "a shortest path: moves = distance");
    try (CyclicExactDistribution chain = new CyclicExactDistribution(space)) {
      assertEquals(expected, chain.compute(CLIMB).meanLength() - 1, 1e-6, "exit excluded");
    }
  }

  @Test
  void sampledCostOfAWanderingPolicyIsUnbiasedForTheChainsExpectedMoves() {
    Environment env = Environments.create("hypergrid:dim=2,side=3,moves=pm,source=corner:-0.5", Backend.NATIVE);
    StateSpace space = StateSpace.enumerate(env);
    double exact;
    try (CyclicExactDistribution chain = new CyclicExactDistribution(space)) {
      exact = chain.compute(UNIFORM).meanLength() - 1;
    }
    int batch = 2000;
    int rounds = 6;
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    TransportOracle oracle = new TransportOracle(space, CyclicExactDistribution.startLaw(space));
    try (Trajectories block = Trajectories.of(env, 400, batch);
        HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(env, new Sampler(9), batch)) {
      for (int r = 0; r < rounds; r++) {
        int used = rollout.run(block, heads, UNIFORM, new ForwardRollout.Exploration(0f, 1f, r), RolloutTimer.NONE);
        TransportCost one = new TransportCost(oracle);
        one.addBlock(block, used);
        for (int b = 0; b < batch; b++) { // per-trajectory moves for the standard error
          int steps = -1;
          for (int t = 1; t + 1 < used; t++) {
            steps += block.isReal(t, b) ? 1 : 0;
          }
          sum += steps;
          sumSq += (double) steps * steps;
          n++;
        }
        assertEquals(batch, one.count(), "no trajectory is truncated at this cap");
        assertTrue(one.meanPairDistance() <= one.meanMoves() + 1e-12);
      }
    }
    double mean = sum / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    TransportCost all = sample(env, space, UNIFORM, batch, rounds);
    assertEquals(mean, all.meanMoves(), 1e-9, "the estimator is the sample mean of the moves");
    assertEquals(exact, all.meanMoves(), 4 * se);
  }

  private static TransportCost sample(Environment env, StateSpace space, PolicyFn policy, int batch, int rounds) {
    TransportCost cost = new TransportCost(new TransportOracle(space, CyclicExactDistribution.startLaw(space)));
    try (Trajectories block = Trajectories.of(env, 400, batch);
        HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(env, new Sampler(9), batch)) {
      for (int r = 0; r < rounds; r++) {
        int used = rollout.run(block, heads, policy, new ForwardRollout.Exploration(0f, 1f, r), RolloutTimer.NONE);
        cost.addBlock(block, used);
      }
    }
    return cost;
  }

  private static double standardError(double[] start, StateSpace space, double mean) {
    double var = 0;
    for (int s = 1; s < space.numStates(); s++) {
      double d = SIDE - 1 - space.state(s)[0] - mean;
      var += start[s] * d * d;
    }
    return Math.sqrt(var);
  }
}
