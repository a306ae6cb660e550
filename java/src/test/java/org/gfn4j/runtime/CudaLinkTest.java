package org.gfn4j.runtime;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.gfn4j.internal.cpu.CoreKernels;
import org.junit.jupiter.api.Test;

/**
 * The CUDA library links correctly and stays out of CPU-only processes. A broken link order kills
 * the JVM inside dlopen, so the load happens in a child JVM whenever the library was built.
 */
class CudaLinkTest {
  private static boolean cudaBuilt() {
    return "ON".equals(System.getProperty("gfn4j.cudaBuilt"));
  }

  @Test
  void cudaLibraryLoadsInAChildJvmWheneverItWasBuilt() throws IOException, InterruptedException {
    assumeTrue(cudaBuilt(), "CUDA glue not built (no nvcc or -P!cuda)");
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), CudaLoadProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM hung");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "child JVM died loading the CUDA library:\n" + out);
    assertTrue(out.contains("device_count="), out);
    int count = Integer.parseInt(out.substring(out.indexOf('=') + 1).trim());
    if (CoreKernels.cuda_driver_present() == 0) {
      assertTrue(count < 0, "without a driver the runtime must report an error, got " + count);
    }
  }

  @Test
  void cudaLibraryIsNotMappedWithoutADriver() throws IOException {
    NativeLibrary.ensureLoaded();
    assumeTrue(CoreKernels.cuda_driver_present() == 0, "a driver is present");
    assertFalse(Cuda.isAvailable());
    assertEquals("libcuda.so.1 not found (no NVIDIA driver)", Cuda.status());
    String maps = Files.readString(Paths.get("/proc/self/maps"));
    assertTrue(maps.contains("libjnigfn4j.so"), "CPU library must be mapped");
    assertFalse(maps.contains("libjnigfn4jcuda"), "CUDA library mapped on a driverless machine");
    assertThrows(IllegalStateException.class, () -> DeviceBuffer.allocate(16));
  }
}
