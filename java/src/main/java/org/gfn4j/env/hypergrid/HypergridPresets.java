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
    // M-DQN as Tiapkin et al. 2024 run it on hypergrids: uniform PB, no exploration noise, Huber,
    // Polyak 0.25 every iteration, proportional prioritized replay (capacity 1e5, batch 256,
    // alpha 0.5, beta annealed from 0), alpha 0.15, l0 -100 and the consistent temperature
    // 1/(1 - alpha); updates start after about 16 iterations' worth of transitions.
    p.put("mdqn_hypergrid", Map.ofEntries(Map.entry("env", grid), Map.entry("objective", "mdqn"),
        Map.entry("eps_start", "0"), Map.entry("eps_steps", "0"), Map.entry("train_backward", "false"),
        Map.entry("target_tau", "0.25"), Map.entry("target_every", "1"), Map.entry("replay", "prioritized"),
        Map.entry("replay_capacity", "100000"), Map.entry("replay_batch", "256"), Map.entry("replay_min", "4096"),
        Map.entry("replay_alpha", "0.5"), Map.entry("replay_beta_start", "0"), Map.entry("replay_beta_end", "1"),
        Map.entry("replay_beta_steps", "62500"), Map.entry("mdqn_alpha", "0.15"), Map.entry("mdqn_l0", "-100"),
        Map.entry("softdqn_lambda", "auto")));
    // TLM (Gritsaev et al. 2025) on top of tb_hypergrid: a separate PB network fitted by trajectory
    // likelihood on each fresh batch before the forward step, zero-initialised output layer, Adam
    // at the forward learning rate decayed by 0.999 per step, Polyak target PB with tau 0.25.
    p.put("tlm_tb_hypergrid", Map.of("env", grid, "objective", "tb", "backward_policy", "tlm", "pb_lr", "1e-3",
        "pb_lr_decay", "0.999", "pb_tau", "0.25", "pb_first", "true"));
    // TLM with M-DQN: the fitted PB̄ is the inner reward log PB̄(s|s'), Polyak rate that of the Q target.
    Map<String, String> tlmMdqn = new LinkedHashMap<>(p.get("mdqn_hypergrid"));
    tlmMdqn.putAll(Map.of("backward_policy", "tlm", "pb_lr", "1e-3", "pb_lr_decay", "0.999", "pb_tau", "0.25"));
    p.put("tlm_mdqn_hypergrid", tlmMdqn);
    // Local search (Kim et al. 2024) on tb_hypergrid at its budget of 16 rewards per iteration:
    // 4 sampled objects, 3 rounds of backtracking 8 steps by PB and rebuilding by PF, deterministic
    // acceptance, plus 16 objects from the reward-prioritised replay drawn back by PB.
    p.put("ls_tb_hypergrid", Map.of("env", grid, "objective", "tb", "batch", "4", "ls_iterations", "3",
        "ls_backtrack", "8", "ls_accept", "deterministic", "ls_replay_batch", "16"));
    // MENTS on soft-DQN (Morozov et al. 2024): uniform PB, no replay (on-policy batches of 16),
    // hard target copy every 3 iterations, no exploration noise, trees in training and sampling
    // with 4 expansions per step and E2W eps 0.01 (the paper's tree_max_size and mcts_eps).
    p.put("mcts_softdqn_hypergrid", Map.ofEntries(Map.entry("env", grid), Map.entry("objective", "softdqn"),
        Map.entry("eps_start", "0"), Map.entry("eps_steps", "0"), Map.entry("train_backward", "false"),
        Map.entry("replay", "none"), Map.entry("target_tau", "1"), Map.entry("target_every", "3"),
        Map.entry("mcts", "mcts_all"), Map.entry("mcts_rollouts", "4"), Map.entry("mcts_eps", "0.01")));
    // Non-acyclic grid (Morozov et al. 2025): MLP 2x256, batch 16, network lr 1e-3, no
    // exploration, learned PB; 125000 iterations are the paper's 2e6 trajectories. The paper's
    // log Z is the sum of 64 equal parameters under Adam at 1e-2, which moves exactly as one
    // scalar under Adam at 64 * 1e-2 = 0.64.
    String cyclic = "hypergrid:dim=4,side=20,moves=pm";
    p.put("nonacyclic_db_hypergrid", Map.of("env", cyclic, "objective", "ndb", "eps_start", "0", "eps_steps", "0",
        "logz_lr", "0.64", "steps", "125000", "eval_every", "2500"));
    p.put("nonacyclic_sdb_hypergrid", Map.of("env", cyclic, "objective", "sdb", "eps_start", "0", "eps_steps", "0",
        "logz_lr", "0.64", "steps", "125000", "eval_every", "2500"));
    // Optimal transport (Maksimov et al. 2026): the non-acyclic grid with the first edge's source
    // tilted toward the origin corner; log-scale DB + 1e-3·F favours the least total flow, whose
    // mean number of moves is W1 from the source to R/Z (ot_cost_ratio and exact_ot_cost_ratio → 1).
    p.put("ot_hypergrid", Map.of("env", "hypergrid:dim=2,side=10,moves=pm,source=corner:0.5", "objective", "ndb",
        "eps_start", "0", "eps_steps", "0", "logz_lr", "0.64", "steps", "10000", "eval_every", "1000"));
    return p;
  }
}
