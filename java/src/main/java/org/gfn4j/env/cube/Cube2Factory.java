package org.gfn4j.env.cube;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;

/** Registers {@code cube2} specs and the shortest-path preset. */
public final class Cube2Factory implements EnvironmentFactory {
  @Override
  public String name() {
    return "cube2";
  }

  @Override
  public String description() {
    return "Rubik's 2x2x2 cube, quarter turns of U, R, F (DBL fixed), 3,674,160 states; shortest paths: "
        + "start solved, exit anywhere with R = 1; non-acyclic";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(new EnvParameter("max_steps", "64", "step cap; longer trajectories are truncated"));
  }

  /**
   * {@code shortest_path_cube2}: log-scale DB + λ·F with learned PB (the minimum-flow recipe), MLP
   * 2x256, batch 256, step cap 32 (God's number is 14), and each evaluation solves 64 fixed
   * scrambles with the best of 16 backward samples. λ = 1e-5, not ndb's 1e-3: all the flow leaves
   * the one start state, so the regulariser there is λ·Z with Z = 3 674 160, and at 1e-3 it wins
   * over the balance terms and the policy learns to exit at once.
   */
  @Override
  public Map<String, Map<String, String>> presets() {
    return Map.of("shortest_path_cube2", Map.ofEntries(Map.entry("env", "cube2:max_steps=32"),
        Map.entry("objective", "ndb"), Map.entry("flow_reg", "1e-5"),
        Map.entry("batch", "256"), Map.entry("hidden", "256"), Map.entry("logz_lr", "0.1"),
        Map.entry("eps_start", "0"), Map.entry("eps_steps", "0"), Map.entry("steps", "20000"),
        Map.entry("eval_every", "1000"), Map.entry("eval_batch", "256"), Map.entry("eval_rounds", "4"),
        Map.entry("path_scrambles", "64"), Map.entry("path_samples", "16")));
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    Cube2Config config = Cube2Config.fromSpec(spec);
    return backend == Backend.JAVA ? new JavaCube2(config) : new NativeCube2(config);
  }
}
