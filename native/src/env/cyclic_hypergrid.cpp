// CPU kernels of the non-acyclic (plus/minus) hypergrid; the reward table is the hypergrid's and
// the batch loops are the first-edge ones (first_edge_steps.h).
#include "gfn4j/cyclic_hypergrid.h"

#include <algorithm>

#include "first_edge_steps.h"
#include "gfn4j/core.h"
#include "hypergrid_reward.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 4096;

bool bad_shape(int32_t dim, int32_t side, int64_t batch) { return dim <= 0 || side < 2 || batch < 0; }

// Forward a < dim steps coordinate a down, dim <= a < 2 dim steps coordinate a - dim up, 2 dim exits.
struct CyclicMoves {
  int32_t dim;
  int32_t side;
  const HypergridReward* reward;  // the step kernel's only

  int64_t grain() const { return kGrain; }
  int32_t width() const { return dim; }
  int32_t exit_action() const { return 2 * dim; }

  bool is_state(const int32_t* c) const {
    return std::all_of(c, c + dim, [this](int32_t x) { return x >= 0 && x < side; });
  }
  bool forward_allowed(const int32_t* c, int32_t a) const { return a < dim ? c[a] > 0 : c[a - dim] < side - 1; }
  // Backward a < dim undoes a step down (so needs room above), the return is allowed everywhere.
  bool backward_allowed(const int32_t* c, int32_t a) const {
    if (a == 2 * dim + 1) return true;
    return a < dim ? c[a] < side - 1 : c[a - dim] > 0;
  }

  void first_state(int32_t* c) const { std::fill(c, c + dim, 0); }
  void forward(int32_t* c, int32_t a) const { a < dim ? --c[a] : ++c[a - dim]; }
  void backward(int32_t* c, int32_t a) const { a < dim ? ++c[a] : --c[a - dim]; }
  double exit_log_reward(const int32_t* c) const { return reward->log_reward(c, dim); }

  int64_t obs_width() const { return static_cast<int64_t>(dim) * side; }
  int64_t obs_grain() const { return std::max<int64_t>(64, kGrain * 8 / obs_width()); }
  void encode(const int32_t* c, float* o) const {
    for (int32_t d = 0; d < dim; ++d) o[d * side + c[d]] = 1.0f;
  }
};

}  // namespace

int32_t cyclic_hypergrid_reset(int32_t dim, int64_t batch, int32_t* coords, uint8_t* terminal,
                               uint8_t* pad) noexcept {
  if (dim <= 0) return kErrArgument;
  return first_edge_reset(CyclicMoves{dim, 0, nullptr}, batch, coords, terminal, pad);
}

int32_t cyclic_hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2,
                              int64_t batch, const int32_t* coords, const uint8_t* terminal,
                              const int32_t* actions, int32_t* coords_out, uint8_t* terminal_out,
                              uint8_t* pad_out, float* log_reward) noexcept {
  if (bad_shape(dim, side, batch)) return kErrArgument;
  return guarded([&] {
    const double levels[3] = {log_r0, log_r1, log_r2};
    const HypergridReward reward(side, levels);
    return first_edge_step(CyclicMoves{dim, side, &reward}, batch, coords, terminal, actions, coords_out,
                           terminal_out, pad_out, log_reward);
  });
}

int32_t cyclic_hypergrid_backward_step(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, const int32_t* actions, int32_t* coords_out,
                                       uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(dim, side, batch)) return kErrArgument;
  return first_edge_backward_step(CyclicMoves{dim, side, nullptr}, batch, coords, terminal, actions, coords_out,
                                  terminal_out, pad_out, done);
}

int32_t cyclic_hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                      uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch)) return kErrArgument;
  return first_edge_forward_mask(CyclicMoves{dim, side, nullptr}, batch, coords, invalid);
}

int32_t cyclic_hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch)) return kErrArgument;
  return first_edge_backward_mask(CyclicMoves{dim, side, nullptr}, batch, coords, terminal, invalid);
}

int32_t cyclic_hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                 float* obs) noexcept {
  if (bad_shape(dim, side, batch)) return kErrArgument;
  return first_edge_observe(CyclicMoves{dim, side, nullptr}, batch, coords, obs);
}

int32_t cyclic_hypergrid_backward_actions(int32_t dim, int64_t batch, const int32_t* coords,
                                          const int32_t* forward_actions, int32_t* out) noexcept {
  if (dim <= 0) return kErrArgument;
  return first_edge_backward_actions(CyclicMoves{dim, 0, nullptr}, batch, coords, forward_actions, out);
}

int32_t cyclic_hypergrid_forward_actions(int32_t dim, int64_t batch, const uint8_t* terminal,
                                         const int32_t* backward_actions, int32_t* out) noexcept {
  if (dim <= 0) return kErrArgument;
  return first_edge_forward_actions(CyclicMoves{dim, 0, nullptr}, batch, terminal, backward_actions, out);
}

}  // namespace gfn4j
