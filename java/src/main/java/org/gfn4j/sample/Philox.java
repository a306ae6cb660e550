package org.gfn4j.sample;

import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.SamplerKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.IntTensor;

/**
 * Philox4x32-10 (Salmon et al., SC'11), the counter-based generator behind every gfn4j draw: a
 * draw is a pure function of (seed, step, slot, row), so results do not depend on threads or on
 * the device. Layout of a draw (same as native/include/gfn4j/sampler.h): key = (seed low, seed
 * high), counter = (row, slot, step low, step high); word 0 gives the exploration uniform, words
 * 1-2 the 53-bit categorical uniform.
 */
public final class Philox {
  private static final int M0 = 0xD2511F53;
  private static final int M1 = 0xCD9E8D57;
  private static final int W0 = 0x9E3779B9;
  private static final int W1 = 0xBB67AE85;

  private Philox() {}

  /** Ten rounds on one block; {@code counter} has 4 words, {@code key} 2, {@code out} 4. */
  public static void block(int[] counter, int[] key, int[] out) {
    block(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
  }

  private static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
    for (int r = 0; r < 10; r++) {
      if (r > 0) {
        k0 += W0;
        k1 += W1;
      }
      long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
      long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
      int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
      int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
      c1 = (int) p1;
      c3 = (int) p0;
      c0 = n0;
      c2 = n2;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
  }

  /** The four words of draw (seed, step, slot, row). */
  public static void draw(long seed, long step, int slot, int row, int[] out) {
    block(row, slot, (int) step, (int) (step >>> 32), (int) seed, (int) (seed >>> 32), out);
  }

  /** 24-bit uniform float in [0, 1) from one word (the exploration coin). */
  public static float uniform24(int word) {
    return (float) (word >>> 8) * 0x1.0p-24f;
  }

  /** 53-bit uniform double in [0, 1) from two words (the categorical draw). */
  public static double uniform53(int hi, int lo) {
    return (double) (((hi & 0xFFFFFFFFL) << 21) | ((lo & 0xFFFFFFFFL) >>> 11)) * 0x1.0p-53;
  }

  /**
   * Philox4x32-10 of n blocks given as counters [n*4] and keys [n*2], on either backend (the
   * native one is the kernel the sampler uses).
   */
  public static int[] blocks(Backend backend, int[] counters, int[] keys) {
    if (counters.length % 4 != 0 || keys.length * 2 != counters.length) {
      throw new IllegalArgumentException("need 4 counter words and 2 key words per block");
    }
    int n = counters.length / 4;
    int[] out = new int[counters.length];
    if (backend == Backend.JAVA) {
      int[] one = new int[4];
      for (int i = 0; i < n; i++) {
        block(counters[4 * i], counters[4 * i + 1], counters[4 * i + 2], counters[4 * i + 3], keys[2 * i],
            keys[2 * i + 1], one);
        System.arraycopy(one, 0, out, 4 * i, 4);
      }
      return out;
    }
    NativeLibrary.ensureLoaded();
    try (IntTensor c = IntTensor.of(counters, counters.length);
        IntTensor k = IntTensor.of(keys, keys.length);
        IntTensor o = IntTensor.allocate(out.length)) {
      NativeStatus.check(SamplerKernels.philox4x32_10(n, c.pointer(), k.pointer(), o.pointer()), "philox4x32_10");
      return o.toArray();
    }
  }
}
