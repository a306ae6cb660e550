package org.gfn4j.env;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gfn4j.env.hypergrid.HypergridFactory;
import org.gfn4j.env.sequence.AmpFactory;
import org.gfn4j.env.sequence.BitseqFactory;
import org.gfn4j.env.sequence.Qm9Factory;
import org.gfn4j.env.sequence.TFBind8Factory;

/** The registry of environments, and the entry point that turns a spec string into one. */
public final class Environments {
  private static final List<EnvironmentFactory> FACTORIES = List.of(
      new HypergridFactory(), new BitseqFactory(), new TFBind8Factory(), new Qm9Factory(), new AmpFactory());

  private Environments() {}

  public static List<EnvironmentFactory> factories() {
    return FACTORIES;
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
