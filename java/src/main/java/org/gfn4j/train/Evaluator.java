package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;
import org.gfn4j.metrics.Bounds;
import org.gfn4j.metrics.Correlation;
import org.gfn4j.metrics.TopK;
import org.gfn4j.metrics.AbsorbingChain;
import org.gfn4j.metrics.CyclicEubo;
import org.gfn4j.metrics.CyclicExactDistribution;
import org.gfn4j.metrics.ExactDistribution;
import org.gfn4j.metrics.StateGraph;
import org.gfn4j.metrics.TransportCost;
import org.gfn4j.metrics.TransportOracle;
import org.gfn4j.objective.ObjectiveInputs;
import org.gfn4j.objective.TrajectoryLogProbs;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.rollout.BackwardRollout;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.InferenceRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;

/**
 * Evaluation of the current policy, without exploration: the exact terminal distribution
 * (enumerable environments), ELBO over fresh forward rollouts and EUBO over backward rollouts from
 * a ground-truth set drawn once, top-k reward and diversity of the ELBO samples, and the
 * correlation of log P̂(x) with log R(x) over a fixed test set (or, without enumeration, over the evaluation samples themselves, as gfnx's OnPolicyCorrelation).
 * On enumerated graphs with cycles the EUBO and log P(x) are exact (absorbing chains) and, with a
 * fixed first edge, the optimal-transport metrics compare the samples' moves with the exact W1. Like gfnx's hypergrid scripts, every evaluation reuses the same
 * sampling noise (a fixed RNG step), so successive values differ only through the policy.
 */
final class Evaluator implements AutoCloseable {
  /**
   * The state space of {@code env} when it has at most {@code maxStates} states (exact
   * distribution, EUBO and trackers), else null: environments whose declared bound is larger are
   * not searched, the others are searched until the limit is passed.
   */
  static StateSpace enumerate(Environment env, long maxStates) {
    if (!StateSpace.mayFit(env, maxStates)) {
      return null;
    }
    try {
      return StateSpace.enumerate(env, maxStates);
    } catch (IllegalArgumentException tooLarge) {
      return null;
    }
  }
  private static final long EVAL_RNG_STEP = -1L;
  private static final long EUBO_RNG_STEP = -2L;
  private static final long CORR_RNG_STEP = -1_000_000L;

  private final Environment env;
  private final StateSpace space;
  private final double logZ;
  private final boolean uniformBackward;
  private final int rounds;
  private final int[] groundTruth;
  private final int[] testObjects;
  private final int onPolicyObjects;
  private final Sampler sampler;
  private final InferenceRollout forward;
  private final BackwardRollout backward;
  private final Trajectories block;
  private final HeadBlock heads;
  private final TrajectoryLogProbs logProbs;
  private final DoubleTensor sumLogPF;
  private final DoubleTensor sumLogPB;
  private final DoubleTensor logR;
  private final StateGraph graph;
  private final ExactDistribution exact;
  /** The exact oracle of environments whose state graph may have cycles (absorbing chain). */
  private final CyclicExactDistribution cyclicExact;
  /** The exact EUBO on such graphs (backward absorbing chain). */
  private final CyclicEubo cyclicEubo;
  /** log PF of the environment's fixed first edge (0 without one), part of every trajectory's log PF. */
  private final double firstEdgeLogPF;
  /** Exact W1 of the first edge's law to R/Z and sampled pair costs (null: no OT metrics). */
  private final TransportOracle transport;
  /** Per-row first-edge log PF of a non-uniform start distribution (else null). */
  private final org.gfn4j.rollout.FirstEdgeRows firstEdgeRows;
  private final int[] scratchCells;
  /** Exact move distances, where the environment has them and a first edge (shortest-path metrics). */
  private final org.gfn4j.env.ShortestPaths paths;

  /**
   * {@code space} is null when the state space is too large to enumerate (no exact
   * distribution); {@code logZ} is the exact log Z where known in any form, else 0 (gfnx then
   * reports the bounds without subtracting it).
   */
  Evaluator(Environment env, StateSpace space, double logZ, long seed, int batch, int rounds,
      boolean uniformBackward, int[] groundTruth, int[] testObjects, int onPolicyObjects) {
    this(env, space, logZ, seed, batch, rounds, uniformBackward, groundTruth, testObjects, onPolicyObjects, null);
  }

