package org.gfn4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The exact terminal distribution of a forward policy on a state graph that may have cycles,
 * computed, never sampled: the policy is evaluated once on every non-terminal state (in batches,
 * without exploration), and the absorbing chain it defines ({@link AbsorbingChain}) gives the
 * expected visits, the terminal distribution and the expected trajectory length. The chain starts
 * from the environment's fixed first edge (its distribution over every non-terminal state but s0)
 * where it has one, else from s0. Holds its scratch buffers; close it when done. Not thread-safe.
 */
public final class CyclicExactDistribution implements AutoCloseable {
  private final StateSpace space;
  private final Environment env;
  private final AbsorbingChain chain;
  private final int[] children;
  private final double[] start;
  private final double[] trueDistribution;
  private final int rows;
  private final StateBatch batch;
  private final Tensor<?> obs;
  private final FloatTensor logits;
  private final FloatTensor backward;
  private final FloatTensor flow;
  private final ByteTensor backwardMask;

  public CyclicExactDistribution(StateSpace space) {
    this(space, 1024);
  }

  public CyclicExactDistribution(StateSpace space, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.space = space;
    this.env = space.environment();
    int n = space.numStates();
    this.children = space.children();
    this.chain = new AbsorbingChain(n, space.numActions(), children);
    this.start = startLaw(space);
    this.trueDistribution = space.trueDistribution();
    this.rows = Math.min(batchSize, n);
    this.batch = env.newBatch(rows);
    this.obs = env.observationSpec().allocate(rows);
    this.logits = FloatTensor.allocate(rows, env.numActions());
    this.backward = FloatTensor.allocate(rows, env.numBackwardActions());
    this.flow = FloatTensor.allocate(rows, 1);
    this.backwardMask = ByteTensor.allocate(rows, env.numBackwardActions());
  }

  /**
   * Where trajectories of the space's environment start, over states in index order: the fixed
   * first edge's law on every state but s0 (index 0), or s0 itself without a first edge.
   */
  public static double[] startLaw(StateSpace space) {
    Environment env = space.environment();
    int n = space.numStates();
    double[] start = new double[n];
    if (env.firstEdge().isPresent() && env.firstEdge().get().uniform()
        && env.firstEdge().get().logStartCount() == 0) { // one start state: the one the edge draws
      try (org.gfn4j.env.StateBatch one = env.newBatch(1)) {
        env.firstEdge().get().sample(one, new java.util.SplittableRandom(0));
        start[space.stateIndex(one.cells(0))] = 1.0;
      }
    } else if (env.firstEdge().isPresent()) {
      if (n < 2) {
        throw new IllegalArgumentException(env.spec() + " has a first edge but no state besides s0");
      }
      double expected = env.firstEdge().get().logStartCount();
      if (Math.abs(Math.log(n - 1) - expected) > 1e-9 * Math.max(1, expected)) {
        throw new IllegalArgumentException("the first edge of " + env.spec() + " starts in exp(" + expected
            + ") states, the state space has " + (n - 1) + " besides s0");
      }
      FirstEdge edge = env.firstEdge().get();
      double total = 0;
      for (int s = 1; s < n; s++) {
        start[s] = edge.uniform() ? 1.0 / (n - 1) : Math.exp(edge.logPF(space.state(s)));
        total += start[s];
      }
      if (Math.abs(total - 1) > 1e-9) {
        throw new IllegalArgumentException("the first edge of " + env.spec() + " puts mass " + total
            + " on the enumerated states");
      }
    } else {
      start[0] = 1.0;
    }
    return start;
  }

  /** The chain's start distribution over states (index order; the first edge's law, or s0). */
  public double[] startDistribution() {
    return start.clone();
  }

  /** The target distribution R(x)/Z in terminal index order (a copy). */
  public double[] trueDistribution() {
    return trueDistribution.clone();
  }

  /** Visits, terminal distribution and mean length of {@code policy}'s forward logits. */
  public AbsorbingChain.Solution compute(PolicyFn policy) {
    return fromProbabilities(heads(policy, false).forwardProbs());
  }

