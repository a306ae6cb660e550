// CUDA twins of the hypergrid CPU kernels: one thread per state. Inputs are assumed valid (the
// Java side validates actions with the CPU check before calling the device path).
#include <cuda_runtime.h>
#include <math.h>

#include "gfn4j/core.h"
#include "gfn4j_cuda.h"

namespace gfn4j {
namespace cuda {
namespace {

constexpr int kThreads = 256;

int blocks_for(int64_t n) { return static_cast<int>((n + kThreads - 1) / kThreads); }

int32_t finish() {
  cudaError_t err = cudaGetLastError();
  if (err == cudaSuccess) err = cudaDeviceSynchronize();
  return err == cudaSuccess ? kOk : kErrCuda;
}

__device__ int reward_level(const int32_t* c, int32_t dim, int32_t side) {
  bool ring = true, band = true;
  for (int32_t d = 0; d < dim; ++d) {
    const float a = fabsf(static_cast<float>(c[d]) / static_cast<float>(side - 1) - 0.5f);
    ring = ring && a > 0.25f;
    band = band && a > 0.3f && a < 0.4f;
  }
  return band ? 2 : (ring ? 1 : 0);
}

__global__ void step_kernel(int32_t dim, int32_t side, float lr0, float lr1, float lr2,
                            int64_t batch, const int32_t* coords, const uint8_t* terminal,
                            const int32_t* actions, int32_t* coords_out, uint8_t* terminal_out,
                            uint8_t* pad_out, float* log_reward) {
  const int64_t b = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
  if (b >= batch) return;
  const int32_t* c = coords + b * dim;
  int32_t* out = coords_out + b * dim;
  for (int32_t d = 0; d < dim; ++d) out[d] = c[d];
  const bool was_terminal = terminal[b] != 0;
  const int32_t a = actions[b];
  float lr = 0.0f;
  if (!was_terminal && a == dim) {
    const int level = reward_level(out, dim, side);
    lr = level == 2 ? lr2 : (level == 1 ? lr1 : lr0);
  } else if (!was_terminal) {
    out[a] += 1;
  }
  log_reward[b] = lr;
  pad_out[b] = was_terminal;
  terminal_out[b] = was_terminal || a == dim;
}

__global__ void forward_mask_kernel(int32_t dim, int32_t side, int64_t batch,
                                    const int32_t* coords, uint8_t* invalid) {
  const int64_t b = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
  if (b >= batch) return;
  for (int32_t d = 0; d < dim; ++d) invalid[b * (dim + 1) + d] = coords[b * dim + d] >= side - 1;
  invalid[b * (dim + 1) + dim] = 0;
}

__global__ void backward_mask_kernel(int32_t dim, int64_t batch, const int32_t* coords,
                                     const uint8_t* terminal, uint8_t* invalid) {
  const int64_t b = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
  if (b >= batch) return;
  for (int32_t d = 0; d < dim; ++d)
    invalid[b * dim + d] = terminal[b] ? (d != 0) : (coords[b * dim + d] == 0);
}

__global__ void observe_kernel(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                               float* obs) {
  // One thread per output float: coalesced writes of the one-hot rows.
  const int64_t width = static_cast<int64_t>(dim) * side;
  const int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
  if (i >= batch * width) return;
  const int64_t b = i / width, j = i % width;
  const int32_t d = static_cast<int32_t>(j / side), v = static_cast<int32_t>(j % side);
  obs[i] = coords[b * dim + d] == v ? 1.0f : 0.0f;
}

}  // namespace

int32_t hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2, int64_t batch,
                       const int32_t* coords, const uint8_t* terminal, const int32_t* actions,
                       int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                       float* log_reward) noexcept {
  if (batch == 0) return kOk;
  const float lr0 = static_cast<float>(log_r0);
  const float lr1 = static_cast<float>(log_r1);
  const float lr2 = static_cast<float>(log_r2);
  step_kernel<<<blocks_for(batch), kThreads>>>(dim, side, lr0, lr1, lr2, batch, coords, terminal,
                                               actions, coords_out, terminal_out, pad_out,
                                               log_reward);
  return finish();
}

int32_t hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                               uint8_t* invalid) noexcept {
  if (batch == 0) return kOk;
  forward_mask_kernel<<<blocks_for(batch), kThreads>>>(dim, side, batch, coords, invalid);
  return finish();
}

int32_t hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, uint8_t* invalid) noexcept {
  (void)side;
  if (batch == 0) return kOk;
  backward_mask_kernel<<<blocks_for(batch), kThreads>>>(dim, batch, coords, terminal, invalid);
  return finish();
}

int32_t hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                          float* obs) noexcept {
  if (batch == 0) return kOk;
  observe_kernel<<<blocks_for(batch * dim * side), kThreads>>>(dim, side, batch, coords, obs);
  return finish();
}

}  // namespace cuda
}  // namespace gfn4j
