// CPU kernels of the non-acyclic (plus/minus) hypergrid; the reward table is the hypergrid's.
// Validation passes run before any output is written (outputs may alias inputs).
#include "gfn4j/cyclic_hypergrid.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "hypergrid_reward.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 4096;

bool bad_shape(int32_t dim, int32_t side, int64_t batch) { return dim <= 0 || side < 2 || batch < 0; }

bool is_s0(const int32_t* c, int32_t dim) {
  return std::all_of(c, c + dim, [](int32_t x) { return x == -1; });
}

bool in_range(const int32_t* c, int32_t dim, int32_t side) {
  return std::all_of(c, c + dim, [side](int32_t x) { return x >= 0 && x < side; });
}

void store_first(std::atomic<int32_t>& status, int32_t code) {
  int32_t expected = kOk;
  status.compare_exchange_strong(expected, code);
}

// Forward action a is allowed at cell c (not s0).
bool forward_ok(const int32_t* c, int32_t dim, int32_t side, int32_t a) {
  if (a == 2 * dim) return true;
  return a < dim ? c[a] > 0 : c[a - dim] < side - 1;
}

// Backward action a is allowed at non-terminal cell c (not s0).
bool backward_ok(const int32_t* c, int32_t dim, int32_t side, int32_t a) {
  if (a == 2 * dim + 1) return true;
  if (a == 2 * dim) return false;
  return a < dim ? c[a] < side - 1 : c[a - dim] > 0;
}

}  // namespace

int32_t cyclic_hypergrid_reset(int32_t dim, int64_t batch, int32_t* coords, uint8_t* terminal,
                               uint8_t* pad) noexcept {
  if (dim <= 0 || batch < 0 || !coords || !terminal || !pad) return kErrArgument;
  std::fill(coords, coords + batch * dim, -1);
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t cyclic_hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2,
                              int64_t batch, const int32_t* coords, const uint8_t* terminal,
                              const int32_t* actions, int32_t* coords_out, uint8_t* terminal_out,
                              uint8_t* pad_out, float* log_reward) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !actions || !coords_out || !terminal_out ||
      !pad_out || !log_reward)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        if (terminal[b]) continue;
        const int32_t* c = coords + b * dim;
        const int32_t a = actions[b];
        const bool start = is_s0(c, dim);
        if (!start && !in_range(c, dim, side)) {
          status.store(kErrArgument);
        } else if (a < 0 || a > 2 * dim) {
          status.store(kErrActionRange);
        } else if (start ? a != 0 : !forward_ok(c, dim, side, a)) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    const double levels[3] = {log_r0, log_r1, log_r2};
    const HypergridReward reward(side, levels);
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (coords_out != coords)
        std::memcpy(coords_out + begin * dim, coords + begin * dim, sizeof(int32_t) * (end - begin) * dim);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* out = coords_out + b * dim;
        const bool was_terminal = terminal[b] != 0;
        const int32_t a = actions[b];
        float lr = 0.0f;
        if (!was_terminal) {
          if (a == 2 * dim) {
            lr = static_cast<float>(reward.log_reward(out, dim));
          } else if (is_s0(out, dim)) {
            std::fill(out, out + dim, 0);
          } else if (a < dim) {
            out[a] -= 1;
          } else {
            out[a - dim] += 1;
          }
        }
        log_reward[b] = lr;
        pad_out[b] = was_terminal;
        terminal_out[b] = was_terminal || a == 2 * dim;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cyclic_hypergrid_backward_step(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, const int32_t* actions, int32_t* coords_out,
                                       uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !actions || !coords_out || !terminal_out ||
      !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        const int32_t a = actions[b];
        if (!terminal[b] && is_s0(c, dim)) continue;
        if (!in_range(c, dim, side)) {
          status.store(kErrArgument);
        } else if (a < 0 || a > 2 * dim + 1) {
          status.store(kErrActionRange);
        } else if (terminal[b] ? a != 2 * dim : !backward_ok(c, dim, side, a)) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (coords_out != coords)
        std::memcpy(coords_out + begin * dim, coords + begin * dim, sizeof(int32_t) * (end - begin) * dim);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* out = coords_out + b * dim;
        const bool was_terminal = terminal[b] != 0;
        const bool was_start = !was_terminal && is_s0(out, dim);
        const int32_t a = actions[b];
        if (!was_terminal && !was_start) {
          if (a == 2 * dim + 1) {
            std::fill(out, out + dim, -1);
          } else if (a < dim) {
            out[a] += 1;
          } else {
            out[a - dim] -= 1;
          }
        }
        terminal_out[b] = 0;
        pad_out[b] = was_start;
        done[b] = is_s0(out, dim);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cyclic_hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                      uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t na = 2 * dim + 1;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        uint8_t* m = invalid + b * na;
        if (is_s0(c, dim)) {
          for (int32_t a = 0; a < na; ++a) m[a] = a != 0;
        } else {
          for (int32_t a = 0; a < na; ++a) m[a] = !forward_ok(c, dim, side, a);
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cyclic_hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, uint8_t* invalid) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !terminal || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t nb = 2 * dim + 2;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        uint8_t* m = invalid + b * nb;
        if (terminal[b]) {
          for (int32_t a = 0; a < nb; ++a) m[a] = a != 2 * dim;
        } else if (is_s0(c, dim)) {
          std::memset(m, 1, static_cast<size_t>(nb));
        } else {
          for (int32_t a = 0; a < nb; ++a) m[a] = !backward_ok(c, dim, side, a);
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cyclic_hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                 float* obs) noexcept {
  if (bad_shape(dim, side, batch) || !coords || !obs) return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        if (!is_s0(c, dim) && !in_range(c, dim, side)) status.store(kErrArgument);
      }
    });
    if (status.load() != kOk) return status.load();
    const int64_t width = static_cast<int64_t>(dim) * side;
    parallel_for(batch, std::max<int64_t>(64, kGrain * 8 / width), [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = coords + b * dim;
        float* o = obs + b * width;
        std::memset(o, 0, sizeof(float) * static_cast<size_t>(width));
        if (c[0] < 0) continue;  // s0
        for (int32_t d = 0; d < dim; ++d) o[d * side + c[d]] = 1.0f;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cyclic_hypergrid_backward_actions(int32_t dim, int64_t batch, const int32_t* coords,
                                          const int32_t* forward_actions, int32_t* out) noexcept {
  if (dim <= 0 || batch < 0 || !coords || !forward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) out[b] = is_s0(coords + b * dim, dim) ? 2 * dim + 1 : forward_actions[b];
  return kOk;
}

int32_t cyclic_hypergrid_forward_actions(int32_t dim, int64_t batch, const uint8_t* terminal,
                                         const int32_t* backward_actions, int32_t* out) noexcept {
  if (dim <= 0 || batch < 0 || !terminal || !backward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t a = backward_actions[b];
    out[b] = terminal[b] ? 2 * dim : (a == 2 * dim + 1 ? 0 : a);
  }
  return kOk;
}

}  // namespace gfn4j
