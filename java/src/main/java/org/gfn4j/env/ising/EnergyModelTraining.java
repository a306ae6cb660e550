package org.gfn4j.env.ising;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainKey;
import org.gfn4j.train.Trainer;

/**
 * gfnx's tb_ising baseline: a TB GFlowNet trained jointly with an energy model whose coupling J
 * starts at zeros. Data: samples of the true model J_true = σ·A drawn once by the
 * parallel-tempering heat-bath sampler. Each iteration: one GFlowNet update on rollouts rewarded
 * by the current J (the samples x_fake), then one energy update on x_fake against a batch of data
 * drawn with replacement. Departure from gfnx: x_fake is used as sampled, without gfnx's
 * Metropolis–Hastings correction through backward trajectories of the data.
 */
public final class EnergyModelTraining {
  /** gfnx's settings: 2000 data samples, 256 per update, Adam 1e-4 on J, L1 weight 0.1. */
  public record Settings(int dataSamples, int dataBatch, double lr, double l1, int burnIn, int roundsPerSample) {
    public static Settings gfnx() {
      return new Settings(2000, 256, 1e-4, 0.1, 1000, 16);
    }
  }

  /** One evaluation point: the step, −log RMSE(J − J_true), ‖J‖₁, the GFlowNet and energy losses. */
  public record Point(long step, double negLogRmse, double l1Norm, double gfnLoss, double energyLoss) {}

  private EnergyModelTraining() {}

  /**
   * {@code java -cp <gfn4j jar and its lib/> org.gfn4j.env.ising.EnergyModelTraining [KEY=VALUE]...}:
   * the tb_ising preset with training settings overridden, one JSON line per evaluation.
   */
  public static void main(String[] args) {
    TrainConfig config = org.gfn4j.train.Presets.get("tb_ising");
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        System.err.println("expected KEY=VALUE, got '" + a + "'");
        System.exit(2);
      }
      config = config.with(a.substring(0, eq), a.substring(eq + 1));
    }
    long t0 = System.nanoTime();
    run(config, Settings.gfnx(), p -> System.out.printf(java.util.Locale.ROOT,
        "{\"step\":%d,\"neg_log_rmse\":%.6f,\"j_l1\":%.6f,\"gfn_loss\":%.6f,\"ebm_loss\":%.6f,\"wall_seconds\":%.1f}%n",
        p.step(), p.negLogRmse(), p.l1Norm(), p.gfnLoss(), p.energyLoss(), (System.nanoTime() - t0) / 1e9));
  }

  /** Trains for {@code config}'s steps, reporting a point every eval_every steps and at the end. */
  public static List<Point> run(TrainConfig config, Settings s, Consumer<Point> progress) {
    EnvSpec spec = EnvSpec.parse(config.get(TrainKey.ENV));
    IsingConfig ising = IsingConfig.fromSpec(spec);
    int sites = ising.sites();
    long seed = config.getLong(TrainKey.SEED);
    double[] truth = ising.coupling();
    HeatBathSampler sampler = HeatBathSampler.gfnxDefaults(Backend.NATIVE, sites, truth, seed);
    sampler.advance(s.burnIn());
    int[] data = sampler.sample(s.dataSamples(), s.roundsPerSample());
    EnergyModel model = new EnergyModel(sites, s.lr(), s.l1());
    Backend backend = Backend.valueOf(config.get(TrainKey.BACKEND).toUpperCase(java.util.Locale.ROOT));
    Environment env = Environments.create(spec.toString(), backend).withReward(model);
    SplittableRandom rng = new SplittableRandom(seed ^ 0x1517L);
    List<Point> points = new ArrayList<>();
    int steps = config.getInt(TrainKey.STEPS);
    int every = config.getInt(TrainKey.EVAL_EVERY);
    try (Trainer trainer = Trainer.start(config, env)) {
      for (int step = 1; step <= steps; step++) {
        double gfnLoss = trainer.iterate();
        List<int[]> fake = model.drainScored();
        List<int[]> real = new ArrayList<>(s.dataBatch());
        for (int k = 0; k < s.dataBatch(); k++) {
          int i = rng.nextInt(s.dataSamples());
          real.add(java.util.Arrays.copyOfRange(data, i * sites, (i + 1) * sites));
        }
        double energyLoss = model.update(fake, real);
        if (step % every == 0 || step == steps) {
          double norm = 0;
          for (double v : model.coupling()) {
            norm += Math.abs(v);
          }
          Point p = new Point(step, model.negLogRmse(truth), norm, gfnLoss, energyLoss);
          points.add(p);
          progress.accept(p);
        }
      }
    }
    return points;
  }
}
