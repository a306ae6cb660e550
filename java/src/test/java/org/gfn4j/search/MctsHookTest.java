package org.gfn4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MENTS inside a forward rollout: the recorded targets are the trees' soft values at exactly the searched states. */
class MctsHookTest {
  @ParameterizedTest
  @EnumSource(value = MctsSettings.Mode.class, names = {"TRAIN", "ALL"})
  void targetsAreTheExactSoftValuesOfTheVisitedStatesWithAnExactQ(MctsSettings.Mode mode) {
    Environment env = Environments.create("hypergrid:dim=2,side=5");
    GridOracle o = new GridOracle(env);
    o.observeAll(o.initial());
    Map<String, Double> memo = new HashMap<>();
    java.util.function.ToDoubleFunction<int[]> logR = o::logReward;
    PolicyFn exact = o.exactNetwork(memo);
    int batch = 6;
    MctsSettings settings = new MctsSettings(mode, 4, 0.01);
    try (Trajectories block = Trajectories.forRollouts(env, batch); HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(env, new Sampler(3), batch);
        MctsHook hook = new MctsHook(new MentsSearch(env, exact, batch, settings, 3, Backend.NATIVE),
            mode.actsFromTreeInTraining(), batch, env.numActions(), block.slots())) {
      int used = rollout.run(block, heads, exact, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE, hook);
      try (FloatTensor target = FloatTensor.allocate(used, batch)) {
        target.fill(-1000f);
        hook.overwriteTargetValues(target, used);
        int searched = 0;
        for (int t = 0; t < used; t++) {
          StateBatch s = block.states(t);
          for (int b = 0; b < batch; b++) {
            float v = target.get((long) t * batch + b);
            if (s.isTerminal(b) || s.isPad(b)) {
              assertEquals(-1000f, v, "no tree at a terminal or padding state");
            } else {
              searched++;
              assertEquals(o.softValue(s.cells(b), logR, memo), v, 1e-4, "V_tree = log F at slot " + t);
            }
          }
        }
        assertTrue(searched > batch, "every trajectory was searched at several states");
      }
      // Q_θ = Q* = Q_tree at every searched state and Q*(x, exit) = log R(x): the regression loss vanishes
      try (HeadBlock grads = HeadBlock.like(block)) {
        double loss = hook.regressionLoss(block, used, heads, grads, new TreeRegression(Backend.NATIVE));
        assertEquals(0.0, loss, 1e-9);
        for (long i = 0; i < (long) used * batch; i++) {
          assertEquals(0f, grads.logFlow.get(i), 1e-5f);
        }
      }
    }
  }
}
