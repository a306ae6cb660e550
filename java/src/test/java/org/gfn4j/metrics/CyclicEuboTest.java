package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;

/**
 * The exact EUBO on graphs with cycles: 0 where a hand count says the uniform policy is exact, 0
 * for a forward policy with its own time reversal as PB under the reward it samples, above 0 for
 * any other PB, and never below 0 (it is a KL divergence).
 */
class CyclicEuboTest {
  private static final PolicyFn UNIFORM = TestPolicies.UNIFORM;
  private static final PolicyFn SKEWED = TestPolicies.skewed(true);

  @Test
  void theUniformPolicyOnTheTwoCellLineIsExact() {
    // cells 0 and 1 with equal rewards: forward 1/2 move, 1/2 exit; backward 1/2 move, 1/2 return
    // to s0 with log PF = log 1/2; every term of the EUBO cancels.
    StateSpace space = StateSpace.enumerate(Environments.create("hypergrid:dim=1,side=2,moves=pm"));
    try (CyclicExactDistribution exact = new CyclicExactDistribution(space)) {
      CyclicExactDistribution.Heads h = exact.heads(UNIFORM, true);
      assertEquals(0.0, new CyclicEubo(space).eubo(h.forwardProbs(), h.backwardLogProbs(), space.logZ()), 1e-10);
    }
  }

  @Test
  void theTimeReversalOfAPolicyScoresZeroAndOtherBackwardPoliciesMore() {
    Environment base = Environments.create("hypergrid:dim=2,side=3,moves=pm,source=corner:0.5");
    StateSpace space = StateSpace.enumerate(base);
    double[] probs;
    AbsorbingChain.Solution s;
    try (CyclicExactDistribution exact = new CyclicExactDistribution(space)) {
      probs = exact.heads(SKEWED, false).forwardProbs();
      s = exact.fromProbabilities(probs);
    }
    double[] p = s.terminal();
    // The reward the policy samples exactly: R(x) = p(x), Z = 1.
    Environment env = base.withReward(org.gfn4j.env.RewardModule.of(cells -> Math.log(p[space.terminalIndex(cells)])));
    StateSpace target = StateSpace.enumerate(env);
    assertEquals(0.0, target.logZ(), 1e-9);
    int n = space.numStates();
    int a = space.numActions();
    int ab = env.numBackwardActions();
    double[] start = CyclicExactDistribution.startLaw(space);
    double[] reversal = new double[n * ab];
    java.util.Arrays.fill(reversal, Double.NEGATIVE_INFINITY);
    FirstEdge edge = env.firstEdge().orElseThrow();
    int[] children = space.children();
    for (int c = 1; c < n; c++) { // return to s0: the share of c's visits that came from the first edge
      reversal[c * ab + edge.returnAction()] = Math.log(start[c] / s.visits()[c]);
    }
    for (int from = 1; from < n; from++) {
      for (int k = 0; k < a; k++) {
        int c = children[from * a + k];
        if (c > 0 && c < n && c != from) {
          int back = backwardAction(env, space, from, k, c);
          reversal[c * ab + back] = Math.log(s.visits()[from] * probs[from * a + k] / s.visits()[c]);
        }
      }
    }
    CyclicEubo eubo = new CyclicEubo(target);
    assertEquals(0.0, eubo.eubo(probs, reversal, 0.0), 1e-9);
    double[] other = reversal.clone();
    for (int c = 1; c < n; c++) { // mix each row with a uniform PB over the same actions
      int count = 0;
      for (int b = 0; b < ab; b++) {
        count += other[c * ab + b] > Double.NEGATIVE_INFINITY ? 1 : 0;
      }
      for (int b = 0; b < ab; b++) {
        if (other[c * ab + b] > Double.NEGATIVE_INFINITY) {
          other[c * ab + b] = Math.log(0.5 * Math.exp(other[c * ab + b]) + 0.5 / count);
        }
      }
    }
    assertTrue(eubo.eubo(probs, other, 0.0) > 1e-4, "another PB: " + eubo.eubo(probs, other, 0.0));
  }

  @Test
  void theEuboIsNeverBelowTheTrueLogZ() {
    for (String spec : new String[] {"permutations:n=3", "hypergrid:dim=2,side=4,moves=pm",
        "hypergrid:dim=1,side=5,moves=pm,source=corner:-1"}) {
      StateSpace space = StateSpace.enumerate(Environments.create(spec));
      try (CyclicExactDistribution exact = new CyclicExactDistribution(space)) {
        for (PolicyFn policy : new PolicyFn[] {UNIFORM, SKEWED}) {
          CyclicExactDistribution.Heads h = exact.heads(policy, true);
          double value = new CyclicEubo(space).eubo(h.forwardProbs(), h.backwardLogProbs(), space.logZ());
          assertTrue(value >= -1e-9 && Double.isFinite(value), spec + ": " + value);
        }
      }
    }
  }

  private static int backwardAction(Environment env, StateSpace space, int from, int action, int to) {
    try (StateBatch s = env.newBatch(1); StateBatch next = env.newBatch(1);
        IntTensor act = IntTensor.allocate(1); IntTensor out = IntTensor.allocate(1)) {
      s.set(0, space.state(from), false);
      next.set(0, space.state(to), false);
      act.set(0, action);
      env.backwardActions(s, act, next, out);
      return out.get(0);
    }
  }
}
