package org.gfn4j.env.phylo;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.env.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fldb_phylo end to end on DS1's 27 taxa (too many forests to enumerate) with the native kernels
 * and the phylo_transformer policy scaled down: the on-policy correlation is reported, top-k in
 * log space is finite, and `sample` prints Newick trees whose reward `reward` confirms.
 */
class PhyloTrainingTest {
  @TempDir Path tmp;

  @Test
  void fldbPhyloReportsOnPolicyCorrelationAndSamplesNewickTrees() throws Exception {
    String data = SharedData.root("phylo/DS1.json").toString();
    Path run = tmp.resolve("run");
    String[] r = SharedData.cli("", "train", "--preset", "fldb_phylo", "--env", "phylo:dataset=DS1,sites=30",
        "--steps", "3", "--eval-every", "3", "--data", data, "--out", run.toString(),
        "--set", "hidden=8", "--set", "emb_size=8", "--set", "tf_dim=8", "--set", "tf_layers=1", "--set", "tf_heads=2",
        "--set", "tf_ff=8", "--set", "head_width=8", "--set", "head_depth=1", "--set", "corr_objects=8",
        "--set", "eval_rounds=2", "--set", "lr_warmup=1", "--set", "lr_decay_steps=3");
    assertEquals("0", r[0], r[2]);
    JsonObject summary = JsonParser.parseString(r[1].trim()).getAsJsonObject();
    assertTrue(Double.isFinite(summary.get("pearson").getAsDouble()), summary.toString());
    assertTrue(Double.isFinite(summary.get("spearman").getAsDouble()), summary.toString());
    String metrics = Files.readString(run.resolve("metrics.jsonl"));
    assertTrue(metrics.contains("\"top_10_log_reward\""), metrics);
    assertFalse(metrics.contains("Infinity"), metrics);

    String[] s = SharedData.cli("", "sample", "--run", run.toString(), "--n", "4", "--batch", "4", "--data", data);
    assertEquals("0", s[0], s[2]);
    String[] lines = s[1].trim().split("\n");
    assertEquals(4, lines.length);
    for (String line : lines) {
      String[] parts = line.split("\t");
      assertTrue(parts[0].startsWith("(") && parts[0].endsWith(";"), line);
      String[] w = SharedData.cli(parts[0] + "\n", "reward", "--env", "phylo:dataset=DS1,sites=30", "--data", data);
      assertEquals("0", w[0], w[2]);
      assertEquals(Double.parseDouble(parts[1]), Double.parseDouble(w[1].trim()), 0.0, line);
    }
  }
}
