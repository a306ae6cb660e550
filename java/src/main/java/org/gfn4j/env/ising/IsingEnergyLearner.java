package org.gfn4j.env.ising;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.RewardModule;
import org.gfn4j.objective.ObjectiveInputs;
import org.gfn4j.objective.TrajectoryLogProbs;
import org.gfn4j.rollout.BackwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.train.RewardLearner;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainKey;

/**
 * gfnx's tb_ising energy model as a reward learner (reward_model=ising_ebm). Data: ebm_samples
 * objects of the true model J_true = σ·A drawn once by the parallel-tempering heat-bath sampler
 * (after ebm_burn_in exchanges, ebm_exchanges apart). Each iteration, as gfnx's train_step:
 * before the GFlowNet update, a batch of data objects is drawn with replacement and given backward
 * trajectories by the current PB (log PF, log PB of them under the same policy); the GFlowNet's
 * fresh rollout (x_fake, scored by the current J) then passes a Metropolis–Hastings filter
 * against the data object of the same row, and one Adam step on
 * mean_sel xᵀJx − mean_data xᵀJx + λ·Σ|J| moves J ({@link EnergyModel}). The reward the
 * environment reads is xᵀJx of the current J, which changes only between iterations.
 *
 * <p>gfnx's log acceptance is min(0, logR(x_f) + log PB(τ_d|x_d) + log PF(τ_f) − logR(x_d)
 * − log PB(τ_f|x_f) − log PF(τ_d)); an independence sampler whose proposal density is estimated
 * by PF(τ)/PB(τ|x) has the PF and PB terms with the opposite signs. ebm_mh selects gfnx's ratio
 * (default), that textbook one, or no filter.
 */
public final class IsingEnergyLearner implements RewardLearner {
  /** The Metropolis–Hastings variants of ebm_mh. */
  public enum Filter {
    GFNX, INDEPENDENCE, NONE;

    static Filter parse(String s) {
      switch (s) {
        case "gfnx":
          return GFNX;
        case "independence":
          return INDEPENDENCE;
        case "none":
          return NONE;
        default:
          throw new IllegalArgumentException("'ebm_mh' must be gfnx, independence or none, got '" + s + "'");
      }
    }
  }

  /** The learner's settings, read from a training config. */
  public record Settings(IsingConfig ising, long seed, int batch, double lr, double l1, Filter filter, int samples,
      int burnIn, int exchanges, int replicas, int sweeps, double minBeta, Backend backend) {
    /** The ebm_* settings of {@code config} for {@code env}; IllegalArgumentException unless env is an Ising model. */
    public static Settings of(TrainConfig config, Environment env) {
      if (!env.spec().name().equals("ising")) {
        throw new IllegalArgumentException("reward_model=ising_ebm learns an Ising coupling: it needs an ising"
            + " environment, not " + env.spec().name());
      }
      return new Settings(IsingConfig.fromSpec(env.spec()), config.getLong(TrainKey.SEED),
          config.getInt(TrainKey.BATCH), config.getDouble(TrainKey.EBM_LR), config.getDouble(TrainKey.EBM_L1),
          Filter.parse(config.get(TrainKey.EBM_MH)), config.getInt(TrainKey.EBM_SAMPLES),
          config.getInt(TrainKey.EBM_BURN_IN), config.getInt(TrainKey.EBM_EXCHANGES),
          config.getInt(TrainKey.EBM_REPLICAS), config.getInt(TrainKey.EBM_SWEEPS),
          config.getDouble(TrainKey.EBM_MIN_BETA),
          Backend.valueOf(config.get(TrainKey.BACKEND).toUpperCase(java.util.Locale.ROOT)));
    }
  }

  private final Settings s;
  private final int sites;
  private final double[] truth;
  private final int[] data;
  private final EnergyModel model;
  private final RewardModule reward;
  private final Environment env;
  private final boolean uniformBackward;
  private final BackwardRollout backward;
  private final Trajectories dataBlock;
  private final HeadBlock dataHeads;
  private final TrajectoryLogProbs logProbs;
  private final DoubleTensor sumLogPF;
  private final DoubleTensor sumLogPB;
  private final int[] dataBatch;
  private final double[] dataLogPF;
  private final double[] dataLogPB;
  private long preparedStep = -1;
  private double lastLoss = Double.NaN;
  private double lastAccept = Double.NaN;

  /**
   * A learner for {@code env} (an Ising environment; its own reward is not used). {@code uniformBackward}:
   * whether the run's PB is uniform rather than the policy's backward head.
   */
  public IsingEnergyLearner(Settings s, Environment env, boolean uniformBackward) {
    this.s = s;
    this.sites = s.ising().sites();
    this.truth = s.ising().coupling();
    HeatBathSampler sampler = new HeatBathSampler(s.backend(), sites, truth, s.replicas(), s.minBeta(), s.sweeps(),
        s.seed());
    sampler.advance(s.burnIn());
    this.data = sampler.sample(s.samples(), s.exchanges());
    this.model = new EnergyModel(sites, s.lr(), s.l1());
    Backend backend = s.backend();
    this.reward = (cells, count) -> CouplingReward.logRewards(backend, sites, model.couplingView(), cells, count);
    this.env = env.withReward(reward);
    this.uniformBackward = uniformBackward;
    boolean filter = s.filter() != Filter.NONE;
    this.backward = filter ? new BackwardRollout(this.env, new Sampler(s.seed() ^ 0x1517_15E6L), s.batch()) : null;
    this.dataBlock = filter ? Trajectories.forRollouts(this.env, s.batch()) : null;
    this.dataHeads = filter ? HeadBlock.like(dataBlock) : null;
    this.logProbs = new TrajectoryLogProbs(uniformBackward, Backend.NATIVE);
    this.sumLogPF = DoubleTensor.allocate(s.batch());
    this.sumLogPB = DoubleTensor.allocate(s.batch());
    this.dataBatch = new int[s.batch() * sites];
    this.dataLogPF = new double[s.batch()];
    this.dataLogPB = new double[s.batch()];
  }

