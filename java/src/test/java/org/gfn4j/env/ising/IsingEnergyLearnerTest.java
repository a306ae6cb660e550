package org.gfn4j.env.ising;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The tb_ising reward learner: which J scores a batch, what an iteration changes, and its settings. */
class IsingEnergyLearnerTest {
  private static final String SPEC = "ising:side=3,sigma=0.3";
  private static final int BATCH = 16;

  private static TrainConfig config(Backend backend) {
    return Presets.get("tb_ising").withAll(Map.of("env", SPEC, "batch", Integer.toString(BATCH),
        "ebm_samples", "200", "ebm_burn_in", "50", "ebm_exchanges", "2", "ebm_lr", "0.05",
        "backend", backend.name().toLowerCase(java.util.Locale.ROOT)));
  }

  /** A fixed policy with input-dependent logits, so trajectories differ in log PF and log PB. */
  private static final PolicyFn POLICY = (obs, f, b, flow) -> {
    for (long i = 0; i < f.size(); i++) {
      f.set(i, (float) Math.sin(0.7 * i));
    }
    for (long i = 0; i < b.size(); i++) {
      b.set(i, (float) Math.cos(0.3 * i));
    }
    flow.fill(0f);
  };

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aBatchIsScoredByTheCouplingOfItsIterationAndTheNextByTheUpdatedOne(Backend backend) {
    Environment base = Environments.create(SPEC, backend);
    int sites = 9;
    Random rng = new Random(11);
    double[] start = new double[sites * sites];
    for (int a = 0; a < sites; a++) {
      for (int c = a + 1; c < sites; c++) {
        start[a * sites + c] = start[c * sites + a] = rng.nextGaussian() * 0.2;
      }
    }
    try (IsingEnergyLearner learner = new IsingEnergyLearner(IsingEnergyLearner.Settings.of(config(backend), base),
        base, false);
        Trajectories block = Trajectories.forRollouts(base, BATCH);
        HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(base.withReward(learner.reward()), new Sampler(5), BATCH)) {
      Environment env = base.withReward(learner.reward());
      learner.model().setCoupling(start);
      learner.beforeUpdate(POLICY, 0);
      int used = rollout.run(block, heads, POLICY, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
      int[] objects = new int[BATCH * sites];
      for (int b = 0; b < BATCH; b++) {
        System.arraycopy(block.states(used - 1).cells(b), 0, objects, b * sites, sites);
        double logR = 0;
        for (int t = 0; t < used; t++) {
          logR += block.logReward(t).get(b);
        }
        assertEquals(CouplingReward.energy(spins(objects, b, sites), start, sites), logR, 1e-5,
            "the rollout's reward is x'Jx of the coupling before the update");
      }
      learner.afterUpdate(block, heads, used, 0);
      double[] after = learner.model().coupling();
      assertFalse(java.util.Arrays.equals(start, after), "an iteration moves J");
      double[] now = env.logRewards(objects, BATCH);
      for (int b = 0; b < BATCH; b++) {
        assertEquals(CouplingReward.energy(spins(objects, b, sites), after, sites), now[b], 1e-12,
            "the environment's reward is x'Jx of the current J");
      }
      double accept = learner.metrics().get("ebm_accept");
      assertTrue(accept >= 0 && accept <= 1, "acceptance rate " + accept);
      assertThrows(IllegalStateException.class, () -> learner.afterUpdate(block, heads, used, 1),
          "an update needs the data trajectories of its own iteration");
    }
  }

  @Test
  void dataFollowTheTrueModelAndSettingsAreChecked() {
    Environment base = Environments.create(SPEC, Backend.NATIVE);
    try (IsingEnergyLearner learner = new IsingEnergyLearner(
        IsingEnergyLearner.Settings.of(config(Backend.NATIVE), base), base, false)) {
      int[] data = learner.data();
      assertEquals(200 * 9, data.length);
      // J_true > 0 favours aligned neighbours: the mean product over the 18 bonds is positive
      double[] a = new IsingConfig(3, 0.3).adjacency();
      double bond = 0;
      for (int s = 0; s < 200; s++) {
        int[] x = spins(data, s, 9);
        for (int k = 0; k < a.length; k++) {
          bond += a[k] * x[k / 9] * x[k % 9];
        }
      }
      assertTrue(bond / (200 * 36) > 0.2, "mean neighbour correlation " + bond / (200 * 36));
    }
    Environment grid = Environments.create("hypergrid:dim=2,side=4", Backend.NATIVE);
    assertThrows(IllegalArgumentException.class, () -> IsingEnergyLearner.Settings.of(config(Backend.NATIVE), grid));
    assertThrows(IllegalArgumentException.class,
        () -> IsingEnergyLearner.Settings.of(config(Backend.NATIVE).with("ebm_mh", "sometimes"), base));
  }

  @Test
  void theFilterUsesGfnxsRatioOrTheIndependenceSamplersOne() {
    // f: log R 2, Σ log PF −10, Σ log PB −7; d: log R 1, Σ log PF −12, Σ log PB −8
    // gfnx: 2 − 1 + (−8) − (−12) + (−10) − (−7) = 2 → min(0, 2) = 0
    assertEquals(0.0, IsingEnergyLearner.logAcceptance(IsingEnergyLearner.Filter.GFNX, 2, -10, -7, 1, -12, -8));
    // independence: 2 − 1 + (−12) − (−8) − (−10) + (−7) = 0, then with log R(f) = 0.5: −1.5
    assertEquals(0.0, IsingEnergyLearner.logAcceptance(IsingEnergyLearner.Filter.INDEPENDENCE, 2, -10, -7, 1, -12, -8));
    assertEquals(-1.5,
        IsingEnergyLearner.logAcceptance(IsingEnergyLearner.Filter.INDEPENDENCE, 0.5, -10, -7, 1, -12, -8), 1e-12);
    // gfnx with log R(f) = 0.5, log R(d) = 4: 0.5 − 4 − 8 + 12 − 10 + 7 = −2.5
    assertEquals(-2.5, IsingEnergyLearner.logAcceptance(IsingEnergyLearner.Filter.GFNX, 0.5, -10, -7, 4, -12, -8),
        1e-12);
    assertEquals(0.0, IsingEnergyLearner.logAcceptance(IsingEnergyLearner.Filter.NONE, -50, 0, 0, 50, 0, 0));
  }

  private static int[] spins(int[] cells, int b, int sites) {
    int[] x = new int[sites];
    for (int i = 0; i < sites; i++) {
      x[i] = 2 * cells[b * sites + i] - 1;
    }
    return x;
  }
}
