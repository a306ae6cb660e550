package org.gfn4j.backward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;

/** The TLM objective on real hypergrid rollouts: its value from the definition, its gradient by finite differences. */
class TrajectoryLikelihoodTest {
  private static final Environment ENV = Environments.create("hypergrid:dim=2,side=5");
  private static final PolicyFn RANDOM = (obs, f, b, flow) -> {
    f.fill(0f);
    b.fill(0f);
    flow.fill(0f);
  };

  private static double naive(Trajectories block, int used, float[] logits) {
    int batch = block.batch();
    int nb = block.numBackwardActions();
    double total = 0;
    for (int t = 0; t + 1 < used; t++) {
      for (int b = 0; b < batch; b++) {
        int next = (t + 1) * batch + b;
        if (!block.isReal(t, b) || block.terminal.get(next) != 0) {
          continue;
        }
        double sum = 0;
        for (int k = 0; k < nb; k++) {
          sum += block.backwardMask.get((long) next * nb + k) == 0 ? Math.exp(logits[next * nb + k]) : 0;
        }
        total -= logits[next * nb + block.backwardActions.get(t * batch + b)] - Math.log(sum);
      }
    }
    return total;
  }

  @Test
  void lossIsMinusTheBackwardLogLikelihoodAndItsGradientMatchesFiniteDifferences() {
    try (Trajectories block = Trajectories.forRollouts(ENV, 32); HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(ENV, new Sampler(4), 32)) {
      int used = rollout.run(block, heads, RANDOM, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
      int n = used * 32 * block.numBackwardActions();
      float[] values = new float[n];
      Random rng = new Random(5);
      for (int i = 0; i < n; i++) {
        values[i] = (float) rng.nextGaussian();
      }
      try (FloatTensor logits = FloatTensor.of(values, used, 32, block.numBackwardActions());
          FloatTensor grad = FloatTensor.allocate(used, 32, block.numBackwardActions())) {
        double loss = TrajectoryLikelihood.loss(block, used, logits, grad);
        assertEquals(naive(block, used, values), loss, 1e-9 * Math.abs(loss));
        assertTrue(loss > 1, "non-trivial loss " + loss);
        float[] g = grad.toArray();
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
          float x0 = values[i];
          values[i] = x0 + 1e-3f;
          double up = naive(block, used, values);
          values[i] = x0 - 1e-3f;
          double down = naive(block, used, values);
          values[i] = x0;
          double fd = (up - down) / ((double) (x0 + 1e-3f) - (double) (x0 - 1e-3f));
          assertEquals(fd, g[i], 1e-4, "d logits[" + i + "]");
          nonZero += Math.abs(g[i]) > 1e-3 ? 1 : 0;
        }
        assertTrue(nonZero > 20, "the gradient reaches many rows: " + nonZero);
      }
    }
  }
}
