package org.gfn4j.env.sequence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training presets of the sequence families, reproducing gfnx's baseline configs (network,
 * optimiser and learning rates, batch, steps, epsilon schedule, evaluation cadence). bitseq and
 * AMP train gfnx's transformer on the tokens; TFBind8 and QM9 gfnx's MLP on the one-hot tokens.
 * Differences from gfnx: the transformer's heads are mean-pooled linear layers (gfnx's bitseq
 * policy reads per-position outputs), and the TFBind8 table is not bundled (the preset names
 * {@code tfbind8/tfbind8.csv} below the data directory).
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

  static Map<String, Map<String, String>> bitseq() {
    Map<String, String> base = with(transformer("bitseq:n=120,k=8,beta=3", 50_000),
        "optimizer", "adamw", "lr", "1e-3", "weight_decay", "1e-5",
        "eps_start", "0.001", "eps_end", "0.001", "eps_steps", "0", "eval_every", "1000", "corr_objects", "7200");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_bitseq", with(base, "objective", "tb", "logz_lr", "0.05", "train_backward", "false"));
    p.put("db_bitseq", with(base, "objective", "db", "eval_every", "2000"));
    p.put("subtb_bitseq", with(base, "objective", "subtb", "lr", "5e-4", "subtb_lambda", "1.9"));
    return p;
  }

  static Map<String, Map<String, String>> tfbind() {
    Map<String, String> base = mlp("tfbind8:table=tfbind8/tfbind8.csv");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_tfbind", with(base, "objective", "tb", "lr", "5e-4", "logz_lr", "0.05",
        "eps_start", "1", "eps_end", "0", "eps_steps", "50000"));
    p.put("db_tfbind", with(base, "objective", "db", "lr", "5e-4", "eps_start", "0", "eps_steps", "0"));
    p.put("subtb_tfbind", with(base, "objective", "subtb", "lr", "1e-3", "subtb_lambda", "1",
        "eps_start", "1", "eps_end", "0", "eps_steps", "50000", "eval_every", "500", "metric_buffer", "1000000"));
    return p;
  }

  static Map<String, Map<String, String>> qm9() {
    Map<String, String> base = with(mlp("qm9"), "eps_start", "0", "eps_steps", "0");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("tb_qm9_small", with(base, "objective", "tb", "lr", "5e-4", "logz_lr", "0.05"));
    p.put("db_qm9_small", with(base, "objective", "db", "lr", "3e-4"));
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
