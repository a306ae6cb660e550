package org.gfn4j.objective;

import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.Distances;
import org.gfn4j.metrics.ExactDistribution;
import org.gfn4j.metrics.StateGraph;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A tabular soft Q-learner over every edge of an enumerated state space, trained by a soft-DQN
 * objective's own loss and gradients (one two-slot block holding all edges, Adam on the tables,
 * Polyak target tables): what the objective converges to, free of network and sampling noise.
 * The backward policy is uniform over each state's parents in the graph.
 */
final class TabularSoftQ {
  private final StateSpace space;
  private final int states;
  private final int actions;
  private final int edges;
  private final int[] edgeState;
  private final int[] edgeAction;
  private final int[] edgeChild;
  private final double[] advantage;
  private final double[] value;
  private final double[] targetAdvantage;
  private final double[] targetValue;
  private final Adam adamA;
  private final Adam adamV;

  TabularSoftQ(StateSpace space, double lr) {
    this.space = space;
    this.states = space.numStates();
    this.actions = space.numActions();
    int[] children = space.children();
    int count = 0;
    for (int c : children) {
      count += c >= 0 ? 1 : 0;
    }
    edges = count;
    edgeState = new int[edges];
    edgeAction = new int[edges];
    edgeChild = new int[edges];
    int e = 0;
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        if (children[s * actions + a] >= 0) {
          edgeState[e] = s;
          edgeAction[e] = a;
          edgeChild[e++] = children[s * actions + a];
        }
      }
    }
    advantage = new double[states * actions];
    value = new double[states];
    targetAdvantage = advantage.clone();
    targetValue = value.clone();
    adamA = new Adam(advantage.length, lr);
    adamV = new Adam(value.length, lr);
  }

  /** Runs {@code steps} full-graph updates of {@code objective}, Polyak rate {@code tau} after each. */
  void train(Objective objective, int steps, double tau) {
    int[] children = space.children();
    int[] parents = new int[states];
    for (int c : children) {
      if (c >= 0 && c < states) {
        parents[c]++;
      }
    }
    double[] logR = space.terminalLogRewards();
    int nb = Math.max(1, max(parents));
    byte[] fmask = new byte[2 * edges * actions];
    byte[] bmask = new byte[2 * edges * nb];
    byte[] terminal = new byte[2 * edges];
    float[] logReward = new float[2 * edges];
    int[] acts = new int[2 * edges];
    for (int e = 0; e < edges; e++) {
      writeMask(fmask, e, edgeState[e], children);
      acts[e] = edgeAction[e];
      int child = edgeChild[e];
      if (child >= states) {
        terminal[edges + e] = 1;
        logReward[e] = (float) logR[child - states];
        java.util.Arrays.fill(fmask, (edges + e) * actions, (edges + e + 1) * actions, (byte) 1);
        fmask[(edges + e) * actions] = 0;
      } else {
        writeMask(fmask, edges + e, child, children);
      }
      int k = child >= states ? 1 : parents[child];
      for (int j = 0; j < nb; j++) {
        bmask[(edges + e) * nb + j] = (byte) (j < k ? 0 : 1);
      }
    }
    try (IntTensor actionT = IntTensor.of(acts, 2, edges); IntTensor backwardT = IntTensor.allocate(2, edges);
        ByteTensor fm = ByteTensor.of(fmask, 2, edges, actions); ByteTensor bm = ByteTensor.of(bmask, 2, edges, nb);
        ByteTensor term = ByteTensor.of(terminal, 2, edges); ByteTensor pad = ByteTensor.allocate(2, edges);
        FloatTensor reward = FloatTensor.of(logReward, 2, edges);
        FloatTensor fl = FloatTensor.allocate(2, edges, actions); FloatTensor flow = FloatTensor.allocate(2, edges);
        FloatTensor tfl = FloatTensor.allocate(2, edges, actions); FloatTensor tflow = FloatTensor.allocate(2, edges);
        ObjectiveGrads g = ObjectiveGrads.allocate(2, edges, actions, nb)) {
      ObjectiveInputs in = ObjectiveInputs.builder().actions(actionT).backwardActions(backwardT).forwardMask(fm)
          .backwardMask(bm).terminal(term).pad(pad).logReward(reward).forwardLogits(fl).logFlow(flow)
          .targetForwardLogits(tfl).targetLogFlow(tflow).build();
      double[] dA = new double[advantage.length];
      double[] dV = new double[value.length];
      for (int step = 0; step < steps; step++) {
        fillHeads(fl, flow, advantage, value);
        fillHeads(tfl, tflow, targetAdvantage, targetValue);
        objective.loss(in, g);
        java.util.Arrays.fill(dA, 0.0);
        java.util.Arrays.fill(dV, 0.0);
        java.nio.FloatBuffer gf = g.dForwardLogits().buffer();
        java.nio.FloatBuffer gv = g.dLogFlow().buffer();
        for (int e = 0; e < edges; e++) { // slot 0 only: soft-DQN differentiates Q(s, a) alone
          int s = edgeState[e];
          for (int a = 0; a < actions; a++) {
            dA[s * actions + a] += gf.get(e * actions + a);
          }
          dV[s] += gv.get(e);
        }
        adamA.step(advantage, dA);
        adamV.step(value, dV);
        polyak(targetAdvantage, advantage, tau);
        polyak(targetValue, value, tau);
      }
    }
  }

  /** Exact total variation between the learned policy's terminal distribution and R/Z. */
  double exactTotalVariation() {
    try (StateGraph graph = StateGraph.build(space); ExactDistribution exact = new ExactDistribution(space, graph);
        FloatTensor logits = FloatTensor.allocate(states, actions)) {
      for (int i = 0; i < advantage.length; i++) {
        logits.buffer().put(i, (float) advantage[i]);
      }
      return Distances.totalVariation(exact.trueDistribution(), exact.fromLogits(logits));
    }
  }

  /** The learned V(s0) (log Z at the GFlowNet fixed point). */
  double valueAtRoot() {
    return value[0];
  }

  private void fillHeads(FloatTensor logits, FloatTensor flow, double[] adv, double[] v) {
    java.nio.FloatBuffer lb = logits.buffer();
    java.nio.FloatBuffer fb = flow.buffer();
    for (int e = 0; e < edges; e++) {
      int s = edgeState[e];
      int child = edgeChild[e];
      for (int a = 0; a < actions; a++) {
        lb.put(e * actions + a, (float) adv[s * actions + a]);
        lb.put((edges + e) * actions + a, child < states ? (float) adv[child * actions + a] : 0f);
      }
      fb.put(e, (float) v[s]);
      fb.put(edges + e, child < states ? (float) v[child] : 0f);
    }
  }

  private void writeMask(byte[] mask, int row, int state, int[] children) {
    for (int a = 0; a < actions; a++) {
      mask[row * actions + a] = (byte) (children[state * actions + a] < 0 ? 1 : 0);
    }
  }

  private static void polyak(double[] target, double[] online, double tau) {
    for (int i = 0; i < target.length; i++) {
      target[i] += tau * (online[i] - target[i]);
    }
  }

  private static int max(int[] v) {
    int m = 0;
    for (int x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Plain Adam (beta 0.9/0.999, eps 1e-8) on one table. */
  private static final class Adam {
    private final double lr;
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int n, double lr) {
      this.lr = lr;
      this.m = new double[n];
      this.v = new double[n];
    }

    void step(double[] x, double[] grad) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < x.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * grad[i];
        v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
        x[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    }
  }
}
