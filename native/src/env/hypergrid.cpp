// CPU kernels of the hypergrid environment; the batch is split across the thread pool when it is
// large enough. Validation passes run before any output is written, so errors leave no partial
// state behind (outputs may alias inputs).
#include "gfn4j/hypergrid.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <type_traits>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "hypergrid_reward.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 4096;  // states per task; below 2x this the caller works alone

// Calls f with the dimension as a compile-time constant for the common small dimensions (the
// per-state loops then unroll), else as a plain int.
template <typename F>
void with_dim(int32_t dim, F&& f) {
  switch (dim) {
    case 1: f(std::integral_constant<int32_t, 1>{}); break;
    case 2: f(std::integral_constant<int32_t, 2>{}); break;
    case 3: f(std::integral_constant<int32_t, 3>{}); break;
    case 4: f(std::integral_constant<int32_t, 4>{}); break;
    case 8: f(std::integral_constant<int32_t, 8>{}); break;
    default: f(dim); break;
  }
}

bool bad_shape(int32_t dim, int32_t side, int64_t batch) { return dim <= 0 || side < 2 || batch < 0; }

bool coords_in_range(const int32_t* c, int32_t dim, int32_t side) {
  for (int32_t d = 0; d < dim; ++d)
    if (c[d] < 0 || c[d] >= side) return false;
  return true;
}

// Every state's coordinates in [0, H-1], else kErrArgument (kernels index tables by them).
int32_t check_coords(int32_t dim, int32_t side, int64_t batch, const int32_t* coords) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b)
      if (!coords_in_range(coords + b * dim, dim, side)) status.store(kErrArgument);
  });
  return status.load();
}

// Returns kOk, kErrActionRange or kErrInvalidAction for a whole batch of forward actions.
int32_t check_forward(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                      const uint8_t* terminal, const int32_t* actions) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t a = actions[b];
      if (terminal[b]) continue;
      if (!coords_in_range(coords + b * dim, dim, side)) {
        status.store(kErrArgument);
      } else if (a < 0 || a > dim) {
        status.store(kErrActionRange);
      } else if (a < dim && coords[b * dim + a] >= side - 1) {
        int32_t expected = kOk;
        status.compare_exchange_strong(expected, kErrInvalidAction);
      }
    }
  });
  return status.load();
}

int32_t check_backward(int32_t dim, int64_t batch, const int32_t* coords, const uint8_t* terminal,
                       const int32_t* actions) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t a = actions[b];
      const int32_t* c = coords + b * dim;
      const bool initial = !terminal[b] && std::all_of(c, c + dim, [](int32_t x) { return x == 0; });
      if (initial) continue;
      if (a < 0 || a >= dim) {
        status.store(kErrActionRange);
      } else if (terminal[b] ? a != 0 : c[a] == 0) {
        int32_t expected = kOk;
        status.compare_exchange_strong(expected, kErrInvalidAction);
      }
    }
  });
  return status.load();
}

}  // namespace

