package org.gfn4j.env.phylo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phylogenetics preset, from gfnx's fldb_phylo script and config: FL-DB with gfnx's per-merge
 * delta score, uniform PB, a Polyak target network (τ = 0.005), batch 32, 100 000 steps, ε 1 → 0
 * over 50 000 steps, Adam with the warmup-cosine rate (0 → 3e-4 over 5 000 steps, cosine to 1e-5
 * by step 95 000, gfnx's decay_steps = steps − warmup), on-policy correlation of 32 samples × 32
 * backward trajectories every 5 000 steps, and gfnx's network (policy phylo_transformer: per-slot
 * MLP 256 × 2 → 128, leaky ReLU, transformer of 6 layers, width 32, 8 heads, feed-forward 128,
 * pair/backward/flow MLPs 256 × 3). Departures: the preset keeps the first 200 of DS1's 1 949 sites
 * (the observation of one state is n × sites × 5 floats, held for every state of a batch of
 * trajectories), the positional table is drawn from a fixed seed, and there is no dropout
 * (gfnx: 0.01).
 */
final class PhyloPresets {
  private PhyloPresets() {}

  static Map<String, Map<String, String>> all() {
    Map<String, String> fldb = new LinkedHashMap<>();
    fldb.put("env", "phylo:dataset=DS1,sites=200");
    fldb.put("objective", "fldb");
    fldb.put("batch", "32");
    fldb.put("steps", "100000");
    fldb.put("policy", PhyloPolicy.NAME);
    fldb.put("hidden", "256");
    fldb.put("depth", "2");
    fldb.put("emb_size", "128");
    fldb.put("tf_dim", "32");
    fldb.put("tf_layers", "6");
    fldb.put("tf_heads", "8");
    fldb.put("tf_ff", "128");
    fldb.put("head_width", "256");
    fldb.put("head_depth", "3");
    fldb.put("activation", "leaky_relu");
    fldb.put("lr", "3e-4");
    fldb.put("lr_schedule", "warmup_cosine");
    fldb.put("lr_warmup", "5000");
    fldb.put("lr_end", "1e-5");
    fldb.put("lr_decay_steps", "95000");
    fldb.put("eps_start", "1");
    fldb.put("eps_end", "0");
    fldb.put("eps_steps", "50000");
    fldb.put("train_backward", "false");
    fldb.put("target_tau", "0.005");
    fldb.put("target_every", "1");
    fldb.put("eval_every", "5000");
    fldb.put("eval_rounds", "32");
    fldb.put("corr_objects", "32");
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("fldb_phylo", Map.copyOf(fldb));
    return p;
  }
}
