package org.gfn4j.env.ising;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The energy model of tb_ising: its update pulls J toward the data's couplings, jointly with a sampler. */
class EnergyModelTest {
  private static double rms(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s / v.length);
  }

  @Test
  void contrastiveUpdatesWithModelSamplesRecoverTheTrueCoupling() {
    IsingConfig c = new IsingConfig(3, 0.3);
    int sites = c.sites();
    HeatBathSampler truth = new HeatBathSampler(Backend.NATIVE, sites, c.coupling(), 4, 0.4, 1, 3);
    truth.advance(100);
    int[] data = truth.sample(2000, 2);
    EnergyModel model = new EnergyModel(sites, 2e-2, 0.0);
    Random rng = new Random(4);
    double before = model.negLogRmse(c.coupling());
    for (int step = 0; step < 200; step++) {
      // x_fake from the current model (the role the GFlowNet plays in tb_ising)
      HeatBathSampler fakeSampler = new HeatBathSampler(Backend.NATIVE, sites, model.coupling(), 4, 0.4, 1, step);
      fakeSampler.advance(20);
      int[] fakeCells = fakeSampler.sample(128, 1);
      List<int[]> fake = new ArrayList<>();
      List<int[]> real = new ArrayList<>();
      for (int k = 0; k < 128; k++) {
        fake.add(java.util.Arrays.copyOfRange(fakeCells, k * sites, (k + 1) * sites));
        int r = rng.nextInt(2000);
        real.add(java.util.Arrays.copyOfRange(data, r * sites, (r + 1) * sites));
      }
      model.update(fake, real);
    }
    double[] j = model.coupling();
    double[] a = c.adjacency();
    double bond = 0;
    double off = 0;
    int bonds = 0;
    for (int k = 0; k < j.length; k++) {
      if (a[k] != 0) {
        bond += j[k];
        bonds++;
      } else if (k % sites != k / sites) {
        off += Math.abs(j[k]);
      }
      assertEquals(j[k], j[(k % sites) * sites + k / sites], 1e-12, "J stays symmetric");
    }
    bond /= bonds;
    off /= sites * (sites - 1) - bonds;
    assertEquals(0.3, bond, 0.15, "mean coupling on the bonds");
    assertTrue(off < 0.1, "mean |J| off the bonds: " + off);
    assertTrue(model.negLogRmse(c.coupling()) > before + 0.5,
        "-log RMSE " + model.negLogRmse(c.coupling()) + " from " + before);
  }

  @Test
  void jointTrainingImprovesTheCouplingEstimate() {
    TrainConfig config = Presets.get("tb_ising").withAll(java.util.Map.of(
        "env", "ising:side=3,sigma=0.2", "batch", "32", "steps", "80", "hidden", "32", "depth", "2",
        "eval_every", "40", "lr", "1e-3"));
    EnergyModelTraining.Settings s = new EnergyModelTraining.Settings(300, 64, 1e-3, 0.1, 100, 4);
    List<EnergyModelTraining.Point> points = EnergyModelTraining.run(config, s, p -> {});
    assertEquals(2, points.size());
    double baseline = -Math.log(rms(new IsingConfig(3, 0.2).coupling())); // J = 0
    assertTrue(points.get(1).negLogRmse() > baseline,
        "-log RMSE " + points.get(1).negLogRmse() + " not above the J = 0 baseline " + baseline);
  }
}
