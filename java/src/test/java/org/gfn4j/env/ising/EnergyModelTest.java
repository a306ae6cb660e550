package org.gfn4j.env.ising;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** The energy model of tb_ising: its loss, gradient and update, which pull J toward the data's couplings. */
class EnergyModelTest {
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
      int[] real = new int[128 * sites];
      for (int k = 0; k < 128; k++) {
        System.arraycopy(data, rng.nextInt(2000) * sites, real, k * sites, sites);
      }
      model.update(fakeCells, real);
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
  void gradientMatchesFiniteDifferencesOfTheLoss() {
    int sites = 6;
    EnergyModel model = new EnergyModel(sites, 1e-3, 0.1);
    Random rng = new Random(7);
    double[] j = new double[sites * sites];
    for (int k = 0; k < j.length; k++) {
      j[k] = (rng.nextBoolean() ? 1 : -1) * (0.05 + 0.3 * rng.nextDouble()); // away from the kink of |J|
    }
    int[] selected = new int[20 * sites];
    int[] data = new int[30 * sites];
    for (int k = 0; k < selected.length; k++) {
      selected[k] = rng.nextInt(2);
    }
    for (int k = 0; k < data.length; k++) {
      data[k] = rng.nextInt(2);
    }
    model.setCoupling(j);
    double[] grad = model.gradient(selected, data);
    double h = 1e-5;
    for (int k = 0; k < j.length; k++) {
      double[] up = j.clone();
      double[] down = j.clone();
      up[k] += h;
      down[k] -= h;
      model.setCoupling(up);
      double lUp = model.loss(selected, data);
      model.setCoupling(down);
      double lDown = model.loss(selected, data);
      assertEquals((lUp - lDown) / (2 * h), grad[k], 1e-8, "dL/dJ at entry " + k);
    }
  }

  @Test
  void lossIsTheMeanEnergyGapPlusTheL1Penalty() {
    int sites = 4;
    EnergyModel model = new EnergyModel(sites, 1e-3, 0.5);
    double[] j = new double[sites * sites];
    j[1] = j[4] = 0.3; // J_01 = J_10
    j[11] = -0.2;
    model.setCoupling(j);
    int[] up = {1, 1, 1, 1};
    int[] mixed = {1, 0, 1, 1}; // x = (+, −, +, +)
    // xᵀJx: (+,+,+,+) gives 0.6 − 0.2 = 0.4; (+,−,+,+) gives −0.6 − 0.2 = −0.8
    assertEquals(0.4 + 0.8 + 0.5 * 0.8, model.loss(up, mixed), 1e-12);
    assertArrayEquals(new double[] {0.4, -0.8}, model.energies(new int[] {1, 1, 1, 1, 1, 0, 1, 1}), 1e-12);
  }

  @Test
  void aRestoredStateContinuesExactly() {
    int sites = 5;
    Random rng = new Random(3);
    int[] a = new int[8 * sites];
    int[] b = new int[8 * sites];
    for (int k = 0; k < a.length; k++) {
      a[k] = rng.nextInt(2);
      b[k] = rng.nextInt(2);
    }
    EnergyModel first = new EnergyModel(sites, 1e-2, 0.1);
    first.update(a, b);
    first.update(b, a);
    EnergyModel second = new EnergyModel(sites, 1e-2, 0.1);
    second.restore(first.state());
    first.update(a, b);
    second.update(a, b);
    assertArrayEquals(first.coupling(), second.coupling(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> second.restore(new double[3]));
    assertThrows(IllegalArgumentException.class, () -> second.energies(new int[] {0, 1, 2, 0, 1}));
  }
}
