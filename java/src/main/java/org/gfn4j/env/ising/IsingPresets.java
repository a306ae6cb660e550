package org.gfn4j.env.ising;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Ising training preset, gfnx's tb_ising: TB with an MLP 256×4 on the raw state (learned PB),
 * batch 256, 20 000 steps, Adam 1e-2 (network) and 1e-3 (log Z), no exploration, evaluation every
 * 200 steps, and the reward learned jointly (reward_model=ising_ebm: J from zeros, Adam 1e-4, L1
 * 0.1, 2 000 parallel-tempering samples of J_true = 0.1·A; {@link IsingEnergyLearner}).
 * {@code --set reward_model=fixed} trains the same sampler against the true J.
 */
final class IsingPresets {
  private IsingPresets() {}

  static Map<String, Map<String, String>> all() {
    Map<String, String> tb = new LinkedHashMap<>();
    tb.put("env", "ising:side=10,sigma=0.1");
    tb.put("objective", "tb");
    tb.put("batch", "256");
    tb.put("steps", "20000");
    tb.put("seed", "1");
    tb.put("hidden", "256");
    tb.put("depth", "4");
    tb.put("lr", "1e-2");
    tb.put("logz_lr", "1e-3");
    tb.put("eps_start", "0");
    tb.put("eps_steps", "0");
    tb.put("eval_every", "200");
    tb.put("reward_model", "ising_ebm");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_ising", Map.copyOf(tb));
    return p;
  }
}
