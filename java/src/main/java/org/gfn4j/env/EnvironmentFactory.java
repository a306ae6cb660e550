package org.gfn4j.env;

import org.gfn4j.runtime.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

  /**
   * Training presets of this family, by name (e.g. {@code tb_hypergrid}): each a map of training
   * settings ({@code gfn4j train --list-settings}) that override the defaults; every preset sets
   * {@code env}. The first preset of the first registered family is the library's default job.
   */
  default Map<String, Map<String, String>> presets() {
    return Map.of();
  }

  /** The suffix of this family's preset names ({@code <objective>_<family>}); the factory name by default. */
  default String presetFamily() {
    return name();
  }
}
