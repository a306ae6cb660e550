package org.gfn4j.env.sequence;

import java.util.Arrays;

/**
 * The text form of complete sequences: one character per token from an alphabet (TFBind8
 * {@code ACGT}, QM9 {@code 0-9a}, AMP's amino acids, variable length up to L with EOS after a
 * short one), or bitseq's 0/1 string of L·k bits, each word most significant bit first.
 */
public final class SequenceText {
  private final SequenceShape shape;
  private final String alphabet;
  private final int bitsPerWord;

  private SequenceText(SequenceShape shape, String alphabet, int bitsPerWord) {
    this.shape = shape;
    this.alphabet = alphabet;
    this.bitsPerWord = bitsPerWord;
  }

  /** Letters of {@code alphabet} (length nchar); variable length when the kind can stop. */
  public static SequenceText letters(SequenceShape shape, String alphabet) {
    if (alphabet.length() != shape.nchar()) {
      throw new IllegalArgumentException("alphabet '" + alphabet + "' must have " + shape.nchar() + " letters");
    }
    return new SequenceText(shape, alphabet, 0);
  }

  /** 0/1 strings, {@code k} bits per word (nchar = 2^k). */
  public static SequenceText bits(SequenceShape shape, int k) {
    if (shape.nchar() != 1 << k) {
      throw new IllegalArgumentException("nchar must be 2^k");
    }
    return new SequenceText(shape, null, k);
  }

  private boolean variableLength() {
    return shape.kind() == SequenceKind.AUTOREGRESSIVE;
  }

  /** Tokens of a complete sequence; IllegalArgumentException naming the problem. */
  public int[] parse(String text) {
    String s = text.trim();
    int[] t = new int[shape.length()];
    Arrays.fill(t, shape.pad());
    if (alphabet == null) {
      int n = shape.length() * bitsPerWord;
      if (s.length() != n) {
        throw new IllegalArgumentException("expected " + n + " bits, got " + s.length() + " characters in '" + s + "'");
      }
      for (int w = 0; w < shape.length(); w++) {
        int v = 0;
        for (int j = 0; j < bitsPerWord; j++) {
          char c = s.charAt(w * bitsPerWord + j);
          if (c != '0' && c != '1') {
            throw new IllegalArgumentException("illegal character '" + c + "' at position " + (w * bitsPerWord + j)
                + " (expected 0 or 1)");
          }
          v = 2 * v + (c - '0');
        }
        t[w] = v;
      }
      return t;
    }
    if (variableLength() ? s.length() > shape.length() : s.length() != shape.length()) {
      throw new IllegalArgumentException((variableLength() ? "at most " : "expected ") + shape.length()
          + " letters, got " + s.length() + " in '" + s + "'");
    }
    for (int i = 0; i < s.length(); i++) {
      int id = alphabet.indexOf(s.charAt(i));
      if (id < 0) {
        throw new IllegalArgumentException("illegal letter '" + s.charAt(i) + "' at position " + i + " (alphabet "
            + alphabet + ")");
      }
      t[i] = id;
    }
    if (s.length() < shape.length()) {
      t[s.length()] = shape.eos();
    }
    return t;
  }

  /** The text of a (complete or partial) sequence; PAD and EOS are left out. */
  public String format(int[] tokens) {
    StringBuilder sb = new StringBuilder();
    for (int v : tokens) {
      if (v < 0 || v >= shape.nchar()) {
        continue;
      }
      if (alphabet != null) {
        sb.append(alphabet.charAt(v));
      } else {
        for (int j = bitsPerWord - 1; j >= 0; j--) {
          sb.append((v >> j) & 1);
        }
      }
    }
    return sb.toString();
  }
}
