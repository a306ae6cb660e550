package org.gfn4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MENTS search against exact soft values computed by recursion on tiny hypergrids, on both tree
 * backends: a fully expanded tree backs up the exact soft-Bellman values of its leaf estimates,
 * an exact Q makes the root policy the exact PF, and the two backends build identical trees.
 */
class MentsSearchTest {
  /** Arbitrary leaf estimates, exact in float: logits and log-flows in steps of 1/4. */
  private static double hashLogit(int[] cells, int a) {
    int h = java.util.Arrays.hashCode(cells) * 31 + a * 7919;
    return (Math.floorMod(h * 0x9E3779B1, 17) - 8) / 4.0;
  }

  private static double hashFlow(int[] cells) {
    return (Math.floorMod(java.util.Arrays.hashCode(cells) * 0x85EBCA6B, 13) - 6) / 4.0;
  }

  /** Q(s, a) of the dueling head for the network built from hashLogit/hashFlow. */
  private static double hashQ(GridOracle o, int[] cells, int action) {
    List<GridOracle.Edge> edges = o.edges(cells);
    double m = edges.stream().mapToDouble(e -> hashLogit(cells, e.action())).max().orElseThrow();
    double s = edges.stream().mapToDouble(e -> Math.exp(hashLogit(cells, e.action()) - m)).sum();
    return hashFlow(cells) + hashLogit(cells, action) - (m + Math.log(s));
  }