  /**
   * A policy on every state: forward probabilities [numStates, numActions] and, when asked,
   * backward log-probabilities [numStates, numBackwardActions] (log-softmax over the actions the
   * environment's backward mask allows, −∞ elsewhere; null when not asked).
   */
  public record Heads(double[] forwardProbs, double[] backwardLogProbs) {}

  /** The heads of {@code policy} on every state, in state order. */
  public Heads heads(PolicyFn policy, boolean withBackward) {
    int n = space.numStates();
    int a = space.numActions();
    int ab = env.numBackwardActions();
    int w = space.stateWidth();
    int[] cells = space.stateCells();
    double[] probs = new double[n * a];
    double[] logPB = withBackward ? new double[n * ab] : null;
    for (int first = 0; first < n; first += rows) {
      int count = Math.min(rows, n - first);
      for (int b = 0; b < rows; b++) { // a short last batch repeats its last state
        int k = first + Math.min(b, count - 1);
        batch.set(b, java.util.Arrays.copyOfRange(cells, k * w, (k + 1) * w), false);
      }
      env.observe(batch, obs);
      policy.evaluate(obs, logits, backward, flow);
      float[] l = logits.toArray();
      for (int b = 0; b < count; b++) {
        softmaxRow(l, b * a, (first + b) * a, a, probs);
      }
      if (withBackward) {
        env.backwardMask(batch, backwardMask);
        float[] bl = backward.toArray();
        byte[] invalid = backwardMask.toArray();
        for (int b = 0; b < count; b++) {
          logSoftmaxRow(bl, invalid, b * ab, (first + b) * ab, ab, logPB);
        }
      }
    }
    return new Heads(probs, logPB);
  }

  /** Masked log-softmax in double of one row of float logits (invalid = masked by the environment). */
  private static void logSoftmaxRow(float[] l, byte[] invalid, int src, int dst, int ab, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < ab; k++) {
      if (invalid[src + k] == 0) {
        max = Math.max(max, l[src + k]);
      }
    }
    double sum = 0;
    for (int k = 0; k < ab; k++) {
      sum += invalid[src + k] == 0 ? Math.exp(l[src + k] - max) : 0;
    }
    double log = max + Math.log(sum);
    for (int k = 0; k < ab; k++) {
      out[dst + k] = invalid[src + k] == 0 ? l[src + k] - log : Double.NEGATIVE_INFINITY;
    }
  }

  /** The chain of edge probabilities given directly, [numStates, numActions] in state order. */
  public AbsorbingChain.Solution fromProbabilities(double[] probs) {
    return chain.solve(probs, start, space.numTerminalStates());
  }

  /** Masked softmax in double of one row of float logits (invalid = no child). */
  private void softmaxRow(float[] l, int src, int dst, int a, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < a; k++) {
      if (children[dst + k] != -1) {
        max = Math.max(max, l[src + k]);
      }
    }
    double sum = 0;
    for (int k = 0; k < a; k++) {
      double e = children[dst + k] != -1 ? Math.exp(l[src + k] - max) : 0;
      out[dst + k] = e;
      sum += e;
    }
    for (int k = 0; k < a; k++) {
      out[dst + k] /= sum;
    }
  }

  /**
   * {@code exact_tv}, {@code exact_kl}, {@code exact_jsd} against R/Z and {@code exact_mean_length}
   * (expected steps from the start state to the terminal object, the exit included).
   */
  public Map<String, Double> evaluate(PolicyFn policy) {
    AbsorbingChain.Solution s = compute(policy);
    Map<String, Double> out = new LinkedHashMap<>(Distances.all("exact", trueDistribution, s.terminal()));
    out.put("exact_mean_length", s.meanLength());
    return out;
  }

  @Override
  public void close() {
    batch.close();
    obs.close();
    logits.close();
    backward.close();
    flow.close();
    backwardMask.close();
  }
}
