package org.gfn4j.env.phylo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.DataRoot;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;

/**
 * Registers {@code phylo:dataset=DS1..DS8} (gfnx PhyloTree-v0) on {@code <data>/phylo/DS*.json};
 * {@code sites=K} keeps the first K alignment sites (small problems for tests and quick runs).
 * The dynamics run in Java on both backends.
 */
public final class PhyloFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "phylo";
  }

  @Override
  public String description() {
    return "phylogenetic trees built by merging two roots per step, log R = (C - Fitch parsimony)/4 (gfnx PhyloTree-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("dataset", "DS1", "DS1..DS8 (<data>/phylo/DSk.json)"),
        new EnvParameter("sites", "all", "keep the first K alignment sites"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return PhyloPresets.all();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(Set.of("dataset", "sites"));
    String ds = spec.getString("dataset", "DS1").toUpperCase(java.util.Locale.ROOT);
    if (!ds.matches("DS[1-8]")) {
      throw new IllegalArgumentException("'dataset' must be DS1..DS8, got '" + spec.getString("dataset", "") + "'");
    }
    int sites = spec.getInt("sites", 0, 1, Integer.MAX_VALUE);
    Path root = DataRoot.orDefault(dataDir);
    PhyloData data = PhyloData.read(root.resolve("phylo").resolve(ds + ".json"), sites);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dataset", ds);
    if (spec.has("sites")) {
      p.put("sites", Integer.toString(data.numSites()));
    }
    return new Phylo(EnvSpec.of("phylo", p), data, PhyloData.CONSTANTS[ds.charAt(2) - '1']);
  }
}
