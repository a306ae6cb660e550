package org.gfn4j.env.sequence;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a TFBind8 table: CSV with header {@code sequence,y} and every one of the 65,536 ACGT
 * 8-mers exactly once, in any order, and turns it into gfnx's log reward
 * log max(1e-3, 10·y³/max y³) (power before clip) in base-4 index order.
 */
public final class TFBind8Table {
  public static final String ALPHABET = "ACGT";
  public static final int LENGTH = 8;
  public static final int SIZE = 1 << 16;

  private TFBind8Table() {}

  /** Raw y values in index order; IllegalArgumentException naming the problem line. */
  public static double[] readRaw(Path csv) {
    double[] y = new double[SIZE];
    boolean[] seen = new boolean[SIZE];
    int count = 0;
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.trim().replace(" ", "").equals("sequence,y")) {
        throw new IllegalArgumentException(csv + " line 1: expected header 'sequence,y', got '" + header + "'");
      }
      int lineNo = 1;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(",", -1);
        if (parts.length != 2) {
          throw new IllegalArgumentException(csv + " line " + lineNo + ": expected 'sequence,y', got '" + line + "'");
        }
        String seq = parts[0].trim();
        if (seq.length() != LENGTH) {
          throw new IllegalArgumentException(csv + " line " + lineNo + ": sequence '" + seq + "' is not 8 letters");
        }
        int index = 0;
        for (int i = 0; i < LENGTH; i++) {
          int id = ALPHABET.indexOf(seq.charAt(i));
          if (id < 0) {
            throw new IllegalArgumentException(csv + " line " + lineNo + ": illegal letter '" + seq.charAt(i)
                + "' in '" + seq + "' (alphabet ACGT)");
          }
          index = index * 4 + id;
        }
        double v;
        try {
          v = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(csv + " line " + lineNo + ": y '" + parts[1].trim() + "' is not a number");
        }
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(csv + " line " + lineNo + ": y must be finite, got " + v);
        }
        if (seen[index]) {
          throw new IllegalArgumentException(csv + " line " + lineNo + ": sequence " + seq + " appears twice");
        }
        seen[index] = true;
        y[index] = v;
        count++;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read TFBind8 table " + csv + ": " + e.getMessage(), e);
    }
    if (count != SIZE) {
      throw new IllegalArgumentException(csv + ": holds " + count + " of the " + SIZE + " 8-mers (every one needed)");
    }
    return y;
  }

  /** gfnx's transform: log max(1e-3, 10·y³/max y³). */
  public static double[] logRewards(double[] y) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      max = Math.max(max, v * v * v);
    }
    if (!(max > 0)) {
      throw new IllegalArgumentException("TFBind8 table: max y^3 must be positive, got " + max);
    }
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = Math.log(Math.max(1e-3, 10 * (y[i] * y[i] * y[i]) / max));
    }
    return out;
  }
}
