// Instruction-set dispatch of the tiled GEMM (gemm_tiles.h) and the threaded sgemm entry point:
// each instruction set gets its own instantiation, chosen once from the CPU's features.
#include "gemm.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gemm_tiles.h"
#include "gfn4j/core.h"
#include "gfn4j/mlp.h"

namespace gfn4j {
namespace {

using Body = void (*)(int64_t, int64_t, int64_t, const float*, int64_t, const float*, int64_t, float*,
                      int64_t);

// 6 rows × 4 zmm: 24 accumulators + 4 loads + 1 broadcast of the 32 vector registers.
__attribute__((target("avx512f,avx512vl,avx512dq,avx2,fma"))) void body_avx512(
    int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b, int64_t ldb, float* c,
    int64_t ldc) {
  gemm_detail::gemm_body<gemm_detail::v16, 6, 4>(m, n, k, a, lda, b, ldb, c, ldc);
}

// 6 rows × 2 ymm: 12 accumulators + 2 loads + 1 broadcast of the 16 vector registers.
__attribute__((target("avx2,fma"))) void body_avx2(int64_t m, int64_t n, int64_t k, const float* a,
                                                   int64_t lda, const float* b, int64_t ldb, float* c,
                                                   int64_t ldc) {
  gemm_detail::gemm_body<gemm_detail::v8, 6, 2>(m, n, k, a, lda, b, ldb, c, ldc);
}

// SSE2 (every x86-64): 4 rows × 2 xmm; no fma, so products are rounded before the sum.
void body_portable(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
                   int64_t ldb, float* c, int64_t ldc) {
  gemm_detail::gemm_body<gemm_detail::v4, 4, 2>(m, n, k, a, lda, b, ldb, c, ldc);
}

int32_t best_isa() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("fma")) {
    return kIsaAvx512;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return kIsaAvx2;
#endif
  return kIsaPortable;
}

std::atomic<int32_t> g_isa{-1};

int32_t current_isa() {
  int32_t isa = g_isa.load(std::memory_order_relaxed);
  if (isa < 0) {
    isa = best_isa();
    g_isa.store(isa, std::memory_order_relaxed);
  }
  return isa;
}

Body body_for(int32_t isa) {
  switch (isa) {
    case kIsaAvx512: return body_avx512;
    case kIsaAvx2: return body_avx2;
    default: return body_portable;
  }
}

}  // namespace

void gemm_accumulate(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
                     int64_t ldb, float* c, int64_t ldc) {
  if (m <= 0 || n <= 0 || k <= 0) return;
  body_for(current_isa())(m, n, k, a, lda, b, ldb, c, ldc);
}

int32_t sgemm(int64_t m, int64_t n, int64_t k, const float* a, const float* b, float* c) noexcept {
  if (m < 0 || n < 0 || k < 0 || (m * n > 0 && c == nullptr) || (m * k > 0 && a == nullptr) ||
      (k * n > 0 && b == nullptr)) {
    return kErrArgument;
  }
  return guarded([&] {
    // About a million multiply-adds per task, so small products stay on the calling thread.
    const int64_t grain = std::max<int64_t>(6, (int64_t{1} << 20) / std::max<int64_t>(1, n * k));
    parallel_for(m, grain, [&](int64_t begin, int64_t end) {
      std::memset(c + begin * n, 0, static_cast<size_t>((end - begin) * n) * sizeof(float));
      gemm_accumulate(end - begin, n, k, a + begin * k, k, b, n, c + begin * n, n);
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t gemm_isa() noexcept { return current_isa(); }

int32_t set_gemm_isa(int32_t isa) noexcept {
  if (isa < kIsaPortable || isa > best_isa()) return kErrArgument;
  g_isa.store(isa, std::memory_order_relaxed);
  return isa;
}

}  // namespace gfn4j
