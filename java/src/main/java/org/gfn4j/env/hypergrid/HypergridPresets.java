package org.gfn4j.env.hypergrid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hypergrid's training presets. The *_hypergrid presets reproduce the gfnx baseline configs
 * (network, optimiser and learning rates, batch, steps, epsilon schedule, evaluation cadence);
 * fldb and mdb on the hypergrid are gfn4j additions (gfnx runs them on phylogenetics and DAGs only).
 */
final class HypergridPresets {
  private HypergridPresets() {}

  static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    String grid = "hypergrid:dim=4,side=20,reward=easy";
    p.put("tb_hypergrid", Map.of("env", grid));
    p.put("db_hypergrid", Map.of("env", grid, "objective", "db", "eps_start", "0", "eps_steps", "0"));
    p.put("subtb_hypergrid", Map.of(
        "objective", "subtb", "env", "hypergrid:dim=2,side=5,reward=easy", "hidden", "128",
        "eps_start", "0", "eps_steps", "0", "subtb_lambda", "1", "eval_every", "100"));
    p.put("softdqn_hypergrid", Map.of(
        "objective", "softdqn", "env", "hypergrid:dim=2,side=10,reward=easy", "seed", "1",
        "eps_start", "0.001", "eps_end", "0.001", "eps_steps", "0", "train_backward", "false",
        "target_tau", "0.25", "target_every", "1", "leaf_coeff", "5"));
    // gfnx's FL-DB (phylo, tau 0.005) and MDB (DAG, eps 1 -> 0.1, hard copy every 1000 steps)
    // settings are for those environments; on the hypergrid a faster target (tau 0.25, as
    // soft-DQN) converges within the budget, and MDB needs the exploration schedule: without it
    // the policy can stop at s0 at once, leaving no non-stop transition to learn from.
    p.put("fldb_hypergrid", Map.of(
        "env", grid, "objective", "fldb", "eps_start", "0", "eps_steps", "0", "train_backward", "false",
        "target_tau", "0.25"));
    p.put("mdb_hypergrid", Map.of(
        "env", grid, "objective", "mdb", "eps_start", "1", "eps_end", "0.1", "eps_steps", "30000",
        "train_backward", "false", "target_tau", "0.25", "target_every", "1"));
    return p;
  }
}
