package org.gfn4j.env.phylo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phylogenetics preset, from gfnx's fldb_phylo config: FL-DB with gfnx's per-merge delta
 * score, uniform PB, a Polyak target network (τ = 0.005), batch 32, 100 000 steps, ε 1 → 0 over
 * 50 000 steps, on-policy correlation of 32 samples × 32 backward trajectories every 5 000 steps.
 * Departures: Adam at a constant 3e-4 (gfnx warms up to 3e-4 and decays to 1e-5 by cosine); the
 * policy is the MLP 256×2 (leaky ReLU) over the whole observation instead of gfnx's per-slot MLP,
 * transformer and pairwise head, and the preset keeps the first 200 of DS1's 1 949 sites, since
 * an MLP over the full 27 × 1 949 × 5 observation does not fit a small machine.
 */
final class PhyloPresets {
  private PhyloPresets() {}

  static Map<String, Map<String, String>> all() {
    Map<String, String> fldb = new LinkedHashMap<>();
    fldb.put("env", "phylo:dataset=DS1,sites=200");
    fldb.put("objective", "fldb");
    fldb.put("batch", "32");
    fldb.put("steps", "100000");
    fldb.put("lr", "3e-4");
    fldb.put("activation", "leaky_relu");
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
