package org.gfn4j.env;

/**
 * The plain text form of an object whose cells are small integers: comma-separated, e.g.
 * "3,0,19,7" (hypergrid coordinates, or the default of {@link RowEnvironment}).
 */
public final class CellText {
  private CellText() {}

  /** Parses {@code width} comma-separated integers; {@code what} names one cell in messages. */
  public static int[] parse(String text, int width, String what) {
    String[] parts = text.trim().split(",", -1);
    if (parts.length != width) {
      throw new IllegalArgumentException(
          "expected " + width + " comma-separated " + what + "s, got " + parts.length + " in '" + text.trim() + "'");
    }
    int[] cells = new int[width];
    for (int i = 0; i < width; i++) {
      try {
        cells[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(what + " " + i + " is not an integer: '" + parts[i].trim() + "'");
      }
    }
    return cells;
  }

  public static String format(int[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : ",").append(cells[i]);
    }
    return sb.toString();
  }
}
