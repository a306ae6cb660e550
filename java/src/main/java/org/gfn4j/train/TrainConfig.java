package org.gfn4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.Map;

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
    String v = value.trim();
    key.check(v);
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

  /** Reads config.json; unknown keys are an error, missing keys take their defaults. */
  public static TrainConfig fromJson(String json) {
    JsonObject o;
    try {
      o = GSON.fromJson(json, JsonObject.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("config.json is not valid JSON: " + e.getMessage());
    }
    if (o == null) {
      throw new IllegalArgumentException("config.json is empty");
    }
    TrainConfig c = defaults();
    for (String key : o.keySet()) {
      c = c.with(key, o.get(key).getAsString());
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
