package org.gfn4j.env.dag;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Observational data of a structure-learning problem: variable names and N samples of d
 * variables, read from a CSV file with a header of names and one sample per row. Every
 * problem (wrong column count, a non-numeric cell, fewer than 2 rows) is reported with its line.
 */
public record DagData(List<String> names, double[][] samples) {
  public DagData {
    names = List.copyOf(names);
    if (samples.length < 2) {
      throw new IllegalArgumentException("data need at least 2 rows, got " + samples.length);
    }
    for (double[] row : samples) {
      if (row.length != names.size()) {
        throw new IllegalArgumentException("every sample needs " + names.size() + " values");
      }
    }
  }

  public int numVariables() {
    return names.size();
  }

  public int numSamples() {
    return samples.length;
  }

  /** Reads {@code file}; IllegalArgumentException naming the file and line of the first problem. */
  public static DagData read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("data file not found: " + file);
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses CSV text; {@code source} names it in error messages. */
  static DagData parse(BufferedReader r, String source) throws IOException {
    String header = r.readLine();
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException(source + ": line 1: missing header of variable names");
    }
    List<String> names = new ArrayList<>();
    for (String n : header.split(",", -1)) {
      String name = n.trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(source + ": line 1: empty variable name");
      }
      names.add(name);
    }
    List<double[]> rows = new ArrayList<>();
    int lineNo = 1;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",", -1);
      if (parts.length != names.size()) {
        throw new IllegalArgumentException(source + ": line " + lineNo + ": expected " + names.size()
            + " columns, got " + parts.length);
      }
      double[] row = new double[parts.length];
      for (int j = 0; j < parts.length; j++) {
        try {
          row[j] = Double.parseDouble(parts[j].trim());
        } catch (NumberFormatException e) {
          row[j] = Double.NaN;
        }
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(source + ": line " + lineNo + ", column " + (j + 1) + " ("
              + names.get(j) + "): not a finite number: '" + parts[j].trim() + "'");
        }
      }
      rows.add(row);
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(source + ": line " + lineNo + ": need at least 2 data rows, got "
          + rows.size());
    }
    return new DagData(names, rows.toArray(new double[0][]));
  }
}
