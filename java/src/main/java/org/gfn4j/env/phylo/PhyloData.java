package org.gfn4j.env.phylo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An aligned DNA data set, {@code {taxon: sequence}} in JSON, encoded with gfnx's DNA_WITH_GAP
 * map: one 5-bit Fitch set per site (A = 10000, C = 01000, G = 00100, T = 00010, − = 00001,
 * N and ? = 11110). Taxa keep the file's order.
 */
public record PhyloData(List<String> taxa, int[][] sites) {
  /** gfnx's per-dataset constant C of log R = (C − M)/4, DS1..DS8. */
  static final int[] CONSTANTS = {5800, 8000, 8800, 3500, 2300, 2300, 12500, 2800};

  public PhyloData {
    taxa = List.copyOf(taxa);
  }

  public int numTaxa() {
    return taxa.size();
  }

  public int numSites() {
    return sites[0].length;
  }

  static int encode(char c) {
    switch (Character.toUpperCase(c)) {
      case 'A': return 0b10000;
      case 'C': return 0b01000;
      case 'G': return 0b00100;
      case 'T': return 0b00010;
      case '-': return 0b00001;
      case 'N':
      case '?': return 0b11110;
      default: throw new IllegalArgumentException("unknown character '" + c + "'");
    }
  }

  /** Reads {@code file}, keeping the first {@code maxSites} sites (all when ≤ 0). */
  public static PhyloData read(Path file, int maxSites) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("data file not found: " + file);
    }
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException(file + ": expected a JSON object {taxon: sequence}");
      }
      o = e.getAsJsonObject();
    } catch (IOException | RuntimeException ex) {
      throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
    }
    List<String> taxa = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    int length = -1;
    for (Map.Entry<String, JsonElement> en : o.entrySet()) {
      String seq = en.getValue().getAsString();
      if (length >= 0 && seq.length() != length) {
        throw new IllegalArgumentException(file + ": taxon " + en.getKey() + " has " + seq.length()
            + " sites, the others " + length);
      }
      length = seq.length();
      int keep = maxSites > 0 ? Math.min(maxSites, length) : length;
      int[] row = new int[keep];
      for (int s = 0; s < keep; s++) {
        try {
          row[s] = encode(seq.charAt(s));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(file + ": taxon " + en.getKey() + ", site " + (s + 1) + ": " + ex.getMessage());
        }
      }
      taxa.add(en.getKey());
      rows.add(row);
    }
    if (taxa.size() < 2 || length <= 0) {
      throw new IllegalArgumentException(file + ": need at least 2 taxa with non-empty sequences");
    }
    return new PhyloData(taxa, rows.toArray(new int[0][]));
  }
}
