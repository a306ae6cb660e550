package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named training setups. The *_hypergrid presets reproduce the gfnx baseline configs (network,
 * optimiser and learning rates, batch, steps, epsilon schedule, evaluation cadence); fldb and
 * mdb on the hypergrid are gfn4j additions (gfnx runs them on phylogenetics and DAGs only).
 */
public final class Presets {
  private static final Map<String, Map<String, String>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("tb_hypergrid", Map.of());
    PRESETS.put("db_hypergrid", Map.of("objective", "db", "eps_start", "0", "eps_steps", "0"));
    PRESETS.put("subtb_hypergrid", Map.of(
        "objective", "subtb", "env", "hypergrid:dim=2,side=5,reward=easy", "hidden", "128",
        "eps_start", "0", "eps_steps", "0", "subtb_lambda", "1", "eval_every", "100"));
    PRESETS.put("softdqn_hypergrid", Map.of(
        "objective", "softdqn", "env", "hypergrid:dim=2,side=10,reward=easy", "seed", "1",
        "eps_start", "0.001", "eps_end", "0.001", "eps_steps", "0", "train_backward", "false",
        "target_tau", "0.25", "target_every", "1", "leaf_coeff", "5"));
    // gfnx's FL-DB (phylo, tau 0.005) and MDB (DAG, eps 1 -> 0.1, hard copy every 1000 steps)
    // settings are for those environments; on the hypergrid a faster target (tau 0.25, as
    // soft-DQN) converges within the budget, and MDB needs the exploration schedule: without it
    // the policy can stop at s0 at once, leaving no non-stop transition to learn from.
    PRESETS.put("fldb_hypergrid", Map.of(
        "objective", "fldb", "eps_start", "0", "eps_steps", "0", "train_backward", "false",
        "target_tau", "0.25"));
    PRESETS.put("mdb_hypergrid", Map.of(
        "objective", "mdb", "eps_start", "1", "eps_end", "0.1", "eps_steps", "30000", "train_backward", "false",
        "target_tau", "0.25", "target_every", "1"));
  }

  private Presets() {}

  public static Iterable<String> names() {
    return PRESETS.keySet();
  }

  /** The config of preset {@code name}; IllegalArgumentException for an unknown name. */
  public static TrainConfig get(String name) {
    Map<String, String> overrides = PRESETS.get(name);
    if (overrides == null) {
      throw new IllegalArgumentException(
          "unknown preset '" + name + "' (known: " + String.join(", ", PRESETS.keySet()) + ")");
    }
    return TrainConfig.defaults().withAll(new java.util.TreeMap<>(overrides));
  }

  /** The gfnx-baseline preset for an objective on the hypergrid (tb → tb_hypergrid, ...). */
  public static String forObjective(String objective) {
    String name = objective + "_hypergrid";
    if (!PRESETS.containsKey(name)) {
      throw new IllegalArgumentException(
          "unknown objective '" + objective + "' (known: tb, db, subtb, fldb, mdb, softdqn)");
    }
    return name;
  }
}
