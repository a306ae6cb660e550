package org.gfn4j.env.ising;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;

/** Registers {@code ising} specs (gfnx Ising-{N²}-v0). */
public final class IsingFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "ising";
  }

  @Override
  public String description() {
    return "N x N Ising spins on a torus set one site at a time; log R = x'Jx with J = sigma * adjacency (gfnx Ising-{N*N}-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("side", "10", "side N of the torus (N*N sites)"),
        new EnvParameter("sigma", "0.1", "coupling strength: J = sigma * A"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return IsingPresets.all();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    IsingConfig config = IsingConfig.fromSpec(spec);
    return backend == Backend.JAVA ? new JavaIsing(config) : new NativeIsing(config);
  }
}