  /** As above, with the optimal-transport oracle of the first edge (null: no OT metrics). */
  Evaluator(Environment env, StateSpace space, double logZ, long seed, int batch, int rounds,
      boolean uniformBackward, int[] groundTruth, int[] testObjects, int onPolicyObjects, TransportOracle transport) {
    this.transport = transport;
    this.env = env;
    this.space = space;
    this.logZ = logZ;
    this.uniformBackward = uniformBackward;
    this.rounds = rounds;
    // Backward rollouts need not return to s0 within a step cap on a graph with cycles: there the
    // EUBO and log P(x) of the correlation are exact (absorbing chains) when the space is
    // enumerated, and left out when it is not.
    boolean cyclic = !env.alwaysTerminates();
    this.groundTruth = cyclic ? null : groundTruth;
    this.testObjects = cyclic && space == null ? null : testObjects;
    this.onPolicyObjects = cyclic ? 0 : onPolicyObjects;
    this.firstEdgeLogPF = env.firstEdge().map(org.gfn4j.env.FirstEdge::logPF).orElse(0.0);
    this.firstEdgeRows = env.firstEdge().filter(e -> !e.uniform()).map(org.gfn4j.rollout.FirstEdgeRows::new)
        .orElse(null);
    this.sampler = new Sampler(seed ^ 0x5DEECE66DL);
    this.forward = new InferenceRollout(env, sampler, batch);
    this.backward = new BackwardRollout(env, sampler, batch);
    this.block = Trajectories.forRollouts(env, batch);
    this.heads = HeadBlock.like(block);
    this.logProbs = new TrajectoryLogProbs(uniformBackward, org.gfn4j.runtime.Backend.NATIVE);
    this.sumLogPF = DoubleTensor.allocate(batch);
    this.sumLogPB = DoubleTensor.allocate(batch);
    this.logR = DoubleTensor.allocate(batch);
    boolean exactOk = space != null && env.alwaysTerminates();
    this.graph = exactOk ? StateGraph.build(space) : null;
    this.exact = exactOk ? new ExactDistribution(space, graph) : null;
    this.cyclicExact = space != null && !env.alwaysTerminates() ? new CyclicExactDistribution(space) : null;
    this.cyclicEubo = cyclicExact != null ? new CyclicEubo(space) : null;
    this.scratchCells = new int[env.stateWidth()];
    this.paths = env.firstEdge().isPresent() ? env.shortestPaths().orElse(null) : null;
  }

  /** Whether {@link #evaluate(PolicyFn, MlpForward)} with {@code mlp} draws its samples in the fused native loop. */
  boolean samplesNatively(MlpForward mlp) {
    return forward.fuses(mlp);
  }

  boolean hasExact() {
    return exact != null || cyclicExact != null;
  }

  /** The exact terminal distribution of {@code policy} (null without enumeration). */
  double[] exactDistribution(PolicyFn policy) {
    if (cyclicExact != null) {
      return cyclicExact.compute(policy).terminal();
    }
    if (exact == null) {
      return null;
    }
    return exact.compute(policy);
  }

  /** exact_tv/kl/jsd, elbo and eubo (when log Z is known they are gaps to log Z). */
  Map<String, Double> evaluate(PolicyFn policy) {
    return evaluate(policy, null);
  }

