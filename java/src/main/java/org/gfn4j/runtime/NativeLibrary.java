package org.gfn4j.runtime;

import org.gfn4j.internal.cpu.CoreKernels;

/** Loads the CPU JNI library once and checks that its kernel ABI matches these classes. */
public final class NativeLibrary {
  /** Must equal {@code gfn4j::abi_version()} of the loaded library. */
  public static final int ABI_VERSION = 1;

  private NativeLibrary() {}

  private static final class Holder {
    static final int ABI = CoreKernels.abi_version();

    static {
      if (ABI != ABI_VERSION) {
        throw new IllegalStateException(
            "native library ABI " + ABI + " does not match the Java classes (" + ABI_VERSION + ")");
      }
    }
  }

  /** Loads the library (idempotent); every native entry point goes through here first. */
  public static void ensureLoaded() {
    int ignored = Holder.ABI;
  }

  /** Threads the native kernels use across a batch (the caller included). */
  public static int numThreads() {
    ensureLoaded();
    return CoreKernels.num_threads();
  }

  /** Sets the kernel thread count; {@code n <= 0} restores the default. Returns the new count. */
  public static int setNumThreads(int n) {
    ensureLoaded();
    return NativeStatus.check(CoreKernels.set_num_threads(n), "set_num_threads");
  }
}
