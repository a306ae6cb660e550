package org.gfn4j.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.env.Environments;

/**
 * Named training setups, collected from the environment families that define them (each family
 * keeps its presets in its own package, e.g. {@code tb_hypergrid}). A preset is a set of
 * overrides of the {@link TrainKey} defaults that names its environment.
 */
public final class Presets {
  private Presets() {}

  private static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (EnvironmentFactory f : Environments.factories()) {
      out.putAll(f.presets());
    }
    return out;
  }

  public static List<String> names() {
    return new ArrayList<>(all().keySet());
  }

  /** The default job: the first preset of the first registered environment family. */
  public static String defaultName() {
    return names().get(0);
  }

  /** The config of preset {@code name}; IllegalArgumentException for an unknown name. */
  public static TrainConfig get(String name) {
    Map<String, String> overrides = all().get(name);
    if (overrides == null) {
      throw new IllegalArgumentException(
          "unknown preset '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return TrainConfig.defaults().withAll(new TreeMap<>(overrides));
  }

  /**
   * The preset of {@code objective} for the family of {@code envSpec} ({@code <objective>_<family>},
   * e.g. db with a hypergrid spec → db_hypergrid); with no spec, the default job's family.
   */
  public static String forObjective(String objective, String envSpec) {
    EnvironmentFactory family = envSpec == null
        ? familyOf(defaultName()) : Environments.factory(EnvSpec.parse(envSpec).name());
    String name = objective + "_" + family.presetFamily();
    if (!all().containsKey(name)) {
      throw new IllegalArgumentException("no preset '" + name + "' for objective '" + objective
          + "' (known presets: " + String.join(", ", names()) + ")");
    }
    return name;
  }

  private static EnvironmentFactory familyOf(String preset) {
    for (EnvironmentFactory f : Environments.factories()) {
      if (f.presets().containsKey(preset)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + preset + "'");
  }
}
