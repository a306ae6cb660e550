// Native forward pass of MLP policies and the small-batch single-precision GEMM under it.
//
// Parameters arrive flat in graph order (org.gfn4j.policy.onnx.MlpGraph): for each hidden layer
// weight [in, out] then bias [out], then for each head weight [width, units] then bias [units].
// mlp_pack rearranges them once per optimizer step into the packed layout the forward reads:
// every layer's columns padded with zeros to a multiple of 16 (one vector), and the heads'
// weights concatenated into one [width, sum(units)] matrix, so a forward is one GEMM per layer
// plus one for all heads, with no column remainders.
//
// Arithmetic: every output element is fma(x_k, w_k, acc) over k in increasing order from
// acc = 0, then + bias, then the activation; the split of rows into blocks and threads does not
// change it, so a forward gives the same bits at every thread count. The vector code is chosen at
// run time (AVX-512, AVX2+FMA, or portable SIMD without FMA, whose roundings differ).
#pragma once
#include <cstdint>

namespace gfn4j {

enum MlpActivation : int32_t { kMlpRelu = 0, kMlpLeakyRelu = 1, kMlpGelu = 2, kMlpTanh = 3 };

// Instruction sets of the GEMM code: what gemm_isa() reports and set_gemm_isa() accepts.
enum GemmIsa : int32_t { kIsaPortable = 0, kIsaAvx2 = 1, kIsaAvx512 = 2 };

// Floats of the packed buffer for this architecture; negative (kErrArgument) for bad sizes.
int64_t mlp_packed_size(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                        const int32_t* head_units) noexcept;

// Packs graph-order parameters into `packed` (mlp_packed_size floats).
int32_t mlp_pack(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                 const int32_t* head_units, const float* params, float* packed) noexcept;

// The same packing when `packed` already holds the graph-order parameters in its first floats
// (copied there straight from the training session) and width is a multiple of 16: the hidden
// layers are then already in place and only the heads are rearranged. kErrArgument otherwise.
int32_t mlp_pack_in_place(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                          const int32_t* head_units, float* packed) noexcept;

// Heads for `rows` observations obs [rows, input_size]: head h is written to heads[h]
// [rows, head_units[h]]. Rows with skip[r] != 0 (skip may be null) are not evaluated; their head
// rows are set to zero. Threads over blocks of rows when there are enough of them.
int32_t mlp_forward(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                    const int32_t* head_units, int32_t activation, const float* packed, int64_t rows,
                    const float* obs, const uint8_t* skip, float* const* heads) noexcept;

// mlp_forward that also keeps what a backward pass needs: with acts non-null, the output of hidden
// layer i (after the activation) of the p-th evaluated row (rows in order, skipped ones left out)
// is written to row p of acts[i] [*, width], and *live_rows (if non-null) receives the number of
// evaluated rows. acts[i] must have room for every row that is not skipped.
int32_t mlp_forward_keep(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                         const int32_t* head_units, int32_t activation, const float* packed, int64_t rows,
                         const float* obs, const uint8_t* skip, float* const* heads, float* const* acts,
                         int64_t* live_rows) noexcept;

// c [m, n] = a [m, k] · b [k, n], all row-major and dense; threads over rows when m is large.
int32_t sgemm(int64_t m, int64_t n, int64_t k, const float* a, const float* b, float* c) noexcept;

// The instruction set the GEMM code uses now, and a way to force a lower one (tests run every
// level the CPU has). Asking for more than the CPU has returns kErrArgument and changes nothing.
int32_t gemm_isa() noexcept;
int32_t set_gemm_isa(int32_t isa) noexcept;

}  // namespace gfn4j
