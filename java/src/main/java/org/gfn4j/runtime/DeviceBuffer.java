package org.gfn4j.runtime;

import org.bytedeco.javacpp.Pointer;
import org.gfn4j.internal.cuda.CudaKernels;
import org.gfn4j.tensor.Tensor;

/** Device memory of the CUDA path, with host copies to and from our tensors. */
public final class DeviceBuffer extends NativeResource {
  private final Pointer pointer;
  private final long bytes;

  private DeviceBuffer(Pointer pointer, long bytes) {
    this.pointer = pointer;
    this.bytes = bytes;
  }

  /** Allocates {@code bytes} on the current device; requires {@link Cuda#isAvailable()}. */
  public static DeviceBuffer allocate(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("device buffer size must be positive, got " + bytes);
    }
    if (!Cuda.isAvailable()) {
      throw new IllegalStateException("CUDA unavailable: " + Cuda.status());
    }
    Pointer p = CudaKernels.device_alloc(bytes);
    if (p == null || p.isNull()) {
      throw new IllegalStateException("cudaMalloc of " + bytes + " bytes failed");
    }
    return new DeviceBuffer(p, bytes);
  }

  /** Allocates a buffer the size of {@code host} and copies it over. */
  public static DeviceBuffer copyOf(Tensor<?> host) {
    DeviceBuffer d = allocate(byteSize(host));
    d.upload(host);
    return d;
  }

  private static long byteSize(Tensor<?> t) {
    return Math.max(1, t.size()) * t.pointer().sizeof();
  }

  public void upload(Tensor<?> host) {
    long n = byteSize(host);
    if (n > bytes) {
      throw new IllegalArgumentException(host + " does not fit a device buffer of " + bytes + " bytes");
    }
    try (var lease = lease(this, host)) {
      NativeStatus.check(CudaKernels.copy_to_device(pointer, host.pointer(), n), "copy_to_device");
    }
  }

  public void download(Tensor<?> host) {
    long n = byteSize(host);
    if (n > bytes) {
      throw new IllegalArgumentException(host + " is larger than a device buffer of " + bytes + " bytes");
    }
    try (var lease = lease(this, host)) {
      NativeStatus.check(CudaKernels.copy_to_host(host.pointer(), pointer, n), "copy_to_host");
    }
  }

  /** The device pointer, typed for a kernel argument. */
  public <P extends Pointer> P as(Class<P> type) {
    ensureOpen();
    try {
      return type.getDeclaredConstructor(Pointer.class).newInstance(pointer);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void free() {
    CudaKernels.device_free(pointer);
  }

  @Override
  protected String describe() {
    return "DeviceBuffer[" + bytes + " bytes]";
  }
}
