package org.gfn4j.sweep;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainConfig;
import org.gfn4j.train.TrainConfigs;
import org.gfn4j.train.TrainKey;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A sweep's grid file: {"presets": [...], "seeds": [...], "set": {"key": [values...]}} in JSON
 * (or the same in YAML, for a .yaml/.yml file), expanded
 * to the cartesian product of every list and fully validated before anything runs; every
 * problem is an IllegalArgumentException naming the file and the entry.
 */
public final class Grid {
  private static final Set<String> TOP_LEVEL = Set.of("presets", "seeds", "set");

  private Grid() {}

  /** Reads, validates and expands {@code file}; {@code dataDir} is where dataset-backed environments look. */
  public static List<SweepRun> load(Path file, Path dataDir) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the grid file " + file + ": " + e.getMessage());
    }
    String name = file.getFileName().toString();
    return parse(name, name.endsWith(".yaml") || name.endsWith(".yml") ? yamlToJson(name, text) : text, dataDir);
  }

  /** The same grid written in YAML, as JSON text. */
  static String yamlToJson(String name, String yaml) {
    try {
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      return new Gson().toJson(tree);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
          + ")");
    }
  }

  /** Like {@link #load} on the text of a grid file named {@code name} (used in messages). */
  public static List<SweepRun> parse(String name, String text, Path dataDir) {
    JsonObject root;
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("the grid must be a JSON object");
      }
      root = e.getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": not valid JSON (" + e.getMessage() + ")");
    }
    for (String key : root.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        throw new IllegalArgumentException(name + ": unknown entry '" + key + "' (expected presets, seeds, set)");
      }
    }
    if (!root.has("presets")) {
      throw new IllegalArgumentException(name + ": 'presets' is missing (a list of preset names)");
    }
    List<String> presets = values(name, "presets", root.get("presets"));
    List<TrainConfig> bases = new ArrayList<>();
    for (int i = 0; i < presets.size(); i++) {
      String preset = presets.get(i);
      bases.add(entry(name, "presets[" + i + "]", () -> Presets.get(preset)));
    }
    List<String> seeds = root.has("seeds") ? values(name, "seeds", root.get("seeds")) : List.of();
    for (int i = 0; i < seeds.size(); i++) {
      String seed = seeds.get(i);
      entry(name, "seeds[" + i + "]", () -> TrainConfig.defaults().with(TrainKey.SEED, seed));
    }
    Map<String, List<String>> set = new LinkedHashMap<>();
    if (root.has("set")) {
      if (!root.get("set").isJsonObject()) {
        throw new IllegalArgumentException(name + ": 'set' must be an object of setting -> list of values");
      }
      for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("set").entrySet()) {
        String where = "set." + e.getKey();
        TrainKey key = entry(name, where, () -> TrainKey.of(e.getKey()));
        if (key == TrainKey.SEED) {
          throw new IllegalArgumentException(name + ": " + where + ": list seeds under \"seeds\"");
        }
        List<String> vals = values(name, where, e.getValue());
        for (int i = 0; i < vals.size(); i++) {
          String v = vals.get(i);
          entry(name, where + "[" + i + "]", () -> TrainConfig.defaults().with(key, v));
        }
        set.put(key.key(), vals);
      }
    }
    return expand(name, presets, bases, seeds, set, dataDir);
  }

  private static List<SweepRun> expand(String name, List<String> presets, List<TrainConfig> bases,
      List<String> seeds, Map<String, List<String>> set, Path dataDir) {
    List<Map<String, String>> overrides = new ArrayList<>();
    overrides.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> e : set.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> o : overrides) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(o);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      overrides = next;
    }
    List<SweepRun> runs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<TrainConfig> validated = new HashSet<>();
    for (int p = 0; p < presets.size(); p++) {
      for (Map<String, String> o : overrides) {
        String what = presets.get(p) + (o.isEmpty() ? "" : " " + o);
        TrainConfig base = bases.get(p);
        TrainConfig config = entry(name, what, () -> base.withAll(o));
        if (validated.add(config.with(TrainKey.SEED, "0"))) {
          entry(name, what, () -> {
            TrainConfigs.validate(config, dataDir);
            return null;
          });
        }
        List<String> runSeeds = seeds.isEmpty() ? List.of(config.get(TrainKey.SEED)) : seeds;
        for (String seed : runSeeds) {
          TrainConfig resolved = config.with(TrainKey.SEED, seed);
          String id = id(resolved);
          if (ids.add(id)) {
            runs.add(new SweepRun(id, presets.get(p), resolved.getLong(TrainKey.SEED), new LinkedHashMap<>(o),
                setting(presets.get(p), o, set), resolved.toJson()));
          }
        }
      }
    }
    return runs;
  }

  private static String setting(String preset, Map<String, String> values, Map<String, List<String>> set) {
    StringBuilder sb = new StringBuilder(preset);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (set.get(e.getKey()).size() > 1) {
        sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
      }
    }
    return sb.toString();
  }

  /**
   * The run id: the first 16 hex digits of the SHA-256 of the resolved settings, with numbers in
   * one canonical form (lr 1e-3 and 0.001 train the same run, so they share an id).
   */
  public static String id(TrainConfig config) {
    JsonObject canonical = new JsonObject();
    for (Map.Entry<String, JsonElement> e : JsonParser.parseString(config.toJson()).getAsJsonObject().entrySet()) {
      canonical.addProperty(e.getKey(), canonicalNumber(e.getValue().getAsString()));
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", h[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonicalNumber(String value) {
    try {
      return new BigDecimal(value).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static List<String> values(String name, String where, JsonElement e) {
    List<String> out = new ArrayList<>();
    JsonArray list;
    if (e.isJsonArray()) {
      list = e.getAsJsonArray();
    } else {
      list = new JsonArray();
      list.add(e);
    }
    for (int i = 0; i < list.size(); i++) {
      JsonElement v = list.get(i);
      if (!v.isJsonPrimitive()) {
        throw new IllegalArgumentException(name + ": " + where + "[" + i + "]: expected a string, number or boolean");
      }
      out.add(v.getAsString());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(name + ": '" + where + "' is empty (the grid would have no runs)");
    }
    return out;
  }

  private interface Check<T> {
    T get();
  }

  private static <T> T entry(String name, String where, Check<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + where + ": " + e.getMessage());
    }
  }
}