  /**
   * As {@link #evaluate(PolicyFn)}; {@code mlp} (null: none) is {@code policy} as a native MLP
   * forward, with which the ELBO rollouts run in one native call each where the fused loop
   * supports the environment ({@link InferenceRollout}). Either way round r draws its
   * trajectories from the same stream: this evaluator's seed, RNG step -1 - 2r, then slot and row.
   */
  Map<String, Double> evaluate(PolicyFn policy, MlpForward mlp) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (exact != null) {
      double[] learned = exactDistribution(policy);
      out.putAll(org.gfn4j.metrics.Distances.all("exact", exact.trueDistribution(), learned));
      out.putAll(summaryCorrelations(learned, exact.trueDistribution()));
      out.putAll(env.exactMetrics(space, learned));
    }
    double[] cyclicTerminal = null;
    if (cyclicExact != null) {
      CyclicExactDistribution.Heads h = cyclicExact.heads(policy, true);
      AbsorbingChain.Solution s = cyclicExact.fromProbabilities(h.forwardProbs());
      cyclicTerminal = s.terminal();
      out.put("eubo", cyclicEubo.eubo(h.forwardProbs(),
          uniformBackward ? uniformRows(h.backwardLogProbs(), env.numBackwardActions()) : h.backwardLogProbs(), logZ));
      out.putAll(org.gfn4j.metrics.Distances.all("exact", cyclicExact.trueDistribution(), s.terminal()));
      out.put("exact_mean_length", s.meanLength());
      if (transport != null && transport.w1() > 0) { // moves = steps from s1 less the exit
        out.put("exact_ot_cost_ratio", (s.meanLength() - 1) / transport.w1());
      }
      out.putAll(summaryCorrelations(s.terminal(), cyclicExact.trueDistribution()));
      out.putAll(env.exactMetrics(space, s.terminal()));
    }
    double elbo = 0;
    int batch = block.batch();
    int width = env.stateWidth();
    int[] samples = new int[rounds * batch * width];
    int sampled = 0;
    TransportCost cost = transport == null ? null : new TransportCost(transport);
    org.gfn4j.metrics.PathLengths lengths = new org.gfn4j.metrics.PathLengths();
    for (int r = 0; r < rounds; r++) {
      int used = forward.run(block, heads, policy, mlp,
          new ForwardRollout.Exploration(0f, 1f, EVAL_RNG_STEP - 2L * r), null);
      if (cost != null) {
        cost.addBlock(block, used);
      }
      elbo += bound(block.prefix(used), used, null, false, logZ); // the rollout already wrote the heads
      if (paths != null) {
        pathLengths(used, lengths);
      }
      for (int b = 0; b < batch; b++) {
        if (!block.isTruncated(b)) {
          block.states(used - 1).cells(b, scratchCells);
          System.arraycopy(scratchCells, 0, samples, sampled++ * width, width);
        }
      }
    }
    out.put("elbo", elbo / rounds);
    if (cost != null) {
      out.putAll(cost.metrics());
    }
    if (paths != null) {
      out.putAll(lengths.toMap("path", (double) rounds * batch));
    }
    out.putAll(topK(java.util.Arrays.copyOf(samples, sampled * width), sampled));
    if (groundTruth != null) {
      double eubo = 0;
      for (int r = 0; r < rounds; r++) {
        int used = backward.run(groundTruth, block, policy, uniformBackward, EUBO_RNG_STEP - 2L * r);
        eubo += bound(block.prefix(used), used, policy, true, logZ);
      }
      out.put("eubo", eubo / rounds);
    }
    if (testObjects != null && cyclicTerminal != null) { // exact log P(x) of the chain
      int n = testObjects.length / width;
      double[] logP = new double[n];
      for (int i = 0; i < n; i++) {
        logP[i] = Math.log(cyclicTerminal[space.terminalIndex(
            java.util.Arrays.copyOfRange(testObjects, i * width, (i + 1) * width))]);
      }
      out.putAll(Correlation.get(logP, env.logRewards(testObjects, n)));
    } else if (testObjects != null) {
      out.putAll(correlation(policy, testObjects));
    } else if (onPolicyObjects > 0 && sampled >= 2) { // gfnx's OnPolicyCorrelation: fresh samples
      out.putAll(correlation(policy, java.util.Arrays.copyOf(samples, Math.min(onPolicyObjects, sampled) * width)));
    }
    return out;
  }

  /**
   * Each evaluation trajectory s0 → s1 → … → x → x⊤ against the BFS distance d(s1, x): its moves
   * are the slots between s1 and the terminal copy of x (the first edge and the exit are not moves).
   */
  private void pathLengths(int used, org.gfn4j.metrics.PathLengths lengths) {
    for (int b = 0; b < block.batch(); b++) {
      if (block.isTruncated(b)) {
        lengths.miss();
        continue;
      }
      int t = 2;
      while (t < used - 1 && !block.states(t).isTerminal(b)) {
        t++;
      }
      lengths.add(t - 2, paths.distance(block.states(1).cells(b), block.states(t).cells(b)));
    }
  }

  /**
   * Pearson correlation between the environment's summaries (a DAG's edge marginals) of the
   * learned and the target distribution: exact_&lt;name&gt;_corr.
   */
  private Map<String, Double> summaryCorrelations(double[] learned, double[] trueDistribution) {
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, double[][]> target = env.summaries(space, trueDistribution);
    env.summaries(space, learned).forEach((name, m) -> {
      double[] a = java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
      double[] b = java.util.Arrays.stream(target.get(name)).flatMapToDouble(java.util.Arrays::stream).toArray();
      out.put("exact_" + name + "_corr", Correlation.pearson(a, b));
    });
    return out;
  }

  /**
   * Top-k mean reward (also as a logarithm, finite where the reward overflows a double) and
   * diversity of the evaluation samples, for every k they allow.
   */
  private Map<String, Double> topK(int[] samples, int n) {
    double[] logR = env.logRewards(samples, n);
    int[] ks = java.util.Arrays.stream(TopK.DEFAULT_K).filter(k -> k <= n).toArray();
    return TopK.fromLogRewards(logR, samples, env.stateWidth(), ks, env.distance());
  }

  /**
   * Pearson and Spearman correlation of log P̂(x) (Monte Carlo over {@code rounds} backward
   * trajectories per test object) with log R(x), as gfnx's TestCorrelation.
   */
  private Map<String, Double> correlation(PolicyFn policy, int[] testObjects) {
    int width = env.stateWidth();
    int batch = block.batch();
    int n = testObjects.length / width;
    double[][] logPF = new double[rounds][n];
    double[][] logPB = new double[rounds][n];
    int[] chunk = new int[batch * width];
    for (int start = 0; start < n; start += batch) {
      int count = Math.min(batch, n - start);
      for (int b = 0; b < batch; b++) {
        int src = start + Math.min(b, count - 1); // a short last chunk repeats its last object
        System.arraycopy(testObjects, src * width, chunk, b * width, width);
      }
      for (int r = 0; r < rounds; r++) {
        int used = backward.run(chunk, block, policy, uniformBackward, CORR_RNG_STEP - 2L * r - 1000L * start);
        bound(block.prefix(used), used, policy, true, 0.0);
        for (int b = 0; b < count; b++) {
          logPF[r][start + b] = sumLogPF.get(b);
          logPB[r][start + b] = sumLogPB.get(b);
        }
      }
    }
    return Correlation.get(Correlation.logProbabilityEstimate(logPF, logPB), env.logRewards(testObjects, n));
  }

  /** Mean ELBO or EUBO of one block; a non-null policy first evaluates the heads of its used slots. */
  private double bound(Trajectories prefix, int used, PolicyFn policy, boolean upper, double logZ) {
    HeadBlock h = heads;
    if (policy != null) {
      policy.evaluate(prefix.obsRows(), h.forwardLogits(0, used),
          h.backwardLogits(0, used), h.logFlow(0, used));
    }
    ObjectiveInputs in = ObjectiveInputs.builder(prefix)
        .forwardLogits(h.forwardLogits(0, used))
        .backwardLogits(h.backwardLogits(0, used))
        .build();
    logProbs.compute(in, null, null, sumLogPF, sumLogPB, logR);
    double[] pf = sumLogPF.toArray();
    float[] rows = firstEdgeRows != null && !upper ? firstEdgeRows.values(prefix, used) : null;
    for (int b = 0; b < pf.length && !upper; b++) {
      // the kernels see the one "enter" action of s0, not the fixed draw
      pf[b] += rows != null ? rows[b] : firstEdgeLogPF;
    }
    double[] pb = sumLogPB.toArray();
    double[] r = logR.toArray();
    if (upper) {
      return Bounds.eubo(pf, pb, r, logZ);
    }
    // A truncated forward trajectory has no terminal object and no reward: it is left out.
    int[] kept = java.util.stream.IntStream.range(0, pf.length).filter(b -> !prefix.isTruncated(b)).toArray();
    if (kept.length == pf.length) {
      return Bounds.elbo(pf, pb, r, logZ);
    }
    if (kept.length == 0) {
      return Double.NaN;
    }
    return Bounds.elbo(pick(pf, kept), pick(pb, kept), pick(r, kept), logZ);
  }

  /** Uniform log-probabilities over the finite entries of each row (a uniform PB). */
  private static double[] uniformRows(double[] logProbs, int width) {
    double[] out = logProbs.clone();
    for (int r = 0; r < out.length; r += width) {
      int count = 0;
      for (int k = 0; k < width; k++) {
        count += out[r + k] > Double.NEGATIVE_INFINITY ? 1 : 0;
      }
      for (int k = 0; k < width; k++) {
        out[r + k] = out[r + k] > Double.NEGATIVE_INFINITY ? -Math.log(count) : Double.NEGATIVE_INFINITY;
      }
    }
    return out;
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = v[rows[i]];
    }
    return out;
  }

  @Override
  public void close() {
    forward.close();
    backward.close();
    block.close();
    heads.close();
    sumLogPF.close();
    sumLogPB.close();
    logR.close();
    if (exact != null) {
      exact.close();
      graph.close();
    }
    if (cyclicExact != null) {
      cyclicExact.close();
    }
  }
}
