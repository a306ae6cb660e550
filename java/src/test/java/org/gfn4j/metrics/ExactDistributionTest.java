package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.Tensor;
import org.gfn4j.env.Environments;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact terminal distribution on hypergrids, checked against dynamic programming written
 * plainly here (row-major index order is a topological order of the hypergrid), against path
 * enumeration, and native against Java. Every test runs with both backends (environment and
 * kernels alike).
 */
class ExactDistributionTest {

  static StateSpace hypergrid(int dim, int side, Backend backend) {
    return StateSpace.enumerate(Environments.create("hypergrid:dim=" + dim + ",side=" + side, backend));
  }

  static final PolicyFn UNIFORM = (obs, logits, backward, flow) -> logits.fill(0f);

  /** Coordinates of state {@code index} (row-major). */
  static int[] coords(long index, int dim, int side) {
    int[] c = new int[dim];
    for (int d = dim - 1; d >= 0; d--) {
      c[d] = (int) (index % side);
      index /= side;
    }
    return c;
  }

  /**
   * Terminal distribution of a hypergrid policy by plain forward DP: {@code probs} gives the
   * probabilities of the D+1 actions at a state (already masked).
   */
  static double[] plainDp(int dim, int side, Function<int[], double[]> probs) {
    int n = (int) Math.pow(side, dim);
    double[] visit = new double[n];
    double[] terminal = new double[n];
    visit[0] = 1.0;
    for (int s = 0; s < n; s++) {
      int[] c = coords(s, dim, side);
      double[] p = probs.apply(c);
      terminal[s] += visit[s] * p[dim];
      long stride = 1;
      for (int d = dim - 1; d >= 0; d--) {
        if (c[d] < side - 1) {
          visit[(int) (s + stride)] += visit[s] * p[d];
        }
        stride *= side;
      }
    }
    return terminal;
  }

  static double[] uniformProbs(int[] c, int side) {
    int dim = c.length;
    double[] p = new double[dim + 1];
    int valid = 1;
    for (int x : c) {
      valid += x < side - 1 ? 1 : 0;
    }
    for (int d = 0; d < dim; d++) {
      p[d] = c[d] < side - 1 ? 1.0 / valid : 0.0;
    }
    p[dim] = 1.0 / valid;
    return p;
  }

