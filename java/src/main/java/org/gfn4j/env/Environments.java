package org.gfn4j.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.gfn4j.env.cube.Cube2Factory;
import org.gfn4j.env.dag.DagFactory;
import org.gfn4j.env.hypergrid.HypergridFactory;
import org.gfn4j.env.ising.IsingFactory;
import org.gfn4j.env.permutations.PermutationsFactory;
import org.gfn4j.env.phylo.PhyloFactory;
import org.gfn4j.runtime.Backend;

/**
 * The registry of environments, and the entry point that turns a spec string into one. Built-in
 * factories are listed here; a user's own environments join through {@link #register} or as
 * {@link EnvironmentFactory} services on the class path ({@code META-INF/services}).
 */
public final class Environments {
  private static final List<EnvironmentFactory> FACTORIES = new CopyOnWriteArrayList<>(builtIn());

  private Environments() {}

  private static List<EnvironmentFactory> builtIn() {
    List<EnvironmentFactory> all = new ArrayList<>(List.of(
        new HypergridFactory(),
        new DagFactory(),
        new IsingFactory(),
        new PhyloFactory(),
        new PermutationsFactory(),
        new Cube2Factory()));
    for (EnvironmentFactory f : ServiceLoader.load(EnvironmentFactory.class)) {
      if (all.stream().noneMatch(g -> g.name().equals(f.name()))) {
        all.add(f);
      }
    }
    return all;
  }

  public static List<EnvironmentFactory> factories() {
    return List.copyOf(FACTORIES);
  }

  /** Adds a factory (a user's environment); IllegalArgumentException if its name is taken. */
  public static void register(EnvironmentFactory factory) {
    String name = factory.name();
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("environment names are lower-case words, got '" + name + "'");
    }
    synchronized (FACTORIES) {
      if (FACTORIES.stream().anyMatch(f -> f.name().equals(name))) {
        throw new IllegalArgumentException("an environment named '" + name + "' is already registered");
      }
      FACTORIES.add(factory);
    }
  }

  public static EnvironmentFactory factory(String name) {
    for (EnvironmentFactory f : FACTORIES) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown environment '" + name + "' (known: "
            + FACTORIES.stream().map(EnvironmentFactory::name).collect(Collectors.joining(", ")) + ")");
  }

  /** The native environment for {@code spec} (no dataset root). */
  public static Environment create(String spec) {
    return create(spec, Backend.NATIVE, null);
  }

  public static Environment create(String spec, Backend backend) {
    return create(spec, backend, null);
  }

  public static Environment create(String spec, Backend backend, Path dataDir) {
    EnvSpec parsed = EnvSpec.parse(spec);
    return factory(parsed.name()).create(parsed, backend, dataDir);
  }
}
