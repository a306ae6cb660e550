// Device discovery and memory management for the CUDA kernels (cudart linked statically).
#include <cuda_runtime.h>

#include "gfn4j/core.h"
#include "gfn4j_cuda.h"

namespace gfn4j {
namespace cuda {

int32_t device_count() noexcept {
  int n = 0;
  cudaError_t err = cudaGetDeviceCount(&n);
  if (err != cudaSuccess) {
    cudaGetLastError();
    return -static_cast<int32_t>(err);
  }
  return n;
}

void* device_alloc(int64_t bytes) noexcept {
  void* ptr = nullptr;
  if (bytes <= 0 || cudaMalloc(&ptr, static_cast<size_t>(bytes)) != cudaSuccess) {
    cudaGetLastError();
    return nullptr;
  }
  return ptr;
}

int32_t device_free(void* ptr) noexcept { return cudaFree(ptr) == cudaSuccess ? kOk : kErrCuda; }

int32_t copy_to_device(void* dst, const void* src, int64_t bytes) noexcept {
  return cudaMemcpy(dst, src, static_cast<size_t>(bytes), cudaMemcpyHostToDevice) == cudaSuccess
             ? kOk
             : kErrCuda;
}

int32_t copy_to_host(void* dst, const void* src, int64_t bytes) noexcept {
  return cudaMemcpy(dst, src, static_cast<size_t>(bytes), cudaMemcpyDeviceToHost) == cudaSuccess
             ? kOk
             : kErrCuda;
}

}  // namespace cuda
}  // namespace gfn4j
