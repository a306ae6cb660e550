// The GEMM entry point shared by the MLP forward and sgemm, dispatched by instruction set.
#pragma once
#include <cstdint>

namespace gfn4j {

// c [m, n] += a [m, k] · b [k, n] on the calling thread, with the instruction set in force.
void gemm_accumulate(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
                     int64_t ldb, float* c, int64_t ldc);

}  // namespace gfn4j
