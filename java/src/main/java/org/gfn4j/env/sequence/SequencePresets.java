package org.gfn4j.env.sequence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training presets of the sequence families, reproducing gfnx's baseline configs (network,
 * optimiser and learning rates, batch, steps, epsilon schedule, evaluation cadence). bitseq and
 * AMP train gfnx's transformer on the tokens; TFBind8 and QM9 gfnx's MLP on the one-hot tokens.
 * bitseq uses gfnx's bitseq heads ({@code policy=bitseq_transformer}, {@link BitseqPolicy}:
 * per-word forward and backward Linears after the BOS slot, log-flow on BOS); AMP's heads are
 * mean-pooled linear layers as in gfnx. Difference from gfnx: the TFBind8 table is not bundled
 * (the preset names {@code tfbind8/tfbind8.csv} below the data directory).
 */
final class SequencePresets {
  private SequencePresets() {}

  private static Map<String, String> transformer(String env, int steps) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("env", env);
    p.put("policy", "transformer");
    p.put("tf_dim", "64");
    p.put("tf_layers", "3");
    p.put("tf_heads", "8");
    p.put("tf_ff", "64");
    p.put("steps", Integer.toString(steps));
    p.put("batch", "16");
    return p;
  }

  private static Map<String, String> mlp(String env) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("env", env);
    p.put("policy", "mlp");
    p.put("hidden", "256");
    p.put("depth", "2");
    p.put("steps", "1000000");
    p.put("batch", "16");
    p.put("optimizer", "adam");
    p.put("eval_every", "1000");
    return p;
  }

  private static Map<String, String> with(Map<String, String> base, String... kv) {
    Map<String, String> p = new LinkedHashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return p;
  }

  /**
   * Local search GFlowNets (Kim et al. 2024) with TB as their table runs QM9 and TFBind8: 4 sampled
   * objects refined by 7 rounds (32 online trajectories) plus 32 replayed, K = 3, deterministic
   * acceptance, policy lr 1e-4, log Z lr 1e-2, constant exploration epsilon, an MLP of the given
   * width for their SSR network; the reward exponents and scales (QM9 β 5 to 100, TFBind8 β 3 to
   * 10) are those of the environments. gfn4j has no gradient-norm or logit clipping.
   */
  private static Map<String, String> localSearch(Map<String, String> base, String hidden, String eps, String steps) {
    return with(base, "objective", "tb", "hidden", hidden, "lr", "1e-4", "logz_lr", "1e-2", "batch", "4",
        "steps", steps, "eps_start", eps, "eps_end", eps, "eps_steps", "0", "ls_iterations", "7", "ls_backtrack", "3",
        "ls_accept", "deterministic", "ls_replay_batch", "32", "eval_every", "100");
  }

  static Map<String, Map<String, String>> bitseq() {
    Map<String, String> base = with(transformer("bitseq:n=120,k=8,beta=3", 50_000), "policy", BitseqPolicy.NAME,
        "optimizer", "adamw", "lr", "1e-3", "weight_decay", "1e-5",
        "eps_start", "0.001", "eps_end", "0.001", "eps_steps", "0", "eval_every", "1000", "corr_objects", "7200");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_bitseq", with(base, "objective", "tb", "logz_lr", "0.05", "train_backward", "false"));
    p.put("db_bitseq", with(base, "objective", "db", "eval_every", "2000"));
    p.put("subtb_bitseq", with(base, "objective", "subtb", "lr", "5e-4", "subtb_lambda", "1.9"));
    // M-DQN as Tiapkin et al. 2024 run bit sequences: uniform PB, lr 2e-3 (their README runs),
    // random actions 0.001, Huber, leaf_coeff 2, hard target copy every 5 iterations, proportional
    // prioritized replay (1e5, batch 256, alpha 0.9, beta 0.1), updates from 50 iterations' worth of
    // transitions (50 x 16 x n/k), alpha 0.15, l0 -25, temperature 1/(1 - alpha).
    p.put("mdqn_bitseq", with(base, "objective", "mdqn", "lr", "2e-3", "train_backward", "false", "leaf_coeff", "2",
        "target_tau", "1", "target_every", "5", "replay", "prioritized", "replay_capacity", "100000",
        "replay_batch", "256", "replay_min", "12000", "replay_alpha", "0.9", "replay_beta_start", "0.1",
        "replay_beta_end", "0.1", "replay_beta_steps", "0", "mdqn_alpha", "0.15", "mdqn_l0", "-25",
        "softdqn_lambda", "auto"));
    // TLM (Gritsaev et al. 2025) on bit sequences with TB: a separate PB transformer fitted by
    // trajectory likelihood on each fresh batch before the forward step, zero-initialised output,
    // Adam at the forward lr 2e-3 decayed by 0.9999 per PB step, Polyak target PB with tau 0.1.
    p.put("tlm_tb_bitseq", with(base, "objective", "tb", "lr", "2e-3", "logz_lr", "0.05", "backward_policy", "tlm",
        "pb_lr", "2e-3", "pb_lr_decay", "0.9999", "pb_tau", "0.1", "pb_first", "true"));
    return p;
  }

  static Map<String, Map<String, String>> tfbind() {
    Map<String, String> base = mlp("tfbind8:table=tfbind8/tfbind8.csv");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_tfbind", with(base, "objective", "tb", "lr", "5e-4", "logz_lr", "0.05",
        "eps_start", "1", "eps_end", "0", "eps_steps", "50000"));
    p.put("db_tfbind", with(base, "objective", "db", "lr", "5e-4", "eps_start", "0", "eps_steps", "0"));
    p.put("ls_tb_tfbind", localSearch(base, "128", "0.01", "5000"));
    p.put("subtb_tfbind", with(base, "objective", "subtb", "lr", "1e-3", "subtb_lambda", "1",
        "eps_start", "1", "eps_end", "0", "eps_steps", "50000", "eval_every", "500", "metric_buffer", "1000000"));
    return p;
  }

  static Map<String, Map<String, String>> qm9() {
    Map<String, String> base = with(mlp("qm9"), "eps_start", "0", "eps_steps", "0");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_qm9_small", with(base, "objective", "tb", "lr", "5e-4", "logz_lr", "0.05"));
    p.put("db_qm9_small", with(base, "objective", "db", "lr", "3e-4"));
    p.put("ls_tb_qm9_small", localSearch(base, "1024", "0.1", "2000"));
    return p;
  }

  static Map<String, Map<String, String>> amp() {
    Map<String, String> base = with(transformer("amp", 20_000), "eval_every", "500");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_amp", with(base, "objective", "tb", "optimizer", "adamw", "lr", "1e-3", "weight_decay", "1e-4",
        "logz_lr", "0.64", "logz_init", "150", "eps_start", "0.01", "eps_end", "0.01", "eps_steps", "0"));
    p.put("db_amp", with(base, "objective", "db", "optimizer", "adam", "lr", "1e-3", "eps_start", "0",
        "eps_steps", "0"));
    return p;
  }
}
