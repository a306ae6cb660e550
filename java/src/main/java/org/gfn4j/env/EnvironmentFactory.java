package org.gfn4j.env;

import java.nio.file.Path;
import java.util.List;

/** Creates one kind of environment from a spec; registered in {@link Environments}. */
public interface EnvironmentFactory {
  String name();

  String description();

  List<EnvParameter> parameters();

  /**
   * Builds the environment. {@code dataDir} is the root of dataset-backed environments (may be
   * ignored). Throws IllegalArgumentException for unknown keys or bad values.
   */
  Environment create(EnvSpec spec, Backend backend, Path dataDir);
}
