package org.gfn4j.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.io.AtomicFiles;

/**
 * The sweep's tables: DIR/results.jsonl (one object per run: its grid entry, status, errors and
 * summary) and DIR/results.csv (the same, flattened: one column per setting and summary field).
 */
public final class Results {
  public static final String JSONL = "results.jsonl";
  public static final String CSV = "results.csv";
  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

  private Results() {}

  /** One row: the run, what became of it, its failed attempts so far and its summary (null if failed). */
  public record Row(SweepRun run, RunResult.Status status, int failedAttempts, String error, JsonObject summary) {}

  static Row row(SweepRun run, RunResult result, RunStore files) {
    JsonObject summary = result.summaryJson() == null ? null
        : JsonParser.parseString(result.summaryJson()).getAsJsonObject();
    String error = result.status() == RunResult.Status.FAILED ? result.error() : files.lastError(run);
    return new Row(run, result.status(), files.errors(run).size(), error, summary);
  }

  static void write(Path out, List<Row> rows) {
    StringBuilder jsonl = new StringBuilder();
    Set<String> setKeys = new LinkedHashSet<>();
    Set<String> summaryKeys = new LinkedHashSet<>();
    for (Row r : rows) {
      setKeys.addAll(r.run().set().keySet());
      if (r.summary() != null) {
        summaryKeys.addAll(r.summary().keySet());
      }
      jsonl.append(GSON.toJson(json(r))).append('\n');
    }
    summaryKeys.removeAll(List.of("seed"));
    summaryKeys.removeAll(setKeys);
    List<String> header = new ArrayList<>(List.of("id", "preset", "seed"));
    header.addAll(setKeys);
    header.addAll(List.of("status", "failed_attempts", "error"));
    header.addAll(summaryKeys);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (Row r : rows) {
      List<String> cells = new ArrayList<>(List.of(r.run().id(), r.run().preset(), Long.toString(r.run().seed())));
      for (String k : setKeys) {
        cells.add(r.run().set().getOrDefault(k, ""));
      }
      cells.add(r.status().label());
      cells.add(Integer.toString(r.failedAttempts()));
      cells.add(r.error() == null ? "" : r.error());
      for (String k : summaryKeys) {
        JsonElement v = r.summary() == null ? null : r.summary().get(k);
        cells.add(v == null || v.isJsonNull() ? "" : v.getAsString());
      }
      csv.append(String.join(",", cells.stream().map(Results::csvCell).toList())).append('\n');
    }
    AtomicFiles.writeString(out.resolve(JSONL), jsonl.toString());
    AtomicFiles.writeString(out.resolve(CSV), csv.toString());
  }

  private static JsonObject json(Row r) {
    JsonObject o = new JsonObject();
    o.addProperty("id", r.run().id());
    o.addProperty("preset", r.run().preset());
    o.addProperty("seed", r.run().seed());
    JsonObject set = new JsonObject();
    for (Map.Entry<String, String> e : r.run().set().entrySet()) {
      set.addProperty(e.getKey(), e.getValue());
    }
    o.add("set", set);
    o.addProperty("status", r.status().label());
    o.addProperty("failed_attempts", r.failedAttempts());
    o.addProperty("error", r.error() == null ? "" : r.error());
    o.add("summary", r.summary());
    return o;
  }

  /** RFC 4180: quote a cell holding a comma, quote or line break. */
  private static String csvCell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
