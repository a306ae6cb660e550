// Row selection and gathers over caller-owned buffers: compaction of a trajectory block's real
// rows before ONNX Runtime's train step (org.gfn4j.tensor.Rows is the Java twin).
#pragma once
#include <cstdint>

namespace gfn4j {

// rows[0..count) <- the indices i < n with pad[i] == 0, in increasing order; returns count
// (or kErrArgument). rows must hold n entries.
int64_t rows_select_real(int64_t n, const uint8_t* pad, int32_t* rows) noexcept;

// Row i of dst <- row rows[i] of src, row_bytes bytes each, for i < count. Every rows[i] must
// lie in [0, src_rows); src and dst must not overlap.
int32_t rows_gather(int64_t count, const int32_t* rows, int64_t src_rows, int64_t row_bytes, const void* src,
                    void* dst) noexcept;

// dst [cols (+1), rows] <- the transpose of src [rows, cols] (floats), followed, when
// append_ones is non-zero, by one row of rows ones: the layout in which a product with another
// [rows, n] block gives both X^T·B and the column sums 1^T·B. Buffers must not overlap. AVX2
// tiles are used when the GEMM's instruction set (gemm_isa() in gfn4j/mlp.h) is AVX2 or above.
int32_t rows_transpose(int64_t rows, int64_t cols, const float* src, float* dst, int32_t append_ones) noexcept;

}  // namespace gfn4j
