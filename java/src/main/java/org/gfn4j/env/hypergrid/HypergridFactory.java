package org.gfn4j.env.hypergrid;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;

/** Registers {@code hypergrid} specs. */
public final class HypergridFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "hypergrid";
  }

  @Override
  public String description() {
    return "D-dimensional grid of side H; increment a coordinate or stop (gfnx HyperGrid-{H}**{D}-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("dim", "4", "number of coordinates D"),
        new EnvParameter("side", "20", "side length H (coordinates 0..H-1)"),
        new EnvParameter("reward", "easy", "easy (R0,R1,R2 = 1e-3,0.5,2.0) or hard (1e-4,1.0,3.0)"),
        new EnvParameter("r0", "1e-3", "custom R0 (overrides the preset)"),
        new EnvParameter("r1", "0.5", "custom R1"),
        new EnvParameter("r2", "2.0", "custom R2"),
        new EnvParameter("moves", "inc", "inc (increments, acyclic) or pm (+/-1 on each coordinate, exit anywhere: "
            + "non-acyclic, uniform start through a fixed first edge)"),
        new EnvParameter("source", "uniform", "moves=pm: start distribution of the fixed first edge, uniform or "
            + "corner:B (L(x) proportional to exp(-B * sum of coordinates); an optimal-transport source)"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return HypergridPresets.all();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    HypergridConfig config = HypergridConfig.fromSpec(spec);
    double tilt = CornerFirstEdge.parseTilt(spec.getString("source", "uniform"));
    if (HypergridConfig.plusMinusMoves(spec)) {
      return backend == Backend.JAVA ? new JavaCyclicHypergrid(config, null, tilt)
          : new NativeCyclicHypergrid(config, null, tilt);
    }
    if (spec.has("source")) {
      throw new IllegalArgumentException("'source' needs moves=pm (the increments grid starts at the origin)");
    }
    return backend == Backend.JAVA ? new JavaHypergrid(config) : new NativeHypergrid(config);
  }
}
