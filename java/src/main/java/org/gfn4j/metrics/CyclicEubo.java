package org.gfn4j.metrics;

import java.util.Optional;
import org.gfn4j.env.Environment;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.tensor.IntTensor;

/**
 * The exact EUBO of a policy on a state graph that may have cycles: backward trajectories start
 * at x ~ R/Z and follow the policy's PB until they reach s0 (through the fixed first edge's
 * return action, or a backward step into s0), which is itself an absorbing chain, so the
 * expectation E_{x~R/Z, τ~PB(·|x)}[log R(x) + log PB(τ|x) − log PF(τ)] − log Z is computed, never
 * sampled: with w the expected backward visits (w = μ_B + Qᵀw, μ_B the parents of R/Z's objects),
 * EUBO = Σ_x R(x)/Z·(log R(x) − log PF(exit)) + Σ_s w(s) Σ_b PB(b|s)·(log PB(b|s) − log PF of the
 * edge b undoes) − log Z, log PF of the return action being the first edge's fixed log PF(s|s0).
 * A sampled backward walk would need a step cap on a cyclic graph (and its truncated walks would
 * bias the mean); the chain needs none, and absorbs surely whenever every visited state can reach
 * s0 under PB (a softmax PB with a return action always can). Each object has one parent state
 * (the state that exits to it), as in every environment with cycles here.
 */
public final class CyclicEubo {
  private final StateSpace space;
  private final int n;
  private final int a;
  private final int ab;
  /** [n, Ab]: the state a backward action leads to, n for s0 (absorbed), −1 for no edge. */
  private final int[] backwardChild;
  /** [n, Ab]: the forward action the backward action undoes (at its parent), −1 for the return action. */
  private final int[] undoneAction;
  /** [n]: log PF(s | s0) of the first edge (0 without one). */
  private final double[] returnLogPF;
  private final int[] exitParent;
  private final int[] exitAction;
  private final AbsorbingChain chain;

  public CyclicEubo(StateSpace space) {
    this.space = space;
    Environment env = space.environment();
    this.n = space.numStates();
    this.a = space.numActions();
    this.ab = env.numBackwardActions();
    int m = space.numTerminalStates();
    int[] children = space.children();
    Optional<FirstEdge> edge = env.firstEdge();
    this.backwardChild = new int[n * ab];
    this.undoneAction = new int[n * ab];
    java.util.Arrays.fill(backwardChild, -1);
    java.util.Arrays.fill(undoneAction, -1);
    this.returnLogPF = new double[n];
    this.exitParent = new int[m];
    this.exitAction = new int[m];
    java.util.Arrays.fill(exitParent, -1);
    java.util.List<int[]> edges = new java.util.ArrayList<>();
    for (int s = edge.isPresent() ? 1 : 0; s < n; s++) { // the "enter" step of s0 is the first edge, not a move
      for (int k = 0; k < a; k++) {
        int c = children[s * a + k];
        if (c >= n && exitParent[c - n] == -1) {
          exitParent[c - n] = s;
          exitAction[c - n] = k;
        } else if (c >= 0 && c < n && c != s) {
          edges.add(new int[] {s, k, c});
        }
      }
    }
    labelBackwardActions(env, edges);
    if (edge.isPresent()) {
      int ret = edge.get().returnAction();
      for (int s = 1; s < n; s++) {
        backwardChild[s * ab + ret] = n;
        returnLogPF[s] = edge.get().uniform() ? edge.get().logPF() : edge.get().logPF(space.state(s));
      }
    }
    int[] codes = new int[n * ab];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = backwardChild[i] == n ? n : backwardChild[i]; // absorbed at s0: the chain's one "terminal"
    }
    this.chain = new AbsorbingChain(n, ab, codes);
  }

  /** The backward action that undoes each move (s, a) → c, asked of the environment in batches. */
  private void labelBackwardActions(Environment env, java.util.List<int[]> edges) {
    int batch = Math.max(1, Math.min(1024, edges.size()));
    int w = space.stateWidth();
    try (StateBatch from = env.newBatch(batch);
        StateBatch to = env.newBatch(batch);
        IntTensor actions = IntTensor.allocate(batch);
        IntTensor out = IntTensor.allocate(batch)) {
      for (int first = 0; first < edges.size(); first += batch) {
        int count = Math.min(batch, edges.size() - first);
        for (int b = 0; b < batch; b++) {
          int[] e = edges.get(first + Math.min(b, count - 1)); // a short last batch repeats its last edge
          from.set(b, space.state(e[0]), false);
          to.set(b, space.state(e[2]), false);
          actions.set(b, e[1]);
        }
        env.backwardActions(from, actions, to, out);
        for (int b = 0; b < count; b++) {
          int[] e = edges.get(first + b);
          int back = out.get(b);
          int parent = e[0] == 0 ? n : e[0]; // a backward step into s0 ends the walk
          backwardChild[e[2] * ab + back] = parent;
          undoneAction[e[2] * ab + back] = e[1];
        }
      }
    }
  }

  /**
   * The EUBO of forward probabilities [numStates, numActions] and backward log-probabilities
   * [numStates, numBackwardActions] (as {@link CyclicExactDistribution#heads}), less {@code logZ}.
   */
  public double eubo(double[] forwardProbs, double[] backwardLogProbs, double logZ) {
    if (forwardProbs.length != n * a || backwardLogProbs.length != n * ab) {
      throw new IllegalArgumentException("heads need [" + n + ", " + a + "] and [" + n + ", " + ab + "]");
    }
    double[] target = space.trueDistribution();
    double[] logR = space.terminalLogRewards();
    double[] start = new double[n];
    double value = 0;
    for (int x = 0; x < target.length; x++) {
      if (target[x] == 0) {
        continue;
      }
      int s = exitParent[x];
      start[s] += target[x];
      value += target[x] * (logR[x] - Math.log(forwardProbs[s * a + exitAction[x]]));
    }
    double[] pb = new double[n * ab];
    for (int s = 0; s < n; s++) {
      for (int b = 0; b < ab; b++) {
        double lp = backwardLogProbs[s * ab + b];
        if (lp > Double.NEGATIVE_INFINITY && backwardChild[s * ab + b] < 0 && s != 0) {
          throw new IllegalArgumentException("backward action " + b + " of state " + s + " has no edge in the graph");
        }
        pb[s * ab + b] = backwardChild[s * ab + b] < 0 ? 0 : Math.exp(lp);
      }
    }
    double[] visits = chain.solve(pb, start, 1).visits();
    for (int s = 0; s < n; s++) {
      if (visits[s] == 0) {
        continue;
      }
      double sum = 0;
      for (int b = 0; b < ab; b++) {
        int to = backwardChild[s * ab + b];
        if (to < 0 || pb[s * ab + b] == 0) {
          continue;
        }
        double logPF = undoneAction[s * ab + b] < 0 ? returnLogPF[s]
            : Math.log(forwardProbs[(to == n ? 0 : to) * a + undoneAction[s * ab + b]]);
        sum += pb[s * ab + b] * (backwardLogProbs[s * ab + b] - logPF);
      }
      value += visits[s] * sum;
    }
    return value - logZ;
  }
}
