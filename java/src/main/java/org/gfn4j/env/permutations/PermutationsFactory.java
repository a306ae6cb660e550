package org.gfn4j.env.permutations;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;

/** Registers {@code permutations} specs. */
public final class PermutationsFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "permutations";
  }

  @Override
  public String description() {
    return "S_n with adjacent transpositions, the cyclic shift and exit; R = exp(#fixed points / t); "
        + "non-acyclic, uniform start through a fixed first edge";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("n", "8", "permutation size, 2..20"),
        new EnvParameter("t", "2.0", "reward temperature: log R = #fixed points / t"),
        new EnvParameter("max_steps", "max(64, 2n^2)", "step cap; longer trajectories are truncated"),
        new EnvParameter("source", "uniform", "start distribution of the fixed first edge, uniform or fixed:B "
            + "(L proportional to exp(B * fixed points); an optimal-transport source)"));
  }

  /**
   * {@code nonacyclic_db_permutations}: the paper's permutation setup (n = 8, t = 2, log-scale DB
   * + 1e-3·F, MLP 2x64 LeakyReLU, batch 512, 1e5 iterations; the paper's log Z, a sum of 64
   * parameters under Adam at 1e-2, is one scalar under Adam at 0.64).
   */
  @Override
  public Map<String, Map<String, String>> presets() {
    return Map.of("nonacyclic_db_permutations", Map.of("env", "permutations:n=8,t=2", "objective", "ndb",
        "batch", "512", "hidden", "64", "activation", "leaky_relu", "logz_lr", "0.64", "eps_start", "0",
        "eps_steps", "0", "steps", "100000", "eval_every", "1000"),
        "shortest_path_permutations", shortestPath());
  }

  /**
   * {@code shortest_path_permutations}: the same minimum-flow recipe on S_6 (log-scale DB + 1e-3·F,
   * learned PB; log Z at lr 0.1 so that it settles within 5000 iterations), read as shortest paths:
   * every evaluation trajectory from its uniform start u to its end x is compared with the BFS
   * distance d(u, x) (path_* metrics, 1024 samples).
   */
  private static Map<String, String> shortestPath() {
    return Map.ofEntries(Map.entry("env", "permutations:n=6,t=2"), Map.entry("objective", "ndb"),
        Map.entry("batch", "128"), Map.entry("hidden", "64"), Map.entry("activation", "leaky_relu"),
        Map.entry("logz_lr", "0.1"), Map.entry("eps_start", "0"), Map.entry("eps_steps", "0"),
        Map.entry("steps", "5000"), Map.entry("eval_every", "500"), Map.entry("eval_batch", "256"),
        Map.entry("eval_rounds", "4"));
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    PermutationsConfig config = PermutationsConfig.fromSpec(spec);
    double tilt = FixedPointFirstEdge.parseTilt(spec.getString("source", "uniform"));
    return backend == Backend.JAVA ? new JavaPermutations(config, null, tilt)
        : new NativePermutations(config, null, tilt);
  }
}
