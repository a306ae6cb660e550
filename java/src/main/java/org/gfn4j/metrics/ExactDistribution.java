package org.gfn4j.metrics;

import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.env.StateSpace;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The exact terminal distribution of a forward policy, computed, never sampled: the policy is
 * evaluated once on every non-terminal state (in batches, without exploration), its masked
 * softmax gives the probability of every edge of the {@link StateGraph}, and the probability
 * mass of the initial state is swept forward through the DAG in topological order. Unlike gfnx's
 * power iteration (stopped at ‖v‖₁ ≤ 1e-7) the sweep is exact up to double rounding: every
 * state's mass is final once its level is done (on the 4×20 grid the terminal masses sum to 1
 * within 1e-12). Policy probabilities are computed in double from float32 logits. Holds its scratch buffers; close it when done (the
 * graph is not closed, it can be shared). Not thread-safe: one evaluation at a time per instance.
 */
public final class ExactDistribution implements AutoCloseable {
  private final Environment env;
  private final StateGraph graph;
  private final ExactKernels kernels;
  private final int rows;
  private final double[] trueDistribution;
  private final StateBatch batch;
  private final Tensor<?> obs;
  private final FloatTensor batchLogits;
  private final FloatTensor batchBackward;
  private final FloatTensor batchFlow;
  private final FloatTensor logits;
  private final DoubleTensor probs;
  private final DoubleTensor mass;
  private final DoubleTensor terminalMass;

  /** Native kernels, policy batches of {@value StateGraph#DEFAULT_BATCH_SIZE} states. */
  public ExactDistribution(StateSpace space, StateGraph graph) {
    this(space, graph, Backend.NATIVE, StateGraph.DEFAULT_BATCH_SIZE);
  }

  /**
   * @param space the state space {@code graph} was built from (its environment writes the observations)
   * @param kernels which implementation runs the softmax and the sweep
   * @param batchSize states per policy call; every call gets exactly min(batchSize, N) rows, the
   *     last batch padded with copies of the initial state whose logits are ignored
   */
  public ExactDistribution(StateSpace space, StateGraph graph, Backend kernels, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    graph.ensureOpen();
    Environment env = space.environment();
    if (!graph.spec().equals(env.spec().toString()) || graph.numActions() != env.numActions()
        || graph.stateWidth() != env.stateWidth() || graph.numStates() != space.numStates()
        || graph.numTerminalStates() != space.numTerminalStates()) {
      throw new IllegalArgumentException(
          "state graph of " + graph.spec() + " does not belong to environment " + env.spec());
    }
    this.env = env;
    this.graph = graph;
    this.kernels = ExactKernels.of(kernels);
    this.rows = Math.min(batchSize, graph.numStates());
    this.trueDistribution = space.trueDistribution();
    int n = graph.numStates();
    int a = graph.numActions();
    this.batch = env.newBatch(rows);
    this.obs = env.observationSpec().allocate(rows);
    this.batchLogits = FloatTensor.allocate(rows, a);
    this.batchBackward = FloatTensor.allocate(rows, env.numBackwardActions());
    this.batchFlow = FloatTensor.allocate(rows, 1);
    this.logits = FloatTensor.allocate(n, a);
    this.probs = DoubleTensor.allocate(n, a);
    this.mass = DoubleTensor.allocate(n);
    this.terminalMass = DoubleTensor.allocate(graph.numTerminalStates());
  }

  public StateGraph graph() {
    return graph;
  }

  /** Rows of every policy call. */
  public int batchSize() {
    return rows;
  }

  /** The target distribution R(x)/Z, in terminal index order (a copy). */
  public double[] trueDistribution() {
    return trueDistribution.clone();
  }

  /** The terminal distribution of {@code policy}'s forward logits, indexed like {@link StateSpace#terminalIndex}. */
  public double[] compute(PolicyFn policy) {
    int n = graph.numStates();
    int w = graph.stateWidth();
    int a = graph.numActions();
    try (var lease = NativeResource.lease(graph)) {
      for (int start = 0; start < n; start += rows) {
        int count = Math.min(rows, n - start);
        batch.cells().view(0, count, w).copyFrom(graph.cells().view((long) start * w, count, w));
        for (int b = count; b < rows; b++) {
          batch.cells().view((long) b * w, w).copyFrom(graph.cells().view(0, w));
        }
        env.observe(batch, obs);
        policy.evaluate(obs, batchLogits, batchBackward, batchFlow);
        logits.view((long) start * a, count, a).copyFrom(batchLogits.view(0, count, a));
      }
    }
    return fromLogits(logits);
  }

  /** The terminal distribution of a policy whose logits on every non-terminal state are given, [N, A] in state order. */
  public double[] fromLogits(FloatTensor stateLogits) {
    stateLogits.requireShape("logits", graph.numStates(), graph.numActions());
    try (var lease = NativeResource.lease(graph, stateLogits, probs, mass, terminalMass)) {
      kernels.maskedSoftmax(graph.numStates(), graph.numActions(), stateLogits, graph.children(), probs);
      kernels.propagate(graph, probs, mass, terminalMass);
    }
    return terminalMass.toArray();
  }

  /**
   * {@code exact_tv}, {@code exact_kl} (KL(p_true ‖ q_model), gfnx's order and 1e-9) and
   * {@code exact_jsd} of {@code policy} against the target distribution.
   */
  public Map<String, Double> evaluate(PolicyFn policy) {
    return Distances.all("exact", trueDistribution, compute(policy));
  }

  @Override
  public void close() {
    batch.close();
    obs.close();
    batchLogits.close();
    batchBackward.close();
    batchFlow.close();
    logits.close();
    probs.close();
    mass.close();
    terminalMass.close();
  }
}
