// Native forward pass of MLP policies (gfn4j/mlp.h): packing of graph-order parameters and a
// forward that runs blocks of rows through every layer while they are hot in cache.
#include "gfn4j/mlp.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "../core/parallel.h"
#include "gemm.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

int64_t pad16(int64_t n) { return (n + 15) / 16 * 16; }

// Sizes and offsets of the packed buffer (see gfn4j/mlp.h).
struct Layout {
  int64_t in = 0, depth = 0, width = 0, wpad = 0, heads = 0, hsum = 0, hpad = 0, total = 0;
  int64_t rows_of(int64_t layer) const { return layer == 0 ? in : wpad; }
  int64_t head_rows() const { return depth == 0 ? in : wpad; }
  // Offset of hidden layer l's weight [rows_of(l), wpad]; its bias [wpad] follows it.
  int64_t layer_offset(int64_t l) const {
    int64_t off = 0;
    for (int64_t i = 0; i < l; ++i) off += (rows_of(i) + 1) * wpad;
    return off;
  }
  int64_t head_offset() const { return layer_offset(depth); }
};

bool make_layout(int32_t in, int32_t depth, int32_t width, int32_t heads, const int32_t* units, Layout* l) {
  if (in < 1 || depth < 0 || width < 1 || heads < 1 || units == nullptr) return false;
  l->in = in;
  l->depth = depth;
  l->width = width;
  l->wpad = pad16(width);
  l->heads = heads;
  for (int32_t h = 0; h < heads; ++h) {
    if (units[h] < 1) return false;
    l->hsum += units[h];
  }
  l->hpad = pad16(l->hsum);
  l->total = l->head_offset() + (l->head_rows() + 1) * l->hpad;
  return true;
}

float activate(int32_t activation, float x) {
  switch (activation) {
    case kMlpRelu: return x > 0.0f ? x : 0.0f;
    case kMlpLeakyRelu: return x >= 0.0f ? x : 0.01f * x;
    case kMlpGelu: return 0.5f * x * (1.0f + std::erf(x * 0.70710678118654752f));
    default: return std::tanh(x);
  }
}

// y [rows, n] = x [rows, k] · w [k, n] + bias, then the activation (activation < 0: none).
void dense(int64_t rows, int64_t n, int64_t k, const float* x, const float* w, const float* bias,
           int32_t activation, float* y) {
  std::memset(y, 0, static_cast<size_t>(rows * n) * sizeof(float));
  gemm_accumulate(rows, n, k, x, k, w, n, y, n);
  for (int64_t r = 0; r < rows; ++r) {
    float* yr = y + r * n;
    for (int64_t j = 0; j < n; ++j) yr[j] += bias[j];
    if (activation == kMlpRelu) {
      for (int64_t j = 0; j < n; ++j) yr[j] = yr[j] > 0.0f ? yr[j] : 0.0f;
    } else if (activation >= 0) {
      for (int64_t j = 0; j < n; ++j) yr[j] = activate(activation, yr[j]);
    }
  }
}

// Rows per block: enough to reuse each weight panel from L2, small enough for L1/L2 scratch.
constexpr int64_t kBlockRows = 48;
// Live rows per task: at least 24 × 0.14 MFLOP (about 40 µs on one core) for the hypergrid's
// 2×256 MLP, so a rollout slot of 48–95 live rows late in the batch still splits across two
// threads (one slot of 50–73 rows: 95–145 µs on one thread, 76–95 µs on two).
constexpr int64_t kRowGrain = 24;

struct Scratch {
  std::vector<float> x, a, b, out;
};

// Evaluates the live rows rows[begin, end) in blocks, scattering head values to their rows; with
// acts, hidden layer i's outputs of the live row at position p go to row p of acts[i] [*, width].
void forward_rows(const Layout& l, const int32_t* units, int32_t activation, const float* packed,
                  const float* obs, const int64_t* rows, int64_t begin, int64_t end, float* const* heads,
                  float* const* acts) {
  thread_local Scratch s;
  const int64_t wide = std::max(l.wpad, l.hpad);
  s.x.resize(static_cast<size_t>(kBlockRows * l.in));
  s.a.resize(static_cast<size_t>(kBlockRows * wide));
  s.b.resize(static_cast<size_t>(kBlockRows * wide));
  s.out.resize(static_cast<size_t>(kBlockRows * l.hpad));
  for (int64_t i0 = begin; i0 < end; i0 += kBlockRows) {
    const int64_t n = std::min(kBlockRows, end - i0);
    for (int64_t r = 0; r < n; ++r) {
      std::memcpy(s.x.data() + r * l.in, obs + rows[i0 + r] * l.in, static_cast<size_t>(l.in) * sizeof(float));
    }
    const float* x = s.x.data();
    float* y = s.a.data();
    float* spare = s.b.data();
    for (int64_t layer = 0; layer < l.depth; ++layer) {
      const float* w = packed + l.layer_offset(layer);
      const int64_t k = l.rows_of(layer);
      // Kept outputs of an unpadded layer are written in place: the next layer reads them there.
      const bool in_place = acts != nullptr && l.wpad == l.width;
      float* out = in_place ? acts[layer] + i0 * l.width : y;
      dense(n, l.wpad, k, x, w, w + k * l.wpad, activation, out);
      if (acts != nullptr && !in_place) {
        for (int64_t r = 0; r < n; ++r) {
          std::memcpy(acts[layer] + (i0 + r) * l.width, y + r * l.wpad, static_cast<size_t>(l.width) * sizeof(float));
        }
      }
      x = out;
      if (!in_place) std::swap(y, spare);
    }
    const float* wh = packed + l.head_offset();
    dense(n, l.hpad, l.head_rows(), x, wh, wh + l.head_rows() * l.hpad, -1, s.out.data());
    for (int64_t r = 0; r < n; ++r) {
      const float* src = s.out.data() + r * l.hpad;
      const int64_t row = rows[i0 + r];
      for (int64_t h = 0; h < l.heads; ++h) {
        std::memcpy(heads[h] + row * units[h], src, static_cast<size_t>(units[h]) * sizeof(float));
        src += units[h];
      }
    }
  }
}

}  // namespace

