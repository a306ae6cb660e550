package org.gfn4j.env.sequence;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.SequenceKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A reward read from a table of log R indexed by the base-nchar value of a fixed-length
 * sequence, first token most significant (TFBind8, QM9-small). The native backend looks the
 * table up in C++; the Java backend is the reference.
 */
public final class TableReward extends TokenReward {
  private final double[] logTable;
  private final int length;
  private final int nchar;
  private final DoubleTensor nativeTable;

  public TableReward(double[] logTable, int length, int nchar, Backend backend) {
    super(length);
    long size = 1;
    for (int i = 0; i < length; i++) {
      size *= nchar;
    }
    if (logTable.length != size) {
      throw new IllegalArgumentException("a table for " + length + " positions of " + nchar + " letters needs "
          + size + " entries, got " + logTable.length);
    }
    this.logTable = logTable.clone();
    this.length = length;
    this.nchar = nchar;
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
      this.nativeTable = DoubleTensor.allocate(logTable.length);
      nativeTable.buffer().put(0, logTable);
    } else {
      this.nativeTable = null;
    }
  }

  /** log R of every sequence in index order (a copy). */
  public double[] logTable() {
    return logTable.clone();
  }

  @Override
  void score(IntTensor tokens, IntTensor rows, int count, DoubleTensor out) {
    if (count == 0) {
      return;
    }
    if (nativeTable != null) {
      NativeStatus.check(SequenceKernels.sequence_table_log_reward(length, nchar, nativeTable.pointer(),
          logTable.length, count, tokens.pointer(), rows == null ? null : rows.pointer(), out.pointer()),
          "sequence_table_log_reward");
      return;
    }
    IntBuffer t = tokens.buffer();
    DoubleBuffer o = out.buffer();
    for (int i = 0; i < count; i++) {
      int base = (rows == null ? i : rows.get(i)) * length;
      int index = 0;
      for (int j = 0; j < length; j++) {
        index = index * nchar + t.get(base + j);
      }
      o.put(i, logTable[index]);
    }
  }

  @Override
  public void close() {
    if (nativeTable != null) {
      nativeTable.close();
    }
  }
}
