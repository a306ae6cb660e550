package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.*;

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
 * The absorbing-chain oracle: closed forms on tiny cyclic grids, agreement with Monte-Carlo
 * rollouts on cyclic graphs, and with the level sweep of {@link ExactDistribution} on a DAG.
 */
class CyclicExactDistributionTest {
  private static final PolicyFn UNIFORM = TestPolicies.UNIFORM;
  private static final PolicyFn SKEWED = TestPolicies.skewed(false);

  @Test
  void uniformPolicyOnTinyCyclicGridsMatchesClosedForms() {
    // side 2: v = (1, 1), p = (1/2, 1/2), length 2; side 3: v = (2/3, 1, 2/3), p uniform, length 7/3
    double[][] expected = {{0.5, 0.5}, {1 / 3.0, 1 / 3.0, 1 / 3.0}};
    double[] lengths = {2.0, 7 / 3.0};
    for (int side = 2; side <= 3; side++) {
      StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=1,side=" + side + ",moves=pm"));
      try (CyclicExactDistribution exact = new CyclicExactDistribution(space)) {
        AbsorbingChain.Solution s = exact.compute(UNIFORM);
        assertArrayEquals(expected[side - 2], s.terminal(), 1e-12);
        assertEquals(lengths[side - 2], s.meanLength(), 1e-12);
        assertEquals(0.0, s.visits()[0], 0.0, "s0 is left by the first edge and never revisited");
        assertTrue(s.residual() < AbsorbingChain.TOLERANCE);
      }
    }
  }

  @Test
  void terminalDistributionAndMeanLengthMatchMonteCarloOnCyclicGraphs() {
    for (String spec : new String[] {"permutations:n=3", "hypergrid:dim=2,side=3,moves=pm"}) {
      Environment env = Environments.create(spec, Backend.NATIVE);
      StateSpace space = StateSpace.enumerate(env);
      AbsorbingChain.Solution exact;
      try (CyclicExactDistribution oracle = new CyclicExactDistribution(space)) {
        exact = oracle.compute(SKEWED);
      }
      assertEquals(1.0, java.util.Arrays.stream(exact.terminal()).sum(), 1e-9, spec);
      int batch = 2000;
      int rounds = 20;
      double[] counts = new double[space.numTerminalStates()];
      double sum = 0;
      double sumSq = 0;
      int finished = 0;
      // A cap far above the environment's, so that truncation does not bias the mean length.
      try (Trajectories block = Trajectories.of(env, 400, batch);
          HeadBlock heads = HeadBlock.like(block);
          ForwardRollout rollout = new ForwardRollout(env, new Sampler(5), batch)) {
        for (int r = 0; r < rounds; r++) {
          int used = rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0f, 1f, r), RolloutTimer.NONE);
          for (int b = 0; b < batch; b++) {
            if (block.isTruncated(b)) {
              continue;
            }
            counts[space.terminalIndex(block.states(used - 1).cells(b))]++;
            int steps = 0;
            for (int t = 1; t + 1 < used; t++) { // transitions after the first edge, exit included
              steps += block.isReal(t, b) ? 1 : 0;
            }
            sum += steps;
            sumSq += (double) steps * steps;
            finished++;
          }
        }
      }
      assertTrue(finished > 0.9999 * batch * rounds, spec + ": too many truncated trajectories");
      for (int i = 0; i < counts.length; i++) {
        counts[i] /= finished;
      }
      assertTrue(Distances.totalVariation(exact.terminal(), counts) < 0.02,
          spec + ": TV to Monte-Carlo " + Distances.totalVariation(exact.terminal(), counts));
      double mean = sum / finished;
      double se = Math.sqrt((sumSq / finished - mean * mean) / finished);
      assertEquals(exact.meanLength(), mean, 4 * se + 1e-9, spec + ": mean length");
    }
  }

  @Test
  void onAnAcyclicGraphTheChainEqualsTheLevelSweep() {
    StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=2,side=4"));
    try (StateGraph graph = StateGraph.build(space);
        ExactDistribution sweep = new ExactDistribution(space, graph);
        CyclicExactDistribution chain = new CyclicExactDistribution(space)) {
      assertArrayEquals(sweep.compute(SKEWED), chain.compute(SKEWED).terminal(), 1e-10);
    }
  }
}