  @Override
  public RewardModule reward() {
    return reward;
  }

  /** The energy model (J and its optimizer). */
  public EnergyModel model() {
    return model;
  }

  /** The data objects drawn from the true model, cells [ebm_samples, D]. */
  public int[] data() {
    return data.clone();
  }

  @Override
  public void beforeUpdate(PolicyFn policy, long step) {
    SplittableRandom rng = new SplittableRandom(s.seed() * 0x2545F4914F6CDD1DL + step);
    for (int b = 0; b < s.batch(); b++) {
      System.arraycopy(data, rng.nextInt(s.samples()) * sites, dataBatch, b * sites, sites);
    }
    if (backward != null) {
      int used = backward.run(dataBatch, dataBlock, dataHeads, policy, uniformBackward, step);
      sums(dataBlock.prefix(used), dataHeads, used, dataLogPF, dataLogPB);
    }
    preparedStep = step;
  }

  @Override
  public void afterUpdate(Trajectories batch, HeadBlock heads, int used, long step) {
    if (preparedStep != step) {
      throw new IllegalStateException("afterUpdate(" + step + ") without beforeUpdate(" + step + ")");
    }
    int n = batch.batch();
    if (n != s.batch()) {
      throw new IllegalArgumentException("a batch of " + n + " objects, the learner draws " + s.batch());
    }
    int[] fake = new int[n * sites];
    int[] row = new int[sites];
    org.gfn4j.env.StateBatch last = batch.states(used - 1);
    for (int b = 0; b < n; b++) {
      System.arraycopy(last.cells(b, row), 0, fake, b * sites, sites);
    }
    int[] selected = fake;
    if (s.filter() != Filter.NONE) {
      double[] fakeLogPF = new double[n];
      double[] fakeLogPB = new double[n];
      sums(batch.prefix(used), heads, used, fakeLogPF, fakeLogPB);
      double[] logRFake = model.energies(fake);
      double[] logRData = model.energies(dataBatch);
      SplittableRandom rng = new SplittableRandom(s.seed() * 0x632BE59BD9B4E019L + step);
      selected = new int[n * sites];
      int accepted = 0;
      for (int b = 0; b < n; b++) {
        double logAccept = logAcceptance(s.filter(), logRFake[b], fakeLogPF[b], fakeLogPB[b], logRData[b],
            dataLogPF[b], dataLogPB[b]);
        boolean accept = rng.nextDouble() < Math.exp(logAccept);
        accepted += accept ? 1 : 0;
        System.arraycopy(accept ? fake : dataBatch, b * sites, selected, b * sites, sites);
      }
      lastAccept = (double) accepted / n;
    }
    lastLoss = model.update(selected, dataBatch);
    preparedStep = -1;
  }

  /**
   * The log acceptance of a sampled object f against the data object d of its row, from their
   * log rewards and trajectory log-probabilities (Σ log PF, Σ log PB); 0 (always) without a filter.
   */
  static double logAcceptance(Filter filter, double logRFake, double fakeLogPF, double fakeLogPB, double logRData,
      double dataLogPF, double dataLogPB) {
    switch (filter) {
      case GFNX:
        return Math.min(0.0, logRFake - logRData + dataLogPB - dataLogPF + fakeLogPF - fakeLogPB);
      case INDEPENDENCE:
        return Math.min(0.0, logRFake - logRData + dataLogPF - dataLogPB - fakeLogPF + fakeLogPB);
      default:
        return 0.0;
    }
  }

  /** Per-trajectory Σ log PF and Σ log PB of {@code used} slots under {@code heads}. */
  private void sums(Trajectories prefix, HeadBlock heads, int used, double[] logPF, double[] logPB) {
    ObjectiveInputs in = ObjectiveInputs.builder(prefix)
        .forwardLogits(heads.forwardLogits(0, used))
        .backwardLogits(heads.backwardLogits(0, used))
        .build();
    logProbs.compute(in, null, null, sumLogPF, sumLogPB, null);
    for (int b = 0; b < logPF.length; b++) {
      logPF[b] = sumLogPF.get(b);
      logPB[b] = sumLogPB.get(b);
    }
  }

  /**
   * neg_log_rmse_j (−log RMSE(J − J_true), gfnx's neg_log_|J − J_true|_2), j_norm1 (gfnx's |J|_1,
   * the largest column sum of |J|), ebm_loss of the last update and, with a filter, the share of
   * the sampler's objects it accepted.
   */
  @Override
  public Map<String, Double> metrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("neg_log_rmse_j", model.negLogRmse(truth));
    out.put("j_norm1", model.norm1());
    out.put("ebm_loss", lastLoss);
    if (s.filter() != Filter.NONE) {
      out.put("ebm_accept", lastAccept);
    }
    return out;
  }

  @Override
  public double[] state() {
    return model.state();
  }

  @Override
  public void restore(double[] state) {
    model.restore(state);
  }

  @Override
  public void close() {
    if (backward != null) {
      backward.close();
      dataBlock.close();
      dataHeads.close();
    }
    sumLogPF.close();
    sumLogPB.close();
  }
}
