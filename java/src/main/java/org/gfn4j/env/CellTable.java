package org.gfn4j.env;

import java.util.Arrays;

/**
 * A hash set of fixed-width int rows (state encodings) assigning each distinct row a dense index
 * in insertion order: the rows live in one flat array and the open-addressing table holds only
 * indices, so millions of states cost a few bytes each beyond their cells.
 */
final class CellTable {
  private final int width;
  private int[] rows;
  private int[] slots; // index + 1, 0 = empty
  private int size;

  CellTable(int width) {
    this.width = width;
    this.rows = new int[16 * width];
    this.slots = new int[64];
  }

  int size() {
    return size;
  }

  int width() {
    return width;
  }

  /** The index of {@code cells[offset, offset + width)}, inserting it if new. */
  int intern(int[] cells, int offset) {
    int found = find(cells, offset);
    if (found >= 0) {
      return found;
    }
    if (size == Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many states");
    }
    if ((long) (size + 1) * width > rows.length) {
      rows = Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * rows.length, (long) (size + 1) * width)));
    }
    System.arraycopy(cells, offset, rows, size * width, width);
    size++;
    if (2L * size > slots.length) {
      rehash(slots.length * 2);
    } else {
      place(size - 1);
    }
    return size - 1;
  }

  /** The index of the row, or -1 if absent. */
  int find(int[] cells, int offset) {
    int mask = slots.length - 1;
    for (int h = hash(cells, offset) & mask;; h = (h + 1) & mask) {
      int s = slots[h];
      if (s == 0) {
        return -1;
      }
      if (Arrays.equals(rows, (s - 1) * width, s * width, cells, offset, offset + width)) {
        return s - 1;
      }
    }
  }

  /** The cells of row {@code index} (a copy). */
  int[] row(int index) {
    return Arrays.copyOfRange(rows, index * width, (index + 1) * width);
  }

  /** Copies rows [first, first + count) into {@code out} from its index 0. */
  void copyRows(int first, int count, java.nio.IntBuffer out) {
    out.put(0, rows, first * width, count * width);
  }

  /** Every row, concatenated (a copy trimmed to size). */
  int[] rows() {
    return Arrays.copyOf(rows, size * width);
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int i = 0; i < size; i++) {
      place(i);
    }
  }

  private void place(int index) {
    int mask = slots.length - 1;
    int h = hash(rows, index * width) & mask;
    while (slots[h] != 0) {
      h = (h + 1) & mask;
    }
    slots[h] = index + 1;
  }

  /** A polynomial hash of the row finished by MurmurHash3's mixer, so linear probing stays short. */
  private int hash(int[] cells, int offset) {
    int h = 0;
    for (int i = 0; i < width; i++) {
      h = 31 * h + cells[offset + i];
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
