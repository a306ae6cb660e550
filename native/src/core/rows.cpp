// Row selection, gathers and transposes over caller-owned buffers (gfn4j/rows.h): compaction of a
// trajectory block's real rows and the transposed hidden activations of the train step, one call
// per tensor.
#include "gfn4j/rows.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "gfn4j/core.h"
#include "gfn4j/mlp.h"
#include "parallel.h"

namespace gfn4j {
namespace {

// One 8 × 8 tile: dst[c][r] = src[r][c] for r, c < 8 (unpack, shuffle, 128-bit lane permute).
__attribute__((target("avx2"))) inline void tile8_avx2(const float* src, int64_t lds, float* dst, int64_t ldd) {
  __m256 r[8], t[8];
  for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(src + i * lds);
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
    t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
  }
  for (int i = 0; i < 8; i += 4) {
    r[i] = _mm256_shuffle_ps(t[i], t[i + 2], 0x44);
    r[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], 0xEE);
    r[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0x44);
    r[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0xEE);
  }
  for (int i = 0; i < 4; ++i) {
    _mm256_storeu_ps(dst + i * ldd, _mm256_permute2f128_ps(r[i], r[i + 4], 0x20));
    _mm256_storeu_ps(dst + (i + 4) * ldd, _mm256_permute2f128_ps(r[i], r[i + 4], 0x31));
  }
}

// Columns [c0, c1) of the transpose: 8 × 8 tiles where both sides are whole, scalar elsewhere.
template <bool kAvx2>
void transpose_columns(int64_t rows, int64_t cols, const float* src, float* dst, int64_t c0, int64_t c1) {
  constexpr int64_t kRowBlock = 64;  // source rows per pass over the column block
  for (int64_t r0 = 0; r0 < rows; r0 += kRowBlock) {
    const int64_t r1 = std::min(rows, r0 + kRowBlock);
    int64_t c = c0;
    if (kAvx2) {
      for (; c + 8 <= c1; c += 8) {
        int64_t r = r0;
        for (; r + 8 <= r1; r += 8) tile8_avx2(src + r * cols + c, cols, dst + c * rows + r, rows);
        for (; r < r1; ++r)
          for (int64_t j = c; j < c + 8; ++j) dst[j * rows + r] = src[r * cols + j];
      }
    }
    for (; c < c1; ++c)
      for (int64_t r = r0; r < r1; ++r) dst[c * rows + r] = src[r * cols + c];
  }
}

}  // namespace

int64_t rows_select_real(int64_t n, const uint8_t* pad, int32_t* rows) noexcept {
  if (n < 0 || n > INT32_MAX || (n > 0 && (pad == nullptr || rows == nullptr))) return kErrArgument;
  int64_t count = 0;
  for (int64_t i = 0; i < n; ++i) {
    rows[count] = static_cast<int32_t>(i);
    count += pad[i] == 0 ? 1 : 0;  // branch-free: padding follows no pattern the predictor learns
  }
  return count;
}

int32_t rows_gather(int64_t count, const int32_t* rows, int64_t src_rows, int64_t row_bytes, const void* src,
                    void* dst) noexcept {
  if (count < 0 || src_rows < 0 || row_bytes < 0 ||
      (count > 0 && (rows == nullptr || src == nullptr || dst == nullptr))) {
    return kErrArgument;
  }
  for (int64_t i = 0; i < count; ++i) {
    if (rows[i] < 0 || rows[i] >= src_rows) return kErrArgument;
  }
  return guarded([&] {
    const auto* s = static_cast<const unsigned char*>(src);
    auto* d = static_cast<unsigned char*>(dst);
    const size_t bytes = static_cast<size_t>(row_bytes);
    if (bytes == 4) {  // one float or int per row (the log-flow head): a plain load and store
      for (int64_t i = 0; i < count; ++i) std::memcpy(d + 4 * i, s + 4 * static_cast<int64_t>(rows[i]), 4);
    } else {
      for (int64_t i = 0; i < count; ++i) std::memcpy(d + i * row_bytes, s + rows[i] * row_bytes, bytes);
    }
    return static_cast<int32_t>(kOk);
  });
}

int32_t rows_transpose(int64_t rows, int64_t cols, const float* src, float* dst, int32_t append_ones) noexcept {
  if (rows < 0 || cols < 0 || (rows > 0 && cols > 0 && (src == nullptr || dst == nullptr)) ||
      (append_ones != 0 && rows > 0 && dst == nullptr)) {
    return kErrArgument;
  }
  return guarded([&] {
    // The GEMM's instruction-set choice (gfn4j/mlp.h): the CPU probe it made, and set_gemm_isa
    // lowers both kernels at once, so tests reach the portable path too.
    const bool avx2 = gemm_isa() >= kIsaAvx2;
    // Tasks of whole 32-column blocks (32 destination rows each), at least ~64 Ki elements a task.
    parallel_for((cols + 31) / 32, std::max<int64_t>(1, (int64_t{1} << 16) / std::max<int64_t>(1, 32 * rows)),
                 [&](int64_t b0, int64_t b1) {
                   const int64_t c0 = 32 * b0, c1 = std::min(cols, 32 * b1);
                   if (avx2) {
                     transpose_columns<true>(rows, cols, src, dst, c0, c1);
                   } else {
                     transpose_columns<false>(rows, cols, src, dst, c0, c1);
                   }
                 });
    if (append_ones != 0) std::fill(dst + cols * rows, dst + (cols + 1) * rows, 1.0f);
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