  private static int stop(Environment env) {
    return env.stopAction().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fullyExpandedTreeBacksUpTheExactSoftBellmanValues(Backend backend) {
    Environment env = Environments.create("hypergrid:dim=2,side=3");
    GridOracle o = new GridOracle(env);
    int[] s0 = o.initial();
    o.observeAll(s0);
    PolicyFn net = o.network(MentsSearchTest::hashLogit, MentsSearchTest::hashFlow);
    int stop = stop(env);
    Map<String, Double> memo = new HashMap<>();
    try (MentsSearch search = new MentsSearch(env, net, 1, new MctsSettings(MctsSettings.Mode.ALL, 600, 2.0), 5, backend);
        StateBatch roots = env.newBatch(1)) {
      env.reset(roots);
      search.search(roots, 0, 0);
      MentsTrees t = search.trees();
      assertEquals(o.treeSize(s0), t.size(0), "600 rollouts with strong exploration expand every path");
      for (int node = 0; node < t.size(0); node++) {
        int[] cells = t.cells(0, node);
        if (t.terminal(0, node)) {
          continue;
        }
        double exact = o.softValue(cells, c -> hashQ(o, c, stop), memo);
        assertEquals(exact, t.value(0, node), 1e-9, "soft value of node " + node + " at " + GridOracle.key(cells));
        for (GridOracle.Edge e : o.edges(cells)) {
          double q = e.terminal() ? hashQ(o, cells, stop) : e.reward() + o.softValue(e.child(), c -> hashQ(o, c, stop), memo);
          assertEquals(q, t.q(0, node, e.action()), 1e-9);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void exactQMakesTheRootPolicyTheExactForwardPolicy(Backend backend) {
    walkWithExactQ(backend, 0);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void treesWithoutRoomAreRebuiltAndStayExact(Backend backend) {
    walkWithExactQ(backend, 6); // room for one step only: every tree is rebuilt at every step
  }

  private static void walkWithExactQ(Backend backend, int nodesPerTree) {
    Environment env = Environments.create("hypergrid:dim=2,side=4");
    GridOracle o = new GridOracle(env);
    int[] s0 = o.initial();
    o.observeAll(s0);
    Map<String, Double> memo = new HashMap<>();
    java.util.function.ToDoubleFunction<int[]> logR = o::logReward;
    PolicyFn exact = o.exactNetwork(memo);
    double logZ = StateSpace.enumerate(env).logZ();
    int batch = 3;
    try (MentsSearch search = new MentsSearch(env, exact, batch, new MctsSettings(MctsSettings.Mode.ALL, 4, 0.01), 9,
        backend, nodesPerTree); StateBatch states = env.newBatch(batch); StateBatch next = env.newBatch(batch);
        IntTensor actions = IntTensor.allocate(batch); FloatTensor lr = FloatTensor.allocate(batch)) {
      env.reset(states);
      SplittableRandom rng = new SplittableRandom(3);
      for (int step = 0; step < env.maxSteps() + 1; step++) {
        search.search(states, 0, step);
        boolean any = false;
        for (int b = 0; b < batch; b++) {
          if (states.isTerminal(b) || states.isPad(b)) {
            actions.set(b, 0);
            continue;
          }
          any = true;
          int[] cells = states.cells(b);
          double v = o.softValue(cells, logR, memo);
          if (step == 0) {
            assertEquals(logZ, search.rootValue(b), 1e-5, "V_tree(s0) = log Z");
          }
          assertEquals(v, search.rootValue(b), 1e-5);
          if (nodesPerTree > 0) {
            assertTrue(search.trees().size(b) <= nodesPerTree);
          }
          double[] q = search.rootQ(b);
          double u = rng.nextDouble();
          double cum = 0;
          int chosen = -1;
          for (GridOracle.Edge e : o.edges(cells)) {
            double exactPF = Math.exp((e.terminal() ? o.logReward(cells)
                : e.reward() + o.softValue(e.child(), logR, memo)) - v);
            assertEquals(exactPF, Math.exp(q[e.action()] - search.rootValue(b)), 1e-5, "PF at " + GridOracle.key(cells));
            cum += exactPF;
            if (chosen < 0 && u < cum) {
              chosen = e.action();
            }
          }
          actions.set(b, chosen < 0 ? o.edges(cells).get(o.edges(cells).size() - 1).action() : chosen);
        }
        if (!any) {
          break;
        }
        env.step(states, actions, next, lr);
        search.advance(states, actions);
        states.copyFrom(next);
      }
    }
  }

  @Test
  void nativeAndJavaTreesAreIdentical() {
    Environment env = Environments.create("hypergrid:dim=3,side=4");
    GridOracle o = new GridOracle(env);
    o.observeAll(o.initial());
    PolicyFn net = o.network(MentsSearchTest::hashLogit, MentsSearchTest::hashFlow);
    int batch = 4;
    MctsSettings settings = new MctsSettings(MctsSettings.Mode.ALL, 6, 0.3);
    try (MentsSearch java = new MentsSearch(env, net, batch, settings, 2, Backend.JAVA);
        MentsSearch nat = new MentsSearch(env, net, batch, settings, 2, Backend.NATIVE);
        StateBatch states = env.newBatch(batch); StateBatch next = env.newBatch(batch);
        IntTensor actions = IntTensor.allocate(batch); FloatTensor lr = FloatTensor.allocate(batch)) {
      env.reset(states);
      for (int step = 0; step < 5; step++) {
        java.search(states, 7, step);
        nat.search(states, 7, step);
        for (int b = 0; b < batch; b++) {
          MentsTrees a = java.trees();
          MentsTrees c = nat.trees();
          assertEquals(a.size(b), c.size(b));
          assertEquals(a.root(b), c.root(b));
          for (int node = 0; node < a.size(b); node++) {
            assertEquals(a.value(b, node), c.value(b, node), 0.0);
            assertEquals(a.visits(b, node), c.visits(b, node));
            for (int x = 0; x < env.numActions(); x++) {
              assertEquals(a.q(b, node, x), c.q(b, node, x), 0.0);
              assertEquals(a.child(b, node, x), c.child(b, node, x));
            }
          }
          // move along the tree's most valued valid non-exit action, so that the trees are reused
          double[] q = java.rootQ(b);
          int best = -1;
          for (GridOracle.Edge e : o.edges(states.cells(b))) {
            if (!e.terminal() && (best < 0 || q[e.action()] > q[best])) {
              best = e.action();
            }
          }
          assertTrue(best >= 0);
          actions.set(b, best);
        }
        env.step(states, actions, next, lr);
        java.advance(states, actions);
        nat.advance(states, actions);
        states.copyFrom(next);
      }
    }
  }
}