  static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  static double[] exact(StateSpace env, Backend backend, int batch, PolicyFn policy) {
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution exact = new ExactDistribution(env, graph, backend, batch)) {
      return exact.compute(policy);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void uniformPolicyMatchesPlainDynamicProgramming(Backend backend) {
    for (int[] shape : new int[][] {{1, 6}, {2, 5}, {3, 4}}) {
      int dim = shape[0];
      int side = shape[1];
      double[] got = exact(hypergrid(dim, side, backend), backend, 7, UNIFORM);
      double[] want = plainDp(dim, side, c -> uniformProbs(c, side));
      assertArrayEquals(want, got, 1e-14, "hypergrid " + side + "^" + dim);
      assertEquals(1.0, sum(got), 1e-12);
    }
  }

  /** Sum over every path of the product of uniform action probabilities, by recursion. */
  static void enumeratePaths(int[] c, int side, double p, double[] out) {
    double[] probs = uniformProbs(c, side);
    int dim = c.length;
    int index = 0;
    for (int x : c) {
      index = index * side + x;
    }
    out[index] += p * probs[dim];
    for (int d = 0; d < dim; d++) {
      if (probs[d] > 0) {
        c[d]++;
        enumeratePaths(c, side, p * probs[d], out);
        c[d]--;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void uniformPolicyMatchesPathEnumeration(Backend backend) {
    double[] want = new double[9];
    enumeratePaths(new int[2], 3, 1.0, want);
    double[] got = exact(hypergrid(2, 3, backend), backend, 1024, UNIFORM);
    assertArrayEquals(want, got, 1e-15);
    // By hand: stop at once = 1/3; (0,1) = step (1/3) then stop (1/3); (0,2) = 1/3 * 1/3 * 1/2.
    assertEquals(1.0 / 3, got[0], 1e-15);
    assertEquals(1.0 / 9, got[1], 1e-15);
    assertEquals(1.0 / 18, got[2], 1e-15);
  }

  /** A random linear map of the one-hot observation, obs [n, D*H] · W [D*H, D+1]. */
  static final class LinearPolicy implements PolicyFn {
    final float[][] weights;
    final int numActions;

    LinearPolicy(int obsSize, int numActions, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      this.numActions = numActions;
      weights = new float[obsSize][numActions];
      for (float[] row : weights) {
        for (int a = 0; a < numActions; a++) {
          row[a] = (float) (2 * rng.nextDouble() - 1);
        }
      }
    }

    @Override
    public void evaluate(Tensor<?> observations, FloatTensor logits, FloatTensor backward, FloatTensor flow) {
      FloatTensor obs = (FloatTensor) observations;
      int n = (int) obs.dim(0);
      int o = (int) obs.dim(1);
      FloatBuffer x = obs.buffer();
      for (int r = 0; r < n; r++) {
        for (int a = 0; a < numActions; a++) {
          float acc = 0f;
          for (int i = 0; i < o; i++) {
            float v = x.get(r * o + i);
            if (v != 0f) {
              acc += v * weights[i][a];
            }
          }
          logits.set((long) r * numActions + a, acc);
        }
      }
    }

    /** The same float sums from coordinates, then a masked softmax in double. */
    double[] probs(int[] c, int side) {
      int dim = c.length;
      double[] logit = new double[dim + 1];
      for (int a = 0; a <= dim; a++) {
        float acc = 0f;
        for (int d = 0; d < dim; d++) {
          acc += weights[d * side + c[d]][a];
        }
        logit[a] = acc;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a <= dim; a++) {
        if (a == dim || c[a] < side - 1) {
          max = Math.max(max, logit[a]);
        }
      }
      double z = 0;
      double[] p = new double[dim + 1];
      for (int a = 0; a <= dim; a++) {
        p[a] = a == dim || c[a] < side - 1 ? Math.exp(logit[a] - max) : 0.0;
        z += p[a];
      }
      for (int a = 0; a <= dim; a++) {
        p[a] /= z;
      }
      return p;
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void linearPolicyMatchesPlainDynamicProgramming(Backend backend) {
    int dim = 3;
    int side = 6;
    StateSpace env = hypergrid(dim, side, backend);
    LinearPolicy policy = new LinearPolicy(dim * side, dim + 1, 42);
    double[] got = exact(env, backend, 50, policy);
    double[] want = plainDp(dim, side, c -> policy.probs(c, side));
    assertArrayEquals(want, got, 1e-13);
    assertEquals(1.0, sum(got), 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void policyThatStopsAtOncePutsAllMassOnTheOrigin(Backend backend) {
    StateSpace env = hypergrid(2, 6, backend);
    PolicyFn stop = (obs, logits, backward, flow) -> {
      for (int r = 0; r < logits.dim(0); r++) {
        for (int a = 0; a < 3; a++) {
          logits.set(r * 3L + a, a == 2 ? 0f : -1e9f);
        }
      }
    };
    double[] got = exact(env, backend, 1024, stop);
    assertEquals(1.0, got[0]);
    for (int i = 1; i < got.length; i++) {
      assertEquals(0.0, got[i], "index " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void batchSizeDoesNotChangeTheResult(Backend backend) {
    StateSpace env = hypergrid(2, 7, backend);
    LinearPolicy policy = new LinearPolicy(14, 3, 7);
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution small = new ExactDistribution(env, graph, backend, 3);
        ExactDistribution large = new ExactDistribution(env, graph, backend, 1024)) {
      assertEquals(3, small.batchSize());
      assertEquals(49, large.batchSize());
      assertArrayEquals(large.compute(policy), small.compute(policy), 0.0);
    }
  }

  /**
   * The optimal forward policy for a uniform backward policy, from state flows computed here:
   * F(s) = R(s) + Σ_children F(c) / #parents(c); PF(s→c) = F(c) / (#parents(c) F(s)),
   * PF(stop) = R(s) / F(s). Its exact distribution is R/Z, so every distance is ~0.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void optimalPolicyReproducesTheTargetDistribution(Backend backend) {
    int dim = 2;
    int side = 8;
    StateSpace env = hypergrid(dim, side, backend);
    int n = side * side;
    double[] reward = new double[n];
    double[] logR = env.terminalLogRewards();
    for (int s = 0; s < n; s++) {
      reward[s] = Math.exp(logR[s]);
    }
    double[] flow = new double[n];
    float[][] logits = new float[n][dim + 1];
    for (int s = n - 1; s >= 0; s--) {
      int[] c = coords(s, dim, side);
      flow[s] = reward[s];
      long stride = 1;
      double[] edge = new double[dim];
      for (int d = dim - 1; d >= 0; d--) {
        if (c[d] < side - 1) {
          int child = (int) (s + stride);
          int parents = 0;
          for (int x : coords(child, dim, side)) {
            parents += x > 0 ? 1 : 0;
          }
          edge[d] = flow[child] / parents;
          flow[s] += edge[d];
        }
        stride *= side;
      }
      for (int d = 0; d < dim; d++) {
        logits[s][d] = (float) Math.log(edge[d] / flow[s]);
      }
      logits[s][dim] = (float) Math.log(reward[s] / flow[s]);
    }
    PolicyFn optimal = (observations, out, backward, logFlow) -> {
      FloatTensor obs = (FloatTensor) observations;
      for (int r = 0; r < obs.dim(0); r++) {
        int s = 0;
        for (int d = 0; d < dim; d++) {
          int x = 0;
          while (obs.get((long) r * dim * side + d * side + x) == 0f) {
            x++;
          }
          s = s * side + x;
        }
        for (int a = 0; a <= dim; a++) {
          out.set((long) r * (dim + 1) + a, logits[s][a]);
        }
      }
    };
    assertEquals(Math.log(flow[0]), env.logZ(), 1e-9);
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution exact = new ExactDistribution(env, graph, backend, 16)) {
      Map<String, Double> m = exact.evaluate(optimal);
      assertEquals(3, m.size());
      assertTrue(m.get("exact_tv") < 1e-6, m.toString());
      assertTrue(Math.abs(m.get("exact_kl")) < 1e-6, m.toString());
      assertTrue(m.get("exact_jsd") < 1e-6, m.toString());
      Map<String, Double> uniform = exact.evaluate(UNIFORM);
      assertTrue(uniform.get("exact_tv") > 0.1, uniform.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void hypergrid4x20UniformPolicy(Backend backend) {
    int dim = 4;
    int side = 20;
    StateSpace env = hypergrid(dim, side, backend);
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution exact = new ExactDistribution(env, graph, backend, 1024)) {
      assertEquals(160_000, graph.numStates());
      assertEquals(160_000 * 5 - 4 * 8000, graph.numEdges());
      assertEquals(dim * (side - 1) + 1, graph.numLevels());
      double[] got = exact.compute(UNIFORM);
      assertEquals(1.0, sum(got), 1e-12);
      assertArrayEquals(plainDp(dim, side, c -> uniformProbs(c, side)), got, 1e-15);
    }
  }

  @Test
  void nativeAndJavaKernelsAgree() {
    StateSpace env = hypergrid(3, 9, Backend.NATIVE);
    LinearPolicy policy = new LinearPolicy(27, 4, 3);
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution nat = new ExactDistribution(env, graph, Backend.NATIVE, 100);
        ExactDistribution java = new ExactDistribution(env, graph, Backend.JAVA, 100)) {
      double[] a = nat.compute(policy);
      double[] b = java.compute(policy);
      for (int i = 0; i < a.length; i++) {
        assertEquals(b[i], a[i], 1e-15 + 1e-12 * b[i], "index " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void graphOfTheHypergridEncodesStopAsTerminalCopy(Backend backend) {
    StateSpace env = hypergrid(2, 4, backend);
    try (StateGraph graph = StateGraph.build(env)) {
      int n = graph.numStates();
      assertEquals(16, n);
      assertEquals(n + 0, graph.child(0, 2));
      assertEquals(4, graph.child(0, 0));
      assertEquals(1, graph.child(0, 1));
      assertEquals(-1, graph.child(15, 0));
      assertEquals(-1, graph.child(15, 1));
      assertEquals(n + 15, graph.child(15, 2));
      assertEquals(7, graph.numLevels());
    }
  }

  @Test
  void graphFromAnotherEnvironmentIsRejected() {
    StateSpace a = hypergrid(2, 4, Backend.JAVA);
    StateSpace b = hypergrid(2, 5, Backend.JAVA);
    try (StateGraph graph = StateGraph.build(a)) {
      assertThrows(IllegalArgumentException.class, () -> new ExactDistribution(b, graph));
      assertThrows(IllegalArgumentException.class, () -> new ExactDistribution(a, graph, Backend.JAVA, 0));
    }
    assertThrows(IllegalArgumentException.class, () -> StateSpace.enumerate(a.environment(), 10)); // 32 states
  }

  @Test
  void closedGraphCannotBeUsed() {
    StateSpace env = hypergrid(2, 4, Backend.NATIVE);
    StateGraph graph = StateGraph.build(env);
    ExactDistribution exact = new ExactDistribution(env, graph);
    graph.close();
    assertThrows(IllegalStateException.class, () -> exact.compute(UNIFORM));
    assertThrows(IllegalStateException.class, () -> new ExactDistribution(env, graph));
    exact.close();
  }

  @Test
  void wrongLogitShapeIsRejected() {
    StateSpace env = hypergrid(2, 4, Backend.NATIVE);
    try (StateGraph graph = StateGraph.build(env);
        ExactDistribution exact = new ExactDistribution(env, graph);
        FloatTensor logits = FloatTensor.allocate(15, 3)) {
      assertThrows(IllegalArgumentException.class, () -> exact.fromLogits(logits));
    }
  }
}
