package org.gfn4j.io;

import java.util.regex.Pattern;

/**
 * Strict parsing and safe quoting of user input: ASCII digits only (Java's parsers also accept
 * other scripts' digits, type suffixes and hex floats), range messages instead of "not a
 * number", and at most {@link #QUOTE_LIMIT} characters of any bad input echoed back, with
 * control and non-ASCII characters escaped so a message stays one printable line.
 */
public final class Inputs {
  /** Longest piece of user input repeated in a message. */
  public static final int QUOTE_LIMIT = 80;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private Inputs() {}

  /**
   * {@code text} in single quotes with non-printables escaped, cut after about
   * {@link #QUOTE_LIMIT} characters of output (and then followed by its full length).
   */
  public static String quote(String text) {
    if (text == null) {
      return "(nothing)";
    }
    StringBuilder sb = new StringBuilder("'");
    int i = 0;
    while (i < text.length() && sb.length() <= QUOTE_LIMIT) {
      appendEscaped(sb, text.substring(i, i + 1), 1);
      i++;
    }
    sb.append('\'');
    if (i < text.length()) {
      sb.append("... (").append(text.length()).append(" characters)");
    }
    return sb.toString();
  }

  /** The whole of {@code text} with control and non-ASCII characters escaped as \\uXXXX. */
  public static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    appendEscaped(sb, text, text.length());
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, String text, int n) {
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
  }

  /**
   * An int in [min, max] written with ASCII digits; IllegalArgumentException "{@code what} must
   * be an integer in [min, max]" (max shown as 2^31 exclusive when it is Integer.MAX_VALUE).
   */
  public static int parseInt(String what, String text, int min, int max) {
    long v = parseLong(what, text, min, max, intRange(min, max));
    return (int) v;
  }

  /** A long in [min, max] written with ASCII digits. */
  public static long parseLong(String what, String text, long min, long max) {
    return parseLong(what, text, min, max, longRange(min, max));
  }

  private static long parseLong(String what, String text, long min, long max, String range) {
    String t = text == null ? "" : text.trim();
    if (!INTEGER.matcher(t).matches()) {
      throw new IllegalArgumentException(what + " must be an integer in " + range + ", got " + quote(text));
    }
    long v;
    try {
      v = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be an integer in " + range + ", got " + quote(text));
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " must be an integer in " + range + ", got " + quote(text));
    }
    return v;
  }

  /** A finite double in decimal notation with ASCII digits (no NaN, Infinity, hex or suffixes). */
  public static double parseDouble(String what, String text) {
    String t = text == null ? "" : text.trim();
    if (!DECIMAL.matcher(t).matches()) {
      throw new IllegalArgumentException(what + " must be a decimal number, got " + quote(text));
    }
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number, got " + quote(text));
    }
    return v;
  }

  private static String intRange(long min, long max) {
    return "[" + bound(min) + ", " + (max == Integer.MAX_VALUE ? "2^31)" : max + "]");
  }

  private static String longRange(long min, long max) {
    return "[" + bound(min) + ", " + (max == Long.MAX_VALUE ? "2^63)" : max + "]");
  }

  private static String bound(long v) {
    return v == Long.MIN_VALUE ? "-2^63" : v == Integer.MIN_VALUE ? "-2^31" : Long.toString(v);
  }
}
