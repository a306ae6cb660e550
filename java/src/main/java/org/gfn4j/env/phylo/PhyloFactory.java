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
 * {@code sites=K} keeps the first K alignment sites and {@code taxa=K} the first K taxa (small
 * problems for tests, enumeration and quick runs).
 */
public final class PhyloFactory implements EnvironmentFactory {
  static {
    // The preset names this kind; a factory exists before any of its presets is read.
    PhyloPolicy.register();
  }

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
        new EnvParameter("sites", "all", "keep the first K alignment sites"),
        new EnvParameter("taxa", "all", "keep the first K taxa (K >= 2)"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return PhyloPresets.all();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(Set.of("dataset", "sites", "taxa"));
    String ds = spec.getString("dataset", "DS1").toUpperCase(java.util.Locale.ROOT);
    if (!ds.matches("DS[1-8]")) {
      throw new IllegalArgumentException("'dataset' must be DS1..DS8, got '" + spec.getString("dataset", "") + "'");
    }
    int sites = spec.getInt("sites", 0, 1, Integer.MAX_VALUE);
    Path root = DataRoot.orDefault(dataDir);
    int taxa = spec.getInt("taxa", 0, 2, Integer.MAX_VALUE);
    PhyloData data = PhyloData.read(root.resolve("phylo").resolve(ds + ".json"), sites);
    if (taxa > 0 && taxa < data.numTaxa()) {
      data = new PhyloData(data.taxa().subList(0, taxa), java.util.Arrays.copyOf(data.sites(), taxa));
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dataset", ds);
    if (spec.has("sites")) {
      p.put("sites", Integer.toString(data.numSites()));
    }
    if (spec.has("taxa")) {
      p.put("taxa", Integer.toString(data.numTaxa()));
    }
    EnvSpec canonical = EnvSpec.of("phylo", p);
    double c = PhyloData.CONSTANTS[ds.charAt(2) - '1'];
    return backend == Backend.JAVA ? new JavaPhylo(canonical, data, c) : new NativePhylo(canonical, data, c);
  }
}
