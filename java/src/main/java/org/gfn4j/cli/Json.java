package org.gfn4j.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** JSON output with full double precision (shortest round-tripping form). */
final class Json {
  private static final Gson COMPACT = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

  private Json() {}

  static String compact(JsonElement e) {
    return COMPACT.toJson(e);
  }
}
