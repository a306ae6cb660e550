package org.gfn4j.env.dag;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;

/** Registers {@code dag} specs (Bayesian structure learning, gfnx DAG-{d}-v0). */
public final class DagFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "dag";
  }

  @Override
  public String description() {
    return "DAGs over d variables built edge by edge, rewarded by a BGe or linear-Gaussian score of CSV data (gfnx DAG-{d}-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("nodes", "all", "number of variables d (the first d columns of the data; at most 32)"),
        new EnvParameter("score", "bge", "bge (alpha_mu 1, alpha_w d+2, prior mean 0) or lingauss (prior N(0,1), noise sqrt(0.1))"),
        new EnvParameter("data", DagConfig.DEFAULT_DATA, "CSV: header of names, one sample per row; relative to <data>/dag"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return DagPresets.all();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    DagConfig config = DagConfig.fromSpec(spec, dataDir);
    return backend == Backend.JAVA ? new JavaDag(config) : new NativeDag(config);
  }
}
