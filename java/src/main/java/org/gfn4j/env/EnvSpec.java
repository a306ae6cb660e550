package org.gfn4j.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed environment spec, {@code name:key=value,...} (for example
 * {@code hypergrid:dim=4,side=20,reward=hard}). Typed getters validate values and ranges and
 * throw IllegalArgumentException with a message naming the key.
 */
public final class EnvSpec {
  private final String name;
  private final Map<String, String> params;

  private EnvSpec(String name, Map<String, String> params) {
    this.name = name;
    this.params = Collections.unmodifiableMap(params);
  }

  /** Parses {@code text}; the grammar is checked here, keys and values by the environment. */
  public static EnvSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty environment spec (expected name:key=value,...)");
    }
    String s = text.trim();
    int colon = s.indexOf(':');
    String name = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("malformed environment name '" + name + "' in spec '" + text + "'");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = s.substring(colon + 1);
      if (rest.isBlank()) {
        throw new IllegalArgumentException("spec '" + text + "' has ':' but no key=value pairs");
      }
      for (String pair : rest.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException("malformed pair '" + pair + "' in spec '" + text + "' (expected key=value)");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = pair.substring(eq + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
          throw new IllegalArgumentException("malformed pair '" + pair + "' in spec '" + text + "'");
        }
        if (params.put(key, value) != null) {
          throw new IllegalArgumentException("duplicate key '" + key + "' in spec '" + text + "'");
        }
      }
    }
    return new EnvSpec(name, params);
  }

  public static EnvSpec of(String name, Map<String, String> params) {
    return new EnvSpec(name, new LinkedHashMap<>(params));
  }

  public String name() {
    return name;
  }

  public Map<String, String> params() {
    return params;
  }

  public boolean has(String key) {
    return params.containsKey(key);
  }

  /** Throws unless every key is one of {@code known}. */
  public void requireKeys(Set<String> known) {
    for (String key : params.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '" + key + "' for environment '" + name + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }

  public int getInt(String key, int defaultValue, int min, int max) {
    String v = params.get(key);
    if (v == null) {
      return defaultValue;
    }
    int x;
    try {
      x = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be an integer, got '" + v + "'");
    }
    if (x < min || x > max) {
      throw new IllegalArgumentException("'" + key + "' must be in [" + min + ", " + max + "], got " + x);
    }
    return x;
  }

  public double getDouble(String key, double defaultValue) {
    String v = params.get(key);
    if (v == null) {
      return defaultValue;
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be a number, got '" + v + "'");
    }
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("'" + key + "' must be finite, got '" + v + "'");
    }
    return x;
  }

  public String getString(String key, String defaultValue) {
    return params.getOrDefault(key, defaultValue);
  }

  @Override
  public String toString() {
    if (params.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append(':');
    String sep = "";
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ",";
    }
    return sb.toString();
  }
}
