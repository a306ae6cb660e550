package org.gfn4j.localsearch;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateBatch;
import org.gfn4j.objective.ObjectiveInputs;
import org.gfn4j.objective.TrajectoryLogProbs;
import org.gfn4j.rollout.BackwardRollout;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;

/**
 * The data collector of Local Search GFlowNets (Kim et al. 2024): from the M objects of a forward
 * rollout it runs {@code ls_iterations} rounds in which each object x is taken back K steps by
 * PB and rebuilt by PF into x′, kept or not by the acceptance rule; the training block then holds
 * every generated trajectory (M sampled, M per round proposed) plus an offline batch of objects
 * from a reward-prioritised replay, their trajectories drawn backwards by PB.
 *
 * <p>A proposal's trajectory is s0 → s → x′ where s → x′ is the rebuilt suffix and s0 → s the
 * rest of a PB trajectory from x through s (the backtrack's first K steps are those K steps), so
 * log q(x→x′) = Σ log PB(backtrack) + Σ log PF(rebuild) and log q(x′→x) = Σ log PF(the backtrack's
 * edges, forwards) + Σ log PB(the rebuilt edges, backwards). A trajectory shorter than K is taken
 * back to s0. Needs an acyclic environment (every trajectory terminates).
 */
public final class LocalSearch implements AutoCloseable {
  private final Environment env;
  private final LocalSearchSettings settings;
  private final boolean uniformBackward;
  private final long seed;
  private final int batch;
  private final BackwardRollout backtrack;
  private final ForwardRollout rebuild;
  private final BackwardRollout offline;
  private final Trajectories back;
  private final HeadBlock backHeads;
  private final Trajectories suffix;
  private final HeadBlock suffixHeads;
  private final Trajectories offlineBlock;
  private final Trajectories out;
  private final HeadBlock outHeads;
  private final TrajectoryLogProbs logProbs;
  private final FloatTensor logPF;
  private final FloatTensor logPB;
  private final RewardReplay replay;
  private List<Walk> current = List.of();
  /** log q(x→x′) and log q(x′→x) of the last round's proposals, per row. */
  private double[] lastForward = new double[0];
  private double[] lastReverse = new double[0];
  private long proposals;
  private long accepted;

  /**
   * Local search over rollouts of {@code batch} trajectories of {@code env}; PB is the policy's
   * backward head, or uniform with {@code uniformBackward}.
   */
  public LocalSearch(Environment env, LocalSearchSettings settings, int batch, boolean uniformBackward, long seed) {
    requireAcyclic(env);
    if (batch < 1 || (long) batch * (1 + settings.iterations()) + settings.replayBatch() > 1 << 24) {
      throw new IllegalArgumentException("local search over " + batch + " trajectories with " + settings.iterations()
          + " rounds and " + settings.replayBatch() + " replayed needs a training block of 1 to 2^24 trajectories");
    }
    this.env = env;
    this.settings = settings;
    this.uniformBackward = uniformBackward;
    this.seed = seed;
    this.batch = batch;
    this.backtrack = new BackwardRollout(env, new Sampler(seed * 0x2545F4914F6CDD1DL + 1), batch);
    this.rebuild = new ForwardRollout(env, new Sampler(seed * 0x2545F4914F6CDD1DL + 2), batch);
    this.back = Trajectories.forRollouts(env, batch);
    this.backHeads = HeadBlock.like(back);
    this.suffix = Trajectories.forRollouts(env, batch);
    this.suffixHeads = HeadBlock.like(suffix);
    int r = settings.replayBatch();
    this.offline = r > 0 ? new BackwardRollout(env, new Sampler(seed * 0x2545F4914F6CDD1DL + 3), r) : null;
    this.offlineBlock = r > 0 ? Trajectories.forRollouts(env, r) : null;
    this.replay = r > 0 ? new RewardReplay(settings.replayCapacity(), env.stateWidth(), settings.replayTop()) : null;
    this.out = Trajectories.forRollouts(env, trajectories(settings, batch));
    this.outHeads = HeadBlock.like(out);
    this.logProbs = new TrajectoryLogProbs(uniformBackward, Backend.NATIVE);
    this.logPF = FloatTensor.allocate((long) back.slots() * batch);
    this.logPB = FloatTensor.allocate((long) back.slots() * batch);
  }

