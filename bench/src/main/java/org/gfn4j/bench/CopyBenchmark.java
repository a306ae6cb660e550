package org.gfn4j.bench;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The bandwidth yardstick of the kernel benchmarks: one copy of {@code size} bytes, with the C
 * library's memcpy between native buffers (JavaCPP's {@link Pointer#memcpy}, what native kernels
 * are measured against) or with {@link System#arraycopy} between Java arrays (the yardstick of
 * the Java twins). Sizes sit in L1, L2, L3 and main memory of a small x86 server. Element = one
 * byte copied; bytes per call = 2·size (every byte read once and written once).
 */
public class CopyBenchmark extends KernelBenchmark {
  @Param({"16384", "262144", "8388608", "134217728"})
  public int size;

  private BytePointer source;
  private BytePointer target;
  private byte[] sourceArray;
  private byte[] targetArray;

  @Setup(Level.Trial)
  public void setUp() {
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
      source = new BytePointer(size);
      target = new BytePointer(size);
      source.fill(1);
      target.zero();
    } else {
      sourceArray = new byte[size];
      targetArray = new byte[size];
      java.util.Arrays.fill(sourceArray, (byte) 1);
    }
  }

  @Benchmark
  public Object copy(Traffic traffic) {
    traffic.add(size, 2L * size);
    if (backend == Backend.NATIVE) {
      Pointer.memcpy(target, source, size);
      return target;
    }
    System.arraycopy(sourceArray, 0, targetArray, 0, size);
    return targetArray;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (source != null) {
      source.close();
      target.close();
    }
  }
}
