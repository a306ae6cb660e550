package org.gfn4j.runtime;

import org.gfn4j.internal.cuda.CudaKernels;

/** Child-JVM entry point of {@link CudaLinkTest}: loads the CUDA library and counts devices. */
public final class CudaLoadProbe {
  private CudaLoadProbe() {}

  public static void main(String[] args) {
    System.out.println("device_count=" + CudaKernels.device_count());
  }
}