  /** IllegalArgumentException unless every trajectory of {@code env} terminates from s0 (no cycles, no fixed first edge). */
  public static void requireAcyclic(Environment env) {
    if (!env.alwaysTerminates() || env.firstEdge().isPresent()) {
      throw new IllegalArgumentException("local search needs an acyclic environment, not " + env.spec());
    }
  }

  /** Trajectories of the training block: M sampled, M per round proposed, and the offline batch. */
  public static int trajectories(LocalSearchSettings settings, int batch) {
    return batch * (1 + settings.iterations()) + settings.replayBatch();
  }

  /** The training block {@link #collect} fills (observations and masks included). */
  public Trajectories block() {
    return out;
  }

  /** The policy's heads on the used slots of {@link #block()}, as {@link #collect} left them. */
  public HeadBlock heads() {
    return outHeads;
  }

  /**
   * Runs the rounds from the first {@code used} slots of {@code rollout} (M complete
   * trajectories) under {@code policy}, and writes the training block and the policy's heads on
   * it. {@code step} keys every
   * random draw, so a seed and a step reproduce the round. Returns the block's used slots.
   */
  public int collect(Trajectories rollout, int used, PolicyFn policy, long step) {
    if (rollout.batch() != batch) {
      throw new IllegalArgumentException("a rollout of " + rollout.batch() + " trajectories for local search over "
          + batch);
    }
    List<Walk> walks = new ArrayList<>(out.batch());
    List<Walk> now = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      now.add(Walk.read(rollout.prefix(used), b));
    }
    walks.addAll(now);
    remember(now);
    long round = step * (settings.iterations() + 2);
    for (int i = 0; i < settings.iterations(); i++) {
      List<Walk> proposed = propose(now, policy, round + i);
      SplittableRandom rng = new SplittableRandom(seed ^ (round + i) * 0x9E3779B97F4A7C15L);
      for (int b = 0; b < batch; b++) {
        Walk p = proposed.get(b);
        proposals++;
        if (settings.acceptance().accept(p.logReward(), now.get(b).logReward(), lastReverse[b], lastForward[b],
            rng.nextDouble())) {
          now.set(b, p);
          accepted++;
        }
      }
      walks.addAll(proposed);
      remember(proposed);
    }
    current = List.copyOf(now);
    if (offline != null) {
      SplittableRandom rng = new SplittableRandom(seed ^ (round + settings.iterations()) * 0x9E3779B97F4A7C15L);
      int[] objects = replay.sample(offlineBlock.batch(), rng);
      int n = offline.run(objects, offlineBlock, policy, uniformBackward, round + settings.iterations());
      for (int b = 0; b < offlineBlock.batch(); b++) {
        walks.add(Walk.read(offlineBlock.prefix(n), b));
      }
    }
    int outUsed = Walk.write(walks, out);
    for (int t = 0; t < outUsed; t++) {
      StateBatch s = out.states(t);
      env.observe(s, out.obs(t));
      env.forwardMask(s, out.forwardMask(t));
      env.backwardMask(s, out.backwardMask(t));
    }
    policy.evaluate(out.prefix(outUsed).obsRows(), outHeads.forwardLogits(0, outUsed),
        outHeads.backwardLogits(0, outUsed), outHeads.logFlow(0, outUsed));
    return outUsed;
  }

  /** One proposal per walk; leaves log q(x→x′) and log q(x′→x) in lastForward/lastReverse. */
  private List<Walk> propose(List<Walk> from, PolicyFn policy, long rngStep) {
    int[] objects = new int[batch * env.stateWidth()];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(from.get(b).object(), 0, objects, b * env.stateWidth(), env.stateWidth());
    }
    int bu = backtrack.run(objects, back, policy, uniformBackward, rngStep);
    Trajectories backUsed = back.prefix(bu);
    policy.evaluate(backUsed.obsRows(), backHeads.forwardLogits(0, bu), backHeads.backwardLogits(0, bu),
        backHeads.logFlow(0, bu));
    edgeLogProbs(backUsed, backHeads, bu);
    double[] forward = new double[batch];
    double[] reverse = new double[batch];
    int[] cut = new int[batch];
    StateBatch start = suffix.states(0);
    for (int b = 0; b < batch; b++) {
      int len = Walk.length(backUsed, b);
      cut[b] = Math.max(0, len - settings.backtrack());
      for (int t = cut[b]; t < len; t++) {
        forward[b] += edge(logPB, t, b);
        reverse[b] += edge(logPF, t, b);
      }
      env.setState(start, b, Walk.slice(backUsed, b, cut[b], cut[b]).state(0), false);
    }
    int su = rebuild.runFrom(suffix, suffixHeads, policy, new ForwardRollout.Exploration(0f, 1f, rngStep),
        RolloutTimer.NONE);
    Trajectories suffixUsed = suffix.prefix(su);
    edgeLogProbs(suffixUsed, suffixHeads, su);
    List<Walk> proposed = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int len = Walk.length(suffixUsed, b);
      for (int t = 0; t < len; t++) {
        forward[b] += edge(logPF, t, b);
        reverse[b] += edge(logPB, t, b);
      }
      proposed.add(Walk.slice(backUsed, b, 0, cut[b]).then(Walk.slice(suffixUsed, b, 0, len)));
    }
    lastForward = forward;
    lastReverse = reverse;
    return proposed;
  }

  /** Per-edge log PF and log PB of the first {@code used} slots under {@code heads}, into logPF/logPB. */
  private void edgeLogProbs(Trajectories block, HeadBlock heads, int used) {
    ObjectiveInputs in = ObjectiveInputs.builder(block).forwardLogits(heads.forwardLogits(0, used))
        .backwardLogits(heads.backwardLogits(0, used)).build();
    try (FloatTensor pf = logPF.view(0, (long) used * batch); FloatTensor pb = logPB.view(0, (long) used * batch)) {
      logProbs.compute(in, pf, pb, null, null, null);
    }
  }

  private double edge(FloatTensor values, int t, int b) {
    FloatBuffer v = values.buffer();
    return v.get(t * batch + b);
  }

  private void remember(List<Walk> walks) {
    if (replay != null) {
      for (Walk w : walks) {
        replay.add(w.object(), w.logReward());
      }
    }
  }

  /** log q(x→x′) of the last round's proposals, per row (a copy). */
  double[] lastLogQForward() {
    return lastForward.clone();
  }

  /** log q(x′→x) of the last round's proposals, per row (a copy). */
  double[] lastLogQReverse() {
    return lastReverse.clone();
  }

  /** The walks local search holds after the last {@link #collect} (each row's last accepted one). */
  public List<Walk> current() {
    return current;
  }

  /**
   * Accepted proposals over all proposals since the previous call (NaN when none), and starts a new
   * count: the trainer asks at each evaluation, which checkpoints follow, so a resumed run reports
   * what an uninterrupted one does.
   */
  public double takeAcceptanceRate() {
    double rate = proposals == 0 ? Double.NaN : (double) accepted / proposals;
    proposals = 0;
    accepted = 0;
    return rate;
  }

  /** The reward replay (null with ls_replay_batch=0), for checkpoints. */
  public RewardReplay replay() {
    return replay;
  }

  @Override
  public void close() {
    backtrack.close();
    rebuild.close();
    if (offline != null) {
      offline.close();
      offlineBlock.close();
    }
    back.close();
    backHeads.close();
    suffix.close();
    suffixHeads.close();
    out.close();
    outHeads.close();
    logPF.close();
    logPB.close();
  }
}
