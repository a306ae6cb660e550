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
  void updatesAgainstIndependentSpinsRecoverTheSignOfTheCouplings() {
    IsingConfig c = new IsingConfig(3, 0.4);
    int sites = c.sites();
    HeatBathSampler sampler = HeatBathSampler.gfnxDefaults(Backend.NATIVE, sites, c.coupling(), 3);
    sampler.advance(200);
    int[] data = sampler.sample(400, 4);
    EnergyModel model = new EnergyModel(sites, 1e-2, 0.0);
    Random rng = new Random(4);
    double before = model.negLogRmse(c.coupling());
    for (int step = 0; step < 150; step++) {
      List<int[]> fake = new ArrayList<>();
      List<int[]> real = new ArrayList<>();
      for (int k = 0; k < 64; k++) {
        int[] x = new int[sites];
        for (int i = 0; i < sites; i++) {
          x[i] = rng.nextInt(2);
        }
        fake.add(x);
        int r = rng.nextInt(400);
        real.add(java.util.Arrays.copyOfRange(data, r * sites, (r + 1) * sites));
      }
      model.update(fake, real);
    }
    double[] j = model.coupling();
    double[] a = c.adjacency();
    for (int k = 0; k < j.length; k++) {
      if (a[k] != 0) {
        assertTrue(j[k] > 0, "bond " + k + " learned " + j[k]);
      }
      assertEquals(j[k], j[(k % sites) * sites + k / sites], 1e-12, "J stays symmetric");
    }
    assertTrue(model.negLogRmse(c.coupling()) > before);
  }

  @Test
  void jointTrainingImprovesTheCouplingEstimate() {
    TrainConfig config = Presets.get("tb_ising").withAll(java.util.Map.of(
        "env", "ising:side=3,sigma=0.2", "batch", "32", "steps", "80", "hidden", "32", "depth", "2",
        "eval_every", "40", "lr", "1e-3"));
    EnergyModelTraining.Settings s = new EnergyModelTraining.Settings(300, 64, 1e-2, 0.1, 100, 4);
    List<EnergyModelTraining.Point> points = EnergyModelTraining.run(config, s, p -> {});
    assertEquals(2, points.size());
    double baseline = -Math.log(rms(new IsingConfig(3, 0.2).coupling())); // J = 0
    assertTrue(points.get(1).negLogRmse() > baseline,
        "-log RMSE " + points.get(1).negLogRmse() + " not above the J = 0 baseline " + baseline);
  }
}
