package org.gfn4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.EnumMap;
import java.util.Map;
import org.gfn4j.io.Inputs;

/**
 * An immutable, fully validated set of training settings (every {@link TrainKey}), built from a
 * preset plus overrides, and stored as config.json in a run directory.
 */
public final class TrainConfig {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private final EnumMap<TrainKey, String> values;

  private TrainConfig(EnumMap<TrainKey, String> values) {
    this.values = values;
  }

  public static TrainConfig defaults() {
    EnumMap<TrainKey, String> v = new EnumMap<>(TrainKey.class);
    for (TrainKey k : TrainKey.values()) {
      v.put(k, k.defaultValue);
    }
    return new TrainConfig(v);
  }

  /** A copy with {@code key} set to {@code value}; IllegalArgumentException for bad values. */
  public TrainConfig with(TrainKey key, String value) {
    if (value == null) {
      throw new IllegalArgumentException("'" + key.key + "' needs a value");
    }
    String v = value.trim();
    if (!v.equals(key.defaultValue)) { // a default is valid as it is (an empty env means "not chosen yet")
      key.check(v);
    }
    EnumMap<TrainKey, String> copy = new EnumMap<>(values);
    copy.put(key, v);
    return new TrainConfig(copy);
  }

  public TrainConfig with(String key, String value) {
    return with(TrainKey.of(key), value);
  }

  /** Applies {@code key=value} overrides in order. */
  public TrainConfig withAll(Map<String, String> overrides) {
    TrainConfig c = this;
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    return c;
  }

  public String get(TrainKey key) {
    return values.get(key);
  }

  public int getInt(TrainKey key) {
    return Integer.parseInt(values.get(key));
  }

  public long getLong(TrainKey key) {
    return Long.parseLong(values.get(key));
  }

  public double getDouble(TrainKey key) {
    return Double.parseDouble(values.get(key));
  }

  public boolean getBoolean(TrainKey key) {
    return Boolean.parseBoolean(values.get(key));
  }

  public String toJson() {
    JsonObject o = new JsonObject();
    for (Map.Entry<TrainKey, String> e : values.entrySet()) {
      o.addProperty(e.getKey().key, e.getValue());
    }
    return GSON.toJson(o);
  }

  /**
   * Reads config.json; unknown keys are an error, missing keys take their defaults, every value
   * must be a JSON string, number or boolean. A thread count above this machine's cores (a run
   * moved from a larger machine) is lowered to the cores.
   */
  public static TrainConfig fromJson(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("config.json is not valid JSON (" + Inputs.printable(String.valueOf(
          e.getMessage())).replaceAll("(.{0,160}).*", "$1") + ")");
    }
    if (root == null || root.isJsonNull()) {
      throw new IllegalArgumentException("config.json is empty");
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("config.json must hold one JSON object of settings");
    }
    JsonObject o = root.getAsJsonObject();
    TrainConfig c = defaults();
    for (String key : o.keySet()) {
      JsonElement v = o.get(key);
      TrainKey k = TrainKey.of(key);
      if (!v.isJsonPrimitive()) {
        throw new IllegalArgumentException("config.json: '" + k.key + "' must be a string or number, got "
            + (v.isJsonNull() ? "null" : v.isJsonArray() ? "an array" : "an object"));
      }
      String text = v.getAsString();
      if (k == TrainKey.THREADS && text.trim().matches("[0-9]{1,9}")
          && Integer.parseInt(text.trim()) > TrainKey.maxThreads()) {
        text = Integer.toString(TrainKey.maxThreads());
      }
      try {
        c = c.with(k, text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("config.json: " + e.getMessage(), e);
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainConfig && ((TrainConfig) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
