package org.gfn4j.env.sequence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bitseq mode set: n-bit strings. Built like gfnx's {@code BitseqRewardModule} (each mode is
 * n/8 blocks drawn uniformly with replacement from 00000000, 11111111, 11110000, 00001111,
 * 00111100) from a {@link SplittableRandom} seed — the construction is gfnx's, the random stream
 * is not JAX's, so the set differs from gfnx's unless read from a file exported from gfnx — or
 * read from a text file with one 0/1 string per line.
 */
public final class BitseqModes {
  static final String[] BLOCKS = {"00000000", "11111111", "11110000", "00001111", "00111100"};

  private final boolean[][] modes;
  private final int bits;

  private BitseqModes(boolean[][] modes, int bits) {
    if (modes.length == 0) {
      throw new IllegalArgumentException("the mode set is empty");
    }
    this.modes = modes;
    this.bits = bits;
  }

  /** {@code count} modes of {@code n} bits (n a multiple of 8) from {@code seed}. */
  public static BitseqModes generate(int n, int count, long seed) {
    if (n % 8 != 0) {
      throw new IllegalArgumentException("generated modes need n divisible by 8 (blocks of 8 bits), got n=" + n
          + "; pass modes=PATH instead");
    }
    if (count < 1) {
      throw new IllegalArgumentException("'num_modes' must be positive, got " + count);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[][] m = new boolean[count][n];
    for (int i = 0; i < count; i++) {
      for (int blk = 0; blk < n / 8; blk++) {
        String b = BLOCKS[rng.nextInt(BLOCKS.length)];
        for (int j = 0; j < 8; j++) {
          m[i][blk * 8 + j] = b.charAt(j) == '1';
        }
      }
    }
    return new BitseqModes(m, n);
  }

  /** Reads one 0/1 string of length {@code n} per line (blank lines ignored). */
  public static BitseqModes read(Path file, int n) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read modes file " + file + ": " + e.getMessage(), e);
    }
    List<boolean[]> modes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).trim();
      if (s.isEmpty()) {
        continue;
      }
      if (s.length() != n) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + n + " bits, got " + s.length());
      }
      boolean[] m = new boolean[n];
      for (int j = 0; j < n; j++) {
        char c = s.charAt(j);
        if (c != '0' && c != '1') {
          throw new IllegalArgumentException(file + " line " + (i + 1) + ": illegal character '" + c + "' at " + j);
        }
        m[j] = c == '1';
      }
      modes.add(m);
    }
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("modes file " + file + " holds no modes");
    }
    return new BitseqModes(modes.toArray(new boolean[0][]), n);
  }

  public int count() {
    return modes.length;
  }

  public int bits() {
    return bits;
  }

  public boolean[] mode(int i) {
    return modes[i].clone();
  }

  /** Modes packed 64 bits per long (bit p in word p/64 at position p%64), as the native kernel reads them. */
  long[] packed() {
    int words = (bits + 63) / 64;
    long[] p = new long[modes.length * words];
    for (int i = 0; i < modes.length; i++) {
      for (int j = 0; j < bits; j++) {
        if (modes[i][j]) {
          p[i * words + (j >> 6)] |= 1L << (j & 63);
        }
      }
    }
    return p;
  }

  /** The modes as bitseq cells: words of {@code k} bits, most significant first. */
  public int[][] asWords(int k) {
    int[][] out = new int[modes.length][bits / k];
    for (int i = 0; i < modes.length; i++) {
      for (int j = 0; j < bits; j++) {
        out[i][j / k] = 2 * out[i][j / k] + (modes[i][j] ? 1 : 0);
      }
    }
    return out;
  }

  /** {@link #testSet} as concatenated bitseq cells (words of {@code k} bits). */
  public int[] testSetWords(long seed, int k) {
    boolean[][] set = testSet(seed);
    int words = bits / k;
    int[] out = new int[set.length * words];
    for (int i = 0; i < set.length; i++) {
      for (int j = 0; j < bits; j++) {
        out[i * words + j / k] = 2 * out[i * words + j / k] + (set[i][j] ? 1 : 0);
      }
    }
    return out;
  }

  /** Smallest Hamming distance from {@code x} to a mode. */
  public int minHamming(boolean[] x) {
    int best = bits;
    for (boolean[] m : modes) {
      int d = 0;
      for (int j = 0; j < bits; j++) {
        d += m[j] != x[j] ? 1 : 0;
      }
      best = Math.min(best, d);
    }
    return best;
  }

  /**
   * gfnx's test set: each mode, then for cnt = 1..n−1 a copy with cnt distinct random bits
   * flipped, so count·n sequences, mode by mode.
   */
  public boolean[][] testSet(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[][] out = new boolean[modes.length * bits][];
    int[] perm = new int[bits];
    for (int i = 0; i < modes.length; i++) {
      out[i * bits] = modes[i].clone();
      for (int cnt = 1; cnt < bits; cnt++) {
        for (int j = 0; j < bits; j++) {
          perm[j] = j;
        }
        boolean[] x = modes[i].clone();
        for (int j = 0; j < cnt; j++) {  // partial Fisher-Yates: cnt distinct positions
          int r = j + rng.nextInt(bits - j);
          int tmp = perm[j];
          perm[j] = perm[r];
          perm[r] = tmp;
          x[perm[j]] = !x[perm[j]];
        }
        out[i * bits + cnt] = x;
      }
    }
    return out;
  }
}
