package org.gfn4j.env.sequence;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.SequenceKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.LongTensor;

/**
 * gfnx's bitseq reward: log R(x) = −β·min_m Hamming(x, m)/n over the mode set, x written as
 * n = L·k bits (each word most significant bit first). The native backend compares bit-packed
 * words; the Java backend counts bit by bit, the reference it is tested against.
 */
public final class BitseqReward extends TokenReward {
  private final BitseqModes modes;
  private final double beta;
  private final int length;
  private final int k;
  private final Backend backend;
  private final LongTensor packed;

  public BitseqReward(BitseqModes modes, double beta, int k, Backend backend) {
    super(words(modes, k));
    this.modes = modes;
    this.beta = beta;
    this.k = k;
    this.length = modes.bits() / k;
    this.backend = backend;
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
      long[] p = modes.packed();
      this.packed = LongTensor.of(p, p.length);
    } else {
      this.packed = null;
    }
  }

  private static int words(BitseqModes modes, int k) {
    if (modes.bits() % k != 0) {
      throw new IllegalArgumentException("mode length " + modes.bits() + " is not a multiple of k=" + k);
    }
    return modes.bits() / k;
  }

  public BitseqModes modes() {
    return modes;
  }

  public double beta() {
    return beta;
  }

  @Override
  void score(IntTensor tokens, IntTensor rows, int count, DoubleTensor out) {
    if (count == 0) {
      return;
    }
    if (backend == Backend.NATIVE) {
      NativeStatus.check(SequenceKernels.bitseq_log_reward(length, k, modes.count(), packed.pointer(), beta, count,
          tokens.pointer(), rows == null ? null : rows.pointer(), out.pointer()), "bitseq_log_reward");
      return;
    }
    IntBuffer t = tokens.buffer();
    DoubleBuffer o = out.buffer();
    boolean[] x = new boolean[modes.bits()];
    for (int i = 0; i < count; i++) {
      int base = (rows == null ? i : rows.get(i)) * length;
      for (int w = 0; w < length; w++) {
        for (int j = 0; j < k; j++) {
          x[w * k + j] = ((t.get(base + w) >> (k - 1 - j)) & 1) != 0;
        }
      }
      o.put(i, -beta * modes.minHamming(x) / modes.bits());
    }
  }

  @Override
  public void close() {
    if (packed != null) {
      packed.close();
    }
  }
}