int64_t mlp_packed_size(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                        const int32_t* head_units) noexcept {
  Layout l;
  return make_layout(input_size, depth, width, num_heads, head_units, &l) ? l.total : static_cast<int64_t>(kErrArgument);
}

int32_t mlp_pack(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads, const int32_t* head_units,
                 const float* params, float* packed) noexcept {
  Layout l;
  if (!make_layout(input_size, depth, width, num_heads, head_units, &l) || params == nullptr || packed == nullptr) {
    return kErrArgument;
  }
  return guarded([&] {
    std::memset(packed, 0, static_cast<size_t>(l.total) * sizeof(float));
    const float* p = params;
    for (int64_t layer = 0; layer < l.depth; ++layer) {
      const int64_t k = layer == 0 ? l.in : l.width;  // graph rows; packed rows may be padded
      float* w = packed + l.layer_offset(layer);
      for (int64_t i = 0; i < k; ++i) std::memcpy(w + i * l.wpad, p + i * l.width, l.width * sizeof(float));
      p += k * l.width;
      std::memcpy(w + l.rows_of(layer) * l.wpad, p, l.width * sizeof(float));
      p += l.width;
    }
    const int64_t k = l.depth == 0 ? l.in : l.width;
    float* wh = packed + l.head_offset();
    int64_t col = 0;
    for (int64_t h = 0; h < l.heads; ++h) {
      const int64_t u = head_units[h];
      for (int64_t i = 0; i < k; ++i) std::memcpy(wh + i * l.hpad + col, p + i * u, u * sizeof(float));
      p += k * u;
      std::memcpy(wh + l.head_rows() * l.hpad + col, p, u * sizeof(float));
      p += u;
      col += u;
    }
    return static_cast<int32_t>(kOk);
  });
}

int32_t mlp_pack_in_place(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                          const int32_t* head_units, float* packed) noexcept {
  Layout l;
  if (!make_layout(input_size, depth, width, num_heads, head_units, &l) || packed == nullptr || l.wpad != l.width) {
    return kErrArgument;
  }
  return guarded([&] {
    const int64_t k = l.head_rows();
    float* heads = packed + l.head_offset();
    thread_local std::vector<float> graph;  // the heads in graph order, before they are spread out
    graph.assign(heads, heads + (k + 1) * l.hsum);
    std::memset(heads, 0, static_cast<size_t>((k + 1) * l.hpad) * sizeof(float));
    const float* p = graph.data();
    int64_t col = 0;
    for (int64_t h = 0; h < l.heads; ++h) {
      const int64_t u = head_units[h];
      for (int64_t i = 0; i < k; ++i) std::memcpy(heads + i * l.hpad + col, p + i * u, u * sizeof(float));
      p += k * u;
      std::memcpy(heads + k * l.hpad + col, p, u * sizeof(float));
      p += u;
      col += u;
    }
    return static_cast<int32_t>(kOk);
  });
}

int32_t mlp_forward(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads, const int32_t* head_units,
                    int32_t activation, const float* packed, int64_t rows, const float* obs, const uint8_t* skip,
                    float* const* heads) noexcept {
  return mlp_forward_keep(input_size, depth, width, num_heads, head_units, activation, packed, rows, obs, skip, heads,
                          nullptr, nullptr);
}

int32_t mlp_forward_keep(int32_t input_size, int32_t depth, int32_t width, int32_t num_heads,
                         const int32_t* head_units, int32_t activation, const float* packed, int64_t rows,
                         const float* obs, const uint8_t* skip, float* const* heads, float* const* acts,
                         int64_t* live_rows) noexcept {
  Layout l;
  if (!make_layout(input_size, depth, width, num_heads, head_units, &l) || activation < kMlpRelu ||
      activation > kMlpTanh || rows < 0 || (rows > 0 && (packed == nullptr || obs == nullptr || heads == nullptr))) {
    return kErrArgument;
  }
  for (int32_t h = 0; rows > 0 && h < num_heads; ++h) {
    if (heads[h] == nullptr) return kErrArgument;
  }
  for (int32_t i = 0; acts != nullptr && rows > 0 && i < depth; ++i) {
    if (acts[i] == nullptr) return kErrArgument;
  }
  return guarded([&] {
    thread_local std::vector<int64_t> live;
    live.clear();
    for (int64_t r = 0; r < rows; ++r) {
      if (skip != nullptr && skip[r] != 0) {
        for (int32_t h = 0; h < num_heads; ++h) {
          std::memset(heads[h] + r * head_units[h], 0, static_cast<size_t>(head_units[h]) * sizeof(float));
        }
      } else {
        live.push_back(r);
      }
    }
    const int64_t* idx = live.data();
    parallel_for(static_cast<int64_t>(live.size()), kRowGrain, [&](int64_t begin, int64_t end) {
      forward_rows(l, head_units, activation, packed, obs, idx, begin, end, heads, acts);
    });
    if (live_rows != nullptr) *live_rows = static_cast<int64_t>(live.size());
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
