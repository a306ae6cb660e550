package org.gfn4j.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Test oracle on a small acyclic environment: every state's valid actions, children and parent
 * counts from the environment one state at a time, and exact soft values by plain recursion
 * V(s) = logsumexp_a [a exits ? Q_exit(s) : -log #Par(s') + V(s')].
 */
final class GridOracle {
  record Edge(int action, int[] child, boolean terminal, double reward) {}

  final Environment env;
  private final Map<String, List<Edge>> edges = new HashMap<>();
  private final Map<String, float[]> observations = new HashMap<>();
  private final Map<String, int[]> byObservation = new HashMap<>();

  GridOracle(Environment env) {
    this.env = env;
  }

  static String key(int[] cells) {
    return Arrays.toString(cells);
  }

  int[] initial() {
    try (StateBatch s = env.newBatch(1)) {
      env.reset(s);
      return s.cells(0);
    }
  }

  List<Edge> edges(int[] cells) {
    return edges.computeIfAbsent(key(cells), k -> {
      List<Edge> out = new ArrayList<>();
      int n = env.numActions();
      try (StateBatch s = env.newBatch(1); StateBatch next = env.newBatch(1); ByteTensor mask = ByteTensor.allocate(1, n);
          ByteTensor back = ByteTensor.allocate(1, env.numBackwardActions()); IntTensor act = IntTensor.allocate(1);
          FloatTensor lr = FloatTensor.allocate(1)) {
        env.setState(s, 0, cells, false);
        env.forwardMask(s, mask);
        for (int a = 0; a < n; a++) {
          if (mask.get(a) != 0) {
            continue;
          }
          act.set(0, a);
          env.step(s, act, next, lr);
          env.backwardMask(next, back);
          int parents = 0;
          for (int i = 0; i < env.numBackwardActions(); i++) {
            parents += back.get(i) == 0 ? 1 : 0;
          }
          out.add(new Edge(a, next.cells(0), next.isTerminal(0), -Math.log(parents)));
        }
      }
      return out;
    });
  }

  float[] observe(int[] cells) {
    return observations.computeIfAbsent(key(cells), k -> {
      try (StateBatch s = env.newBatch(1); Tensor<?> obs = env.observationSpec().allocate(1)) {
        env.setState(s, 0, cells, false);
        env.observe(s, obs);
        float[] row = new float[env.observationSize()];
        for (int i = 0; i < row.length; i++) {
          row[i] = ((FloatTensor) obs).get(i);
        }
        byObservation.put(Arrays.toString(row), cells.clone());
        return row;
      }
    });
  }

  /** Exact soft value with exit values {@code exitQ(s)}, memoised per state. */
  double softValue(int[] cells, java.util.function.ToDoubleFunction<int[]> exitQ, Map<String, Double> memo) {
    Double known = memo.get(key(cells));
    if (known != null) {
      return known;
    }
    List<Double> terms = new ArrayList<>();
    for (Edge e : edges(cells)) {
      terms.add(e.terminal() ? exitQ.applyAsDouble(cells) : e.reward() + softValue(e.child(), exitQ, memo));
    }
    double m = terms.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double s = terms.stream().mapToDouble(x -> Math.exp(x - m)).sum();
    double v = m + Math.log(s);
    memo.put(key(cells), v);
    return v;
  }

  /** Nodes of the tree of every path from {@code cells}, exits included (a full expansion). */
  long treeSize(int[] cells) {
    long n = 1;
    for (Edge e : edges(cells)) {
      n += e.terminal() ? 1 : treeSize(e.child());
    }
    return n;
  }

  double logReward(int[] cells) {
    return env.logRewards(cells, 1)[0];
  }

  /**
   * A value network over this environment's observations: heads(cells) gives the forward logits
   * (valid actions) and the log-flow; the state is recovered from the observation.
   */
  PolicyFn network(ToDoubleBiFunction<int[], Integer> logit, java.util.function.ToDoubleFunction<int[]> logFlow) {
    return (Tensor<?> obs, FloatTensor f, FloatTensor b, FloatTensor flow) -> {
      int rows = (int) obs.dim(0);
      int width = env.observationSize();
      int n = env.numActions();
      for (int r = 0; r < rows; r++) {
        float[] row = new float[width];
        for (int i = 0; i < width; i++) {
          row[i] = ((FloatTensor) obs).get((long) r * width + i);
        }
        int[] cells = byObservation.get(Arrays.toString(row));
        if (cells == null) { // a row nobody asked for (a padding row): any finite heads will do
          flow.set(r, 0f);
          continue;
        }
        for (int a = 0; a < n; a++) {
          f.set((long) r * n + a, (float) logit.applyAsDouble(cells, a));
        }
        flow.set(r, (float) logFlow.applyAsDouble(cells));
      }
    };
  }

  /**
   * The exact soft-DQN network of this environment: logits Q*(s, a) = log R(s) at the exit and
   * -log #Par(s') + log F(s') elsewhere, log-flow V*(s) = log F(s), so that the dueling head's
   * Q is Q* (log F memoised in {@code memo}).
   */
  PolicyFn exactNetwork(Map<String, Double> memo) {
    java.util.function.ToDoubleFunction<int[]> logR = this::logReward;
    return network((cells, a) -> {
      for (Edge e : edges(cells)) {
        if (e.action() == a) {
          return e.terminal() ? logReward(cells) : e.reward() + softValue(e.child(), logR, memo);
        }
      }
      return 0.0;
    }, cells -> softValue(cells, logR, memo));
  }

  /** Registers the observation of every state reachable from {@code cells}. */
  void observeAll(int[] cells) {
    observe(cells);
    for (Edge e : edges(cells)) {
      if (!e.terminal()) {
        observeAll(e.child());
      }
    }
  }
}
