// CPU kernels of the permutation environment: its moves, over the first-edge batch loops
// (first_edge_steps.h); batches split across the thread pool when large.
#include "gfn4j/permutations.h"

#include <algorithm>

#include "../core/parallel.h"
#include "first_edge_steps.h"
#include "gfn4j/core.h"
#include "row_passes.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 2048;
constexpr int32_t kMaxN = 20;

bool bad_shape(int32_t n, int64_t batch) { return n < 2 || n > kMaxN || batch < 0; }

bool is_permutation(const int32_t* c, int32_t n) {
  uint32_t seen = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (c[i] < 0 || c[i] >= n || (seen >> c[i] & 1u)) return false;
    seen |= 1u << c[i];
  }
  return true;
}

int32_t fixed_points(const int32_t* c, int32_t n) {
  int32_t k = 0;
  for (int32_t i = 0; i < n; ++i) k += c[i] == i;
  return k;
}

// Forward a < n - 1 swaps positions a and a + 1 (its own inverse); n - 1 rotates right by one.
struct PermutationMoves {
  int32_t n;
  double t = 1.0;  // the reward temperature, read by the step kernel only

  int64_t grain() const { return kGrain; }
  int32_t width() const { return n; }
  int32_t exit_action() const { return n; }

  bool is_state(const int32_t* c) const { return is_permutation(c, n); }
  bool forward_allowed(const int32_t*, int32_t) const { return true; }
  bool backward_allowed(const int32_t*, int32_t) const { return true; }

  void first_state(int32_t* c) const {
    for (int32_t i = 0; i < n; ++i) c[i] = i;
  }
  void forward(int32_t* c, int32_t a) const {
    if (a == n - 1) {
      std::rotate(c, c + n - 1, c + n);
    } else {
      std::swap(c[a], c[a + 1]);
    }
  }
  void backward(int32_t* c, int32_t a) const {
    if (a == n - 1) {
      std::rotate(c, c + 1, c + n);
    } else {
      std::swap(c[a], c[a + 1]);
    }
  }
  double exit_log_reward(const int32_t* c) const { return fixed_points(c, n) / t; }

  int64_t obs_width() const { return static_cast<int64_t>(n) * n; }
  int64_t obs_grain() const { return kGrain; }
  void encode(const int32_t* c, float* o) const {
    for (int32_t i = 0; i < n; ++i) o[i * n + c[i]] = 1.0f;
  }
};

}  // namespace

int32_t permutations_reset(int32_t n, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_reset(PermutationMoves{n}, batch, cells, terminal, pad);
}

int32_t permutations_step(int32_t n, double t, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out,
                          float* log_reward) noexcept {
  if (bad_shape(n, batch) || !(t > 0.0)) return kErrArgument;
  return first_edge_step(PermutationMoves{n, t}, batch, cells, terminal, actions, cells_out, terminal_out, pad_out,
                         log_reward);
}

int32_t permutations_backward_step(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                                   uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_backward_step(PermutationMoves{n}, batch, cells, terminal, actions, cells_out, terminal_out,
                                  pad_out, done);
}

int32_t permutations_forward_mask(int32_t n, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_forward_mask(PermutationMoves{n}, batch, cells, invalid);
}

int32_t permutations_backward_mask(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   uint8_t* invalid) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_backward_mask(PermutationMoves{n}, batch, cells, terminal, invalid);
}

int32_t permutations_observe(int32_t n, int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_observe(PermutationMoves{n}, batch, cells, obs);
}

int32_t permutations_log_reward(int32_t n, double t, int64_t batch, const int32_t* cells, double* out) noexcept {
  if (bad_shape(n, batch) || !(t > 0.0) || !cells || !out) return kErrArgument;
  return guarded([&] {
    const int32_t status = check_rows(batch, 4 * kGrain, [&](int64_t b) -> int32_t {
      return is_permutation(cells + b * n, n) ? kOk : kErrArgument;
    });
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) out[b] = fixed_points(cells + b * n, n) / t;
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_backward_actions(int32_t n, int64_t batch, const int32_t* cells,
                                      const int32_t* forward_actions, int32_t* out) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_backward_actions(PermutationMoves{n}, batch, cells, forward_actions, out);
}

int32_t permutations_forward_actions(int32_t n, int64_t batch, const uint8_t* terminal,
                                     const int32_t* backward_actions, int32_t* out) noexcept {
  if (bad_shape(n, batch)) return kErrArgument;
  return first_edge_forward_actions(PermutationMoves{n}, batch, terminal, backward_actions, out);
}

}  // namespace gfn4j