int32_t hypergrid_reset(int32_t dim, int64_t batch, int32_t* coords, uint8_t* terminal,
                        uint8_t* pad) noexcept {
  if (dim <= 0 || batch < 0 || !coords || !terminal || !pad) return kErrArgument;
  std::memset(coords, 0, sizeof(int32_t) * static_cast<size_t>(batch * dim));
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2, int64_t batch,
                       const int32_t* coords, const uint8_t* terminal, const int32_t* actions,
                       int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                       float* log_reward) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !actions || !coords_out ||
      !terminal_out || !pad_out || !log_reward)
    return kErrArgument;
  return guarded([&] {
    const int32_t status = check_forward(dim, side, batch, coords, terminal, actions);
    if (status != kOk) return status;
    const double levels[3] = {log_r0, log_r1, log_r2};
    const HypergridReward reward(side, levels);
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (coords_out != coords)  // one copy of the whole range, then the moved coordinate changes
        std::memcpy(coords_out + begin * dim, coords + begin * dim, sizeof(int32_t) * (end - begin) * dim);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* out = coords_out + b * dim;
        const bool was_terminal = terminal[b] != 0;
        const int32_t a = actions[b];
        float lr = 0.0f;
        if (!was_terminal && a == dim) {
          lr = static_cast<float>(reward.log_reward(out, dim));
        } else if (!was_terminal) {
          out[a] += 1;
        }
        log_reward[b] = lr;
        pad_out[b] = was_terminal;
        terminal_out[b] = was_terminal || a == dim;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_backward_step(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, const int32_t* actions,
                                int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                                uint8_t* done) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !actions || !coords_out ||
      !terminal_out || !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    const int32_t status = check_backward(dim, batch, coords, terminal, actions);
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (coords_out != coords)
        std::memcpy(coords_out + begin * dim, coords + begin * dim, sizeof(int32_t) * (end - begin) * dim);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* out = coords_out + b * dim;
        const bool was_terminal = terminal[b] != 0;
        const bool was_initial =
            !was_terminal && std::all_of(out, out + dim, [](int32_t x) { return x == 0; });
        if (!was_terminal && !was_initial) out[actions[b]] -= 1;
        terminal_out[b] = 0;
        pad_out[b] = was_initial;
        done[b] = std::all_of(out, out + dim, [](int32_t x) { return x == 0; });
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                               uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !invalid) return kErrArgument;
  return guarded([&] {
    with_dim(dim, [&](auto n) {
      const int32_t nd = n;
      parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
        for (int64_t b = begin; b < end; ++b) {
          const int32_t* __restrict c = coords + b * nd;
          uint8_t* __restrict m = invalid + b * (nd + 1);
          for (int32_t d = 0; d < nd; ++d) m[d] = c[d] >= side - 1;
          m[nd] = 0;
        }
      });
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        uint8_t* m = invalid + b * dim;
        if (terminal[b]) {
          std::memset(m, 1, dim);
          m[0] = 0;
        } else {
          for (int32_t d = 0; d < dim; ++d) m[d] = c[d] == 0;
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                          float* obs) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !obs) return kErrArgument;
  return guarded([&] {
    if (check_coords(dim, side, batch, coords) != kOk) return static_cast<int32_t>(kErrArgument);
    const int64_t width = static_cast<int64_t>(dim) * side;
    parallel_for(batch, std::max<int64_t>(64, kGrain * 8 / width), [&](int64_t begin, int64_t end) {
      // One pass per row (zero it, then set its ones while the row is in cache): the batch is
      // bandwidth-bound on these writes.
      with_dim(dim, [&](auto n) {
        const int32_t nd = n;
        for (int64_t b = begin; b < end; ++b) {
          const int32_t* __restrict c = coords + b * nd;
          float* __restrict o = obs + b * width;
          std::memset(o, 0, sizeof(float) * static_cast<size_t>(width));
          for (int32_t d = 0; d < nd; ++d) o[d * side + c[d]] = 1.0f;
        }
      });
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_log_reward(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2,
                             int64_t batch, const int32_t* coords, double* out) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !out) return kErrArgument;
  return guarded([&] {
    if (check_coords(dim, side, batch, coords) != kOk) return static_cast<int32_t>(kErrArgument);
    const double levels[3] = {log_r0, log_r1, log_r2};
    const HypergridReward reward(side, levels);
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) out[b] = reward.log_reward(coords + b * dim, dim);
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t hypergrid_backward_actions(int32_t dim, int64_t batch, const int32_t* forward_actions,
                                   int32_t* out) noexcept {
  if (dim <= 0 || batch < 0 || !forward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) out[b] = forward_actions[b] >= dim ? 0 : forward_actions[b];
  return kOk;
}

int32_t hypergrid_forward_actions(int32_t dim, int64_t batch, const uint8_t* terminal,
                                  const int32_t* backward_actions, int32_t* out) noexcept {
  if (dim <= 0 || batch < 0 || !terminal || !backward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) out[b] = terminal[b] ? dim : backward_actions[b];
  return kOk;
}

}  // namespace gfn4j
