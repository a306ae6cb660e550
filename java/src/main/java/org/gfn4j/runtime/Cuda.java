package org.gfn4j.runtime;

import org.gfn4j.internal.cpu.CoreKernels;
import org.gfn4j.internal.cuda.CudaKernels;

/**
 * The gate in front of the CUDA library: it is loaded only when a driver is present (a cheap
 * dlopen probe in the CPU library decides), so CPU-only machines never map CUDA code. Set
 * {@code -Dgfn4j.cuda.disable=true} to keep it off everywhere.
 */
public final class Cuda {
  private Cuda() {}

  private static final class Probe {
    static final String REASON;
    static final int DEVICES;

    static {
      String reason = null;
      int devices = 0;
      if (Boolean.getBoolean("gfn4j.cuda.disable")) {
        reason = "disabled by -Dgfn4j.cuda.disable";
      } else {
        NativeLibrary.ensureLoaded();
        if (CoreKernels.cuda_driver_present() == 0) {
          reason = "libcuda.so.1 not found (no NVIDIA driver)";
        } else {
          try {
            devices = CudaKernels.device_count();
            if (devices <= 0) {
              reason = devices == 0 ? "no CUDA device visible" : "CUDA error " + (-devices) + " while counting devices";
              devices = 0;
            }
          } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            reason = "CUDA kernels were not built into this jar (" + e.getMessage() + ")";
          }
        }
      }
      REASON = reason;
      DEVICES = devices;
    }
  }

  /** True when the CUDA kernels are built, a driver exists and at least one device is visible. */
  public static boolean isAvailable() {
    return Probe.REASON == null;
  }

  /** Why CUDA is unavailable, or "available (N devices)". */
  public static String status() {
    return isAvailable() ? "available (" + Probe.DEVICES + " devices)" : Probe.REASON;
  }
}
