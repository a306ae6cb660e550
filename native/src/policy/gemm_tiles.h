// Register-tiled single-precision GEMM bodies, instantiated once per instruction set by gemm.cpp:
// c [m, n] += a [m, k] · b [k, n] (row-major, leading dimensions given), one thread.
#pragma once
#include <algorithm>
#include <cstdint>

namespace gfn4j {
namespace gemm_detail {

// One register of floats (zmm, ymm, xmm). Each instruction set instantiates
// the tiles with its native width: wider generic vectors split into halves that GCC then keeps
// in memory instead of registers.
typedef float v16 __attribute__((vector_size(64)));
typedef float v8 __attribute__((vector_size(32)));
typedef float v4 __attribute__((vector_size(16)));

// Unaligned vector access (the typedefs' alignment is not honoured through pointer casts).
template <typename V>
__attribute__((always_inline)) inline V load(const float* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof(V));
  return v;
}

template <typename V>
__attribute__((always_inline)) inline void store(float* p, V v) {
  __builtin_memcpy(p, &v, sizeof(V));
}

template <typename V>
constexpr int64_t kLanes = static_cast<int64_t>(sizeof(V) / sizeof(float));

// Columns of b kept hot in L2 per pass, and the depth of one pass (the k-blocking).
constexpr int64_t kColumnBlock = 256;
constexpr int64_t kDepthBlock = 256;

// MR rows × NV vectors of c held in registers while k runs; each step loads NV vectors of b
// once and reuses them for MR rows. Per element: acc = fma(a, b, acc) in increasing k.
template <typename V, int MR, int NV>
__attribute__((always_inline)) inline void tile(int64_t k, const float* a, int64_t lda, const float* b,
                                                int64_t ldb, float* c, int64_t ldc) {
  constexpr int64_t L = kLanes<V>;
  V acc[MR][NV];
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
#pragma GCC unroll 8
    for (int v = 0; v < NV; ++v) acc[r][v] = load<V>(c + r * ldc + L * v);
  }
  for (int64_t p = 0; p < k; ++p) {
    V bv[NV];
#pragma GCC unroll 8
    for (int v = 0; v < NV; ++v) bv[v] = load<V>(b + p * ldb + L * v);
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
      const float x = a[r * lda + p];
#pragma GCC unroll 8
      for (int v = 0; v < NV; ++v) acc[r][v] += x * bv[v];
    }
  }
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
#pragma GCC unroll 8
    for (int v = 0; v < NV; ++v) store<V>(c + r * ldc + L * v, acc[r][v]);
  }
}

// Fewer than one vector of trailing columns: the same fma chain, one element at a time.
__attribute__((always_inline)) inline void tail(int64_t rows, int64_t cols, int64_t k, const float* a,
                                                int64_t lda, const float* b, int64_t ldb, float* c,
                                                int64_t ldc) {
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t j = 0; j < cols; ++j) {
      float acc = c[r * ldc + j];
      for (int64_t p = 0; p < k; ++p) acc += a[r * lda + p] * b[p * ldb + j];
      c[r * ldc + j] = acc;
    }
  }
}

// tile<V, rows, NV> for a run-time row count 1 <= rows <= R.
template <typename V, int R, int NV>
__attribute__((always_inline)) inline void tile_rows(int rows, int64_t k, const float* a, int64_t lda,
                                                     const float* b, int64_t ldb, float* c, int64_t ldc) {
  if (rows == R) {
    tile<V, R, NV>(k, a, lda, b, ldb, c, ldc);
  } else if constexpr (R > 1) {
    tile_rows<V, R - 1, NV>(rows, k, a, lda, b, ldb, c, ldc);
  }
}

// One block of 1..MR rows across columns [j0, j1): wide tiles, then single vectors, then a tail.
template <typename V, int MR, int NV>
__attribute__((always_inline)) inline void row_block(int rows, int64_t j0, int64_t j1, int64_t k,
                                                     const float* a, int64_t lda, const float* b,
                                                     int64_t ldb, float* c, int64_t ldc) {
  constexpr int64_t L = kLanes<V>;
  int64_t j = j0;
  for (; j + L * NV <= j1; j += L * NV) tile_rows<V, MR, NV>(rows, k, a, lda, b + j, ldb, c + j, ldc);
  for (; j + L <= j1; j += L) tile_rows<V, MR, 1>(rows, k, a, lda, b + j, ldb, c + j, ldc);
  if (j < j1) tail(rows, j1 - j, k, a, lda, b + j, ldb, c + j, ldc);
}

// c += a · b blocked over k (kDepthBlock) and columns (kColumnBlock) so the panel of b in use
// stays in L2 while every row block of a streams past it.
template <typename V, int MR, int NV>
__attribute__((always_inline)) inline void gemm_body(int64_t m, int64_t n, int64_t k, const float* a,
                                                     int64_t lda, const float* b, int64_t ldb, float* c,
                                                     int64_t ldc) {
  static_assert(MR >= 1 && MR <= 6, "row tiles of 1..6 rows");
  for (int64_t p0 = 0; p0 < k; p0 += kDepthBlock) {
    const int64_t kc = std::min(kDepthBlock, k - p0);
    for (int64_t j0 = 0; j0 < n; j0 += kColumnBlock) {
      const int64_t j1 = std::min(n, j0 + kColumnBlock);
      for (int64_t i = 0; i < m; i += MR) {
        const int rows = static_cast<int>(std::min<int64_t>(MR, m - i));
        row_block<V, MR, NV>(rows, j0, j1, kc, a + i * lda + p0, lda, b + p0 * ldb, ldb, c + i * ldc, ldc);
      }
    }
  }
}

}  // namespace gemm_detail
}  // namespace gfn4j
