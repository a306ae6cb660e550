// Host-callable CUDA entry points. No CUDA headers here: the JNI glue is compiled by g++.
// Kernels mirror the CPU ones in gfn4j/*.h one to one, over device pointers, and are synchronous
// (they return after the device finished, with kErrCuda on any runtime error).
#pragma once
#include <cstdint>

namespace gfn4j {
namespace cuda {

// Number of visible devices, or a negative CUDA error code (e.g. -35: no driver).
int32_t device_count() noexcept;
// Device memory; nullptr on failure.
void* device_alloc(int64_t bytes) noexcept;
int32_t device_free(void* ptr) noexcept;
int32_t copy_to_device(void* dst, const void* src, int64_t bytes) noexcept;
int32_t copy_to_host(void* dst, const void* src, int64_t bytes) noexcept;

int32_t hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2, int64_t batch,
                       const int32_t* coords, const uint8_t* terminal, const int32_t* actions,
                       int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                       float* log_reward) noexcept;
int32_t hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                               uint8_t* invalid) noexcept;
int32_t hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, uint8_t* invalid) noexcept;
int32_t hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                          float* obs) noexcept;

}  // namespace cuda
}  // namespace gfn4j
