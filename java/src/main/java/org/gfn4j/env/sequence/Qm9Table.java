package org.gfn4j.env.sequence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads QM9-small's proxy table: 11⁵ = 161,051 little-endian float32 raw values in base-11 index
 * order (first block most significant), and turns it into gfnx's log reward
 * log(100·c⁵/max c⁵), c = max(raw, 1e-3) (clip before power).
 */
public final class Qm9Table {
  public static final String ALPHABET = "0123456789a";
  public static final int LENGTH = 5;
  public static final int SIZE = 161_051;
  /** Location below the data directory. */
  public static final String DEFAULT_PATH = "qm9_small/block_qm9str_v1_s5.f32";

  private Qm9Table() {}

  public static float[] readRaw(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read QM9 table " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length != 4L * SIZE) {
      throw new IllegalArgumentException("QM9 table " + file + " has " + bytes.length + " bytes, expected "
          + 4L * SIZE + " (161,051 float32)");
    }
    float[] raw = new float[SIZE];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(raw);
    for (int i = 0; i < SIZE; i++) {
      if (!Float.isFinite(raw[i])) {
        throw new IllegalArgumentException("QM9 table " + file + ": value " + i + " is not finite");
      }
    }
    return raw;
  }

  /** gfnx's transform in double precision: log(100·c⁵/max c⁵), c = max(raw, 1e-3). */
  public static double[] logRewards(float[] raw) {
    double maxC = 1e-3;
    for (float v : raw) {
      maxC = Math.max(maxC, v);
    }
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double c = Math.max(raw[i], 1e-3);
      out[i] = Math.log(100.0) + 5 * (Math.log(c) - Math.log(maxC));
    }
    return out;
  }
}
