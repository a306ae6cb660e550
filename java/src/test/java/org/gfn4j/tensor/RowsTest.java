package org.gfn4j.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gfn4j.policy.Gemm;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row selection and gathers: the native kernels and their Java twins against a plain loop. */
class RowsTest {
  @Property(tries = 200)
  void selectionAndGatherMatchAPlainLoopOnBothBackends(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 19) int width, @ForAll long seed) {
    java.util.Random rng = new java.util.Random(seed);
    try (ByteTensor pad = ByteTensor.allocate(Math.max(1, n)); FloatTensor src = FloatTensor.allocate(Math.max(1, n), width);
        IntTensor ints = IntTensor.allocate(Math.max(1, n), width)) {
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean real = rng.nextInt(3) != 0;
        pad.set(i, (byte) (real ? 0 : 1 + rng.nextInt(3)));
        if (real) {
          expected.add(i);
        }
      }
      for (int i = 0; i < n * width; i++) {
        src.set(i, rng.nextFloat());
        ints.set(i, rng.nextInt());
      }
      for (Backend backend : Backend.values()) {
        try (IntTensor rows = IntTensor.allocate(Math.max(1, n)); FloatTensor dst = FloatTensor.allocate(Math.max(1, n), width);
            IntTensor intDst = IntTensor.allocate(Math.max(1, n), width)) {
          int count = Rows.selectReal(backend, pad, n, rows);
          assertEquals(expected.size(), count, backend.name());
          Rows.gather(backend, src, rows, count, width, dst);
          Rows.gather(backend, ints, rows, count, width, intDst);
          for (int i = 0; i < count; i++) {
            assertEquals(expected.get(i).intValue(), rows.get(i), backend.name());
            for (int j = 0; j < width; j++) {
              assertEquals(src.get((long) expected.get(i) * width + j), dst.get((long) i * width + j), backend.name());
              assertEquals(ints.get((long) expected.get(i) * width + j), intDst.get((long) i * width + j));
            }
          }
        }
      }
    }
  }

  @Property(tries = 100)
  void transposesMatchAPlainLoopOnBothBackends(@ForAll @IntRange(min = 0, max = 150) int rows,
      @ForAll @IntRange(min = 0, max = 70) int cols, @ForAll boolean ones, @ForAll long seed) {
    java.util.Random rng = new java.util.Random(seed);
    int outRows = cols + (ones ? 1 : 0);
    try (FloatTensor src = FloatTensor.allocate(Math.max(1, rows * cols) + 3)) {
      for (int i = 0; i < src.size(); i++) {
        src.set(i, rng.nextFloat() - 0.5f);
      }
      for (Backend backend : Backend.values()) {
        try (FloatTensor dst = FloatTensor.allocate(Math.max(1, outRows * rows) + 2)) {
          dst.set(dst.size() - 1, 7f); // past the end: untouched
          Rows.transpose(backend, src, rows, cols, dst, ones);
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
              assertEquals(src.get((long) r * cols + c), dst.get((long) c * rows + r), backend + " " + r + "," + c);
            }
            if (ones) {
              assertEquals(1f, dst.get((long) cols * rows + r), backend.name());
            }
          }
          assertEquals(7f, dst.get(dst.size() - 1), backend.name());
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Gemm.Isa.class)
  void aLargeTransposeSplitAcrossThreadsMatchesTheJavaTwinOnEveryInstructionSet(Gemm.Isa isa) {
    Gemm.Isa best = Gemm.isa();
    Assumptions.assumeTrue(isa.ordinal() <= best.ordinal(), "this CPU lacks " + isa);
    int rows = 1037;
    int cols = 259;
    try (FloatTensor src = FloatTensor.allocate(rows, cols); FloatTensor a = FloatTensor.allocate(cols + 1, rows);
        FloatTensor b = FloatTensor.allocate(cols + 1, rows)) {
      for (int i = 0; i < src.size(); i++) {
        src.set(i, i * 0.25f);
      }
      Gemm.setIsa(isa);
      try {
        Rows.transpose(Backend.NATIVE, src, rows, cols, a, true);
      } finally {
        Gemm.setIsa(best);
      }
      Rows.transpose(Backend.JAVA, src, rows, cols, b, true);
      for (int i = 0; i < a.size(); i++) {
        assertEquals(b.get(i), a.get(i), isa + " element " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badRowsAndShapesAreIllegalArguments(Backend backend) {
    try (FloatTensor src = FloatTensor.allocate(4, 3); FloatTensor dst = FloatTensor.allocate(4, 3);
        IntTensor rows = IntTensor.allocate(4); ByteTensor pad = ByteTensor.allocate(4);
        IntTensor ints = IntTensor.allocate(4, 3)) {
      rows.set(0, 1);
      rows.set(1, 4); // one past the last row of src
      assertThrows(IllegalArgumentException.class, () -> Rows.gather(backend, src, rows, 2, 3, dst));
      rows.set(1, -1);
      assertThrows(IllegalArgumentException.class, () -> Rows.gather(backend, src, rows, 2, 3, dst));
      assertThrows(IllegalArgumentException.class, () -> Rows.gather(backend, src, rows, 5, 3, dst));
      assertThrows(IllegalArgumentException.class, () -> Rows.gather(backend, src, rows, 1, 0, dst));
      assertThrows(IllegalArgumentException.class, () -> Rows.gather(backend, src, rows, 1, 3, ints));
      assertThrows(IllegalArgumentException.class, () -> Rows.selectReal(backend, pad, 5, rows));
      assertThrows(IllegalArgumentException.class, () -> Rows.selectReal(backend, pad, -1, rows));
      assertThrows(IllegalArgumentException.class, () -> Rows.transpose(backend, src, 4, 3, dst, true));
      assertThrows(IllegalArgumentException.class, () -> Rows.transpose(backend, src, 5, 3, dst, false));
      assertThrows(IllegalArgumentException.class, () -> Rows.transpose(backend, src, -1, 3, dst, false));
    }
  }

  @Test
  void theNativeGatherCopiesRowsOfEveryWidthBitForBit() {
    try (DoubleTensor src = DoubleTensor.allocate(5, 2); DoubleTensor dst = DoubleTensor.allocate(5, 2);
        IntTensor rows = IntTensor.allocate(3)) {
      for (int i = 0; i < 10; i++) {
        src.set(i, Double.longBitsToDouble(0x7ff8000000000001L + i)); // NaN payloads survive a byte copy
      }
      rows.set(0, 4);
      rows.set(1, 0);
      rows.set(2, 4);
      Rows.gather(Backend.NATIVE, src, rows, 3, 2, dst);
      assertEquals(Double.doubleToRawLongBits(src.get(8)), Double.doubleToRawLongBits(dst.get(0)));
      assertEquals(Double.doubleToRawLongBits(src.get(1)), Double.doubleToRawLongBits(dst.get(3)));
      assertEquals(Double.doubleToRawLongBits(src.get(9)), Double.doubleToRawLongBits(dst.get(5)));
    }
  }
}
