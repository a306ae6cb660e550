package org.gfn4j.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.bytedeco.javacpp.FloatPointer;
import org.gfn4j.runtime.NativeResource;
import org.junit.jupiter.api.Test;

/** Native tensors: zeroed allocation, shared memory between views and pointers, handle discipline. */
class TensorTest {
  @Test
  void allocationIsZeroedAndShaped() {
    try (FloatTensor t = FloatTensor.allocate(3, 4)) {
      assertEquals(12, t.size());
      assertArrayEquals(new long[] {3, 4}, t.shape());
      for (float v : t.toArray()) {
        assertEquals(0f, v);
      }
    }
  }

  @Test
  void javaViewAndNativePointerSeeTheSameMemory() {
    try (FloatTensor t = FloatTensor.allocate(5)) {
      t.set(3, 2.5f);
      FloatPointer p = t.pointer();
      assertEquals(2.5f, p.get(3)); // read through JNI, written through the NIO view
      p.put(1, -7f);
      assertEquals(-7f, t.get(1));
    }
  }

  @Test
  void viewsBorrowTheirParentsMemory() {
    try (IntTensor t = IntTensor.of(new int[] {0, 1, 2, 3, 4, 5}, 2, 3)) {
      IntTensor row = t.view(3, 3);
      assertArrayEquals(new int[] {3, 4, 5}, row.toArray());
      row.set(0, 42);
      assertEquals(42, t.get(3));
      assertEquals(t.address() + 3 * 4, row.address());
      assertThrows(IllegalArgumentException.class, () -> t.view(4, 3));
    }
  }

  @Test
  void closedTensorsRefuseUseAndCloseIsIdempotent() {
    ByteTensor t = ByteTensor.allocate(4);
    ByteTensor v = t.view(1, 2);
    t.close();
    t.close();
    assertThrows(IllegalStateException.class, () -> t.get(0));
    assertThrows(IllegalStateException.class, t::pointer);
    assertThrows(IllegalStateException.class, () -> v.get(0), "a view must not outlive its parent");
  }

  @Test
  void closingWhileLeasedFails() {
    try (DoubleTensor t = DoubleTensor.allocate(2)) {
      try (NativeResource.Lease lease = NativeResource.lease(t)) {
        assertThrows(IllegalStateException.class, t::close);
      }
    }
  }

  @Test
  void badShapesAndIndicesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> FloatTensor.allocate(-1));
    assertThrows(IllegalArgumentException.class, () -> FloatTensor.allocate(1 << 20, 1 << 20));
    assertThrows(IllegalArgumentException.class, () -> LongTensor.of(new long[] {1, 2, 3}, 2));
    try (FloatTensor t = FloatTensor.allocate(2)) {
      assertThrows(IndexOutOfBoundsException.class, () -> t.get(2));
      assertThrows(IndexOutOfBoundsException.class, () -> t.set(-1, 0f));
    }
  }
}
