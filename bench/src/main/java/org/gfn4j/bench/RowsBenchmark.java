package org.gfn4j.bench;

import java.util.Random;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Rows;
import org.gfn4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The train step's row kernels at the sizes of a hypergrid 2×8 block of batch 512 (16 slots ×
 * 512 rows, about half of them real) with a 256-wide MLP, native kernels vs their Java twins:
 * selecting the real rows and gathering their 16-float observations (element = one block row;
 * bytes = the pad flags read, the row indices written and read, 64 bytes of each real row read
 * and written), and transposing one layer's kept activations into {@code [257, rows]} with its
 * row of ones (element = one activation; bytes = 4 read + 4 written per activation, plus the ones).
 */
public class RowsBenchmark extends KernelBenchmark {
  private static final int BLOCK_ROWS = 16 * 512;
  private static final int OBS = 16;
  private static final int WIDTH = 256;

  @Param({"4096"})
  public int realRows;

  private ByteTensor pad;
  private IntTensor rows;
  private FloatTensor obs;
  private FloatTensor gathered;
  private FloatTensor acts;
  private FloatTensor transposed;

  @Setup(Level.Trial)
  public void setUp() {
    Random rng = new Random(3);
    pad = ByteTensor.allocate(BLOCK_ROWS);
    int real = 0;
    for (int i = 0; i < BLOCK_ROWS; i++) {
      boolean keep = real < realRows && rng.nextInt(BLOCK_ROWS - i) < realRows - real;
      pad.set(i, (byte) (keep ? 0 : 1));
      real += keep ? 1 : 0;
    }
    rows = IntTensor.allocate(BLOCK_ROWS);
    obs = FloatTensor.allocate(BLOCK_ROWS, OBS);
    gathered = FloatTensor.allocate(BLOCK_ROWS, OBS);
    acts = FloatTensor.allocate(realRows, WIDTH);
    transposed = FloatTensor.allocate(WIDTH + 1, realRows);
    for (int i = 0; i < acts.size(); i++) {
      acts.set(i, rng.nextFloat());
    }
  }

  @Benchmark
  public FloatTensor compact(Traffic traffic) {
    int count = Rows.selectReal(backend, pad, BLOCK_ROWS, rows);
    Rows.gather(backend, obs, rows, count, OBS, gathered);
    traffic.add(BLOCK_ROWS, BLOCK_ROWS + 8L * count + 2L * 4 * OBS * count);
    return gathered;
  }

  @Benchmark
  public FloatTensor transpose(Traffic traffic) {
    Rows.transpose(backend, acts, realRows, WIDTH, transposed, true);
    traffic.add((long) realRows * WIDTH, 8L * realRows * WIDTH + 4L * realRows);
    return transposed;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (Tensor<?> t : new Tensor<?>[] {pad, rows, obs, gathered, acts, transposed}) {
      t.close();
    }
  }
}
