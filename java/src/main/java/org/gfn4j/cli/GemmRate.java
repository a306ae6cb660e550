// The machine's GEMM rate measured inside a benchmark run, the yardstick for achieved GFLOP/s.
package org.gfn4j.cli;

import org.gfn4j.runtime.Backend;
import org.gfn4j.policy.Gemm;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.tensor.FloatTensor;

/**
 * GFLOP/s of gfn4j's native GEMM ({@link Gemm}) on a chain of dense layers with {@code rows}
 * rows, with the native pool at {@code threads} threads, timed over at least 0.2 s.
 */
final class GemmRate {
  private GemmRate() {}

  static double measure(int rows, int[][] layers, int threads) {
    int before = NativeLibrary.numThreads();
    NativeLibrary.setNumThreads(threads);
    FloatTensor[] a = new FloatTensor[layers.length];
    FloatTensor[] b = new FloatTensor[layers.length];
    FloatTensor[] c = new FloatTensor[layers.length];
    try {
      double flops = 0;
      for (int i = 0; i < layers.length; i++) {
        a[i] = filled(rows, layers[i][0]);
        b[i] = filled(layers[i][0], layers[i][1]);
        c[i] = FloatTensor.allocate(rows, layers[i][1]);
        flops += 2.0 * rows * layers[i][0] * layers[i][1];
      }
      long reps = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        for (int i = 0; i < layers.length; i++) {
          Gemm.multiply(Backend.NATIVE, a[i], b[i], c[i]);
        }
        reps++;
        elapsed = System.nanoTime() - start;
      } while (elapsed < 200_000_000L || reps < 3);
      return flops * reps / elapsed;
    } finally {
      for (int i = 0; i < layers.length; i++) {
        for (FloatTensor t : new FloatTensor[] {a[i], b[i], c[i]}) {
          if (t != null) {
            t.close();
          }
        }
      }
      NativeLibrary.setNumThreads(before);
    }
  }

  private static FloatTensor filled(int rows, int cols) {
    FloatTensor t = FloatTensor.allocate(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.set(i, ((i * 7919) % 1000) * 1e-3f - 0.5f);
    }
    return t;
  }
}
