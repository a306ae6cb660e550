// CPU kernels of the permutation environment; batches split across the thread pool when large.
// Validation passes run before any output is written (outputs may alias inputs).
#include "gfn4j/permutations.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 2048;
constexpr int32_t kMaxN = 20;

bool bad_shape(int32_t n, int64_t batch) { return n < 2 || n > kMaxN || batch < 0; }

bool is_s0(const int32_t* c, int32_t n) {
  return std::all_of(c, c + n, [](int32_t x) { return x == -1; });
}

bool is_permutation(const int32_t* c, int32_t n) {
  uint32_t seen = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (c[i] < 0 || c[i] >= n || (seen >> c[i] & 1u)) return false;
    seen |= 1u << c[i];
  }
  return true;
}

// Every state is s0 or a permutation (s0 only when allow_s0), else kErrArgument.
int32_t check_cells(int32_t n, int64_t batch, const int32_t* cells, bool allow_s0) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t* c = cells + b * n;
      if (!is_permutation(c, n) && !(allow_s0 && is_s0(c, n))) status.store(kErrArgument);
    }
  });
  return status.load();
}

void store_first(std::atomic<int32_t>& status, int32_t code) {
  int32_t expected = kOk;
  status.compare_exchange_strong(expected, code);
}

int32_t fixed_points(const int32_t* c, int32_t n) {
  int32_t k = 0;
  for (int32_t i = 0; i < n; ++i) k += c[i] == i;
  return k;
}

// Applies forward move a (< n) of a permutation into out (out != in).
void move(const int32_t* in, int32_t n, int32_t a, int32_t* out) {
  if (a == n - 1) {
    for (int32_t i = 0; i < n; ++i) out[i] = in[(i + n - 1) % n];
  } else {
    std::memcpy(out, in, sizeof(int32_t) * n);
    std::swap(out[a], out[a + 1]);
  }
}

// Inverse of move a.
void unmove(const int32_t* in, int32_t n, int32_t a, int32_t* out) {
  if (a == n - 1) {
    for (int32_t i = 0; i < n; ++i) out[i] = in[(i + 1) % n];
  } else {
    std::memcpy(out, in, sizeof(int32_t) * n);
    std::swap(out[a], out[a + 1]);
  }
}

}  // namespace

int32_t permutations_reset(int32_t n, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  if (bad_shape(n, batch) || !cells || !terminal || !pad) return kErrArgument;
  std::fill(cells, cells + batch * n, -1);
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t permutations_step(int32_t n, double t, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out,
                          float* log_reward) noexcept {
  if (bad_shape(n, batch) || !(t > 0.0) || !cells || !terminal || !actions || !cells_out || !terminal_out ||
      !pad_out || !log_reward)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        if (terminal[b]) continue;
        const int32_t* c = cells + b * n;
        const int32_t a = actions[b];
        const bool start = is_s0(c, n);
        if (!start && !is_permutation(c, n)) {
          status.store(kErrArgument);
        } else if (a < 0 || a > n) {
          status.store(kErrActionRange);
        } else if (start && a != 0) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      std::vector<int32_t> tmp(n);
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * n;
        int32_t* out = cells_out + b * n;
        const bool was_terminal = terminal[b] != 0;
        const int32_t a = actions[b];
        float lr = 0.0f;
        if (was_terminal || a == n) {
          if (out != c) std::memcpy(out, c, sizeof(int32_t) * n);
          if (!was_terminal) lr = static_cast<float>(fixed_points(out, n) / t);
        } else if (is_s0(c, n)) {
          for (int32_t i = 0; i < n; ++i) out[i] = i;
        } else {
          move(c, n, a, tmp.data());
          std::memcpy(out, tmp.data(), sizeof(int32_t) * n);
        }
        log_reward[b] = lr;
        pad_out[b] = was_terminal;
        terminal_out[b] = was_terminal || a == n;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_backward_step(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                                   uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(n, batch) || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * n;
        const int32_t a = actions[b];
        const bool start = !terminal[b] && is_s0(c, n);
        if (start) continue;
        if (!is_permutation(c, n)) {
          status.store(kErrArgument);
        } else if (a < 0 || a > n + 1) {
          status.store(kErrActionRange);
        } else if (terminal[b] ? a != n : a == n) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      std::vector<int32_t> tmp(n);
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * n;
        int32_t* out = cells_out + b * n;
        const bool was_terminal = terminal[b] != 0;
        const bool was_start = !was_terminal && is_s0(c, n);
        const int32_t a = actions[b];
        if (was_terminal || was_start) {
          if (out != c) std::memcpy(out, c, sizeof(int32_t) * n);
        } else if (a == n + 1) {
          std::fill(out, out + n, -1);
        } else {
          unmove(c, n, a, tmp.data());
          std::memcpy(out, tmp.data(), sizeof(int32_t) * n);
        }
        terminal_out[b] = 0;
        pad_out[b] = was_start;
        done[b] = is_s0(out, n);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_forward_mask(int32_t n, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  if (bad_shape(n, batch) || !cells || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        uint8_t* m = invalid + b * (n + 1);
        const uint8_t start = is_s0(cells + b * n, n);
        for (int32_t a = 0; a <= n; ++a) m[a] = a == 0 ? 0 : start;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_backward_mask(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   uint8_t* invalid) noexcept {
  if (bad_shape(n, batch) || !cells || !terminal || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        uint8_t* m = invalid + b * (n + 2);
        if (terminal[b]) {
          for (int32_t a = 0; a < n + 2; ++a) m[a] = a != n;
        } else if (is_s0(cells + b * n, n)) {
          std::memset(m, 1, static_cast<size_t>(n + 2));
        } else {
          for (int32_t a = 0; a < n + 2; ++a) m[a] = a == n;
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_observe(int32_t n, int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (bad_shape(n, batch) || !cells || !obs) return kErrArgument;
  return guarded([&] {
    if (check_cells(n, batch, cells, true) != kOk) return static_cast<int32_t>(kErrArgument);
    const int64_t width = static_cast<int64_t>(n) * n;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * n;
        float* o = obs + b * width;
        std::memset(o, 0, sizeof(float) * static_cast<size_t>(width));
        if (c[0] < 0) continue;  // s0
        for (int32_t i = 0; i < n; ++i) o[i * n + c[i]] = 1.0f;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_log_reward(int32_t n, double t, int64_t batch, const int32_t* cells, double* out) noexcept {
  if (bad_shape(n, batch) || !(t > 0.0) || !cells || !out) return kErrArgument;
  return guarded([&] {
    if (check_cells(n, batch, cells, false) != kOk) return static_cast<int32_t>(kErrArgument);
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) out[b] = fixed_points(cells + b * n, n) / t;
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t permutations_backward_actions(int32_t n, int64_t batch, const int32_t* cells,
                                      const int32_t* forward_actions, int32_t* out) noexcept {
  if (bad_shape(n, batch) || !cells || !forward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) out[b] = is_s0(cells + b * n, n) ? n + 1 : forward_actions[b];
  return kOk;
}

int32_t permutations_forward_actions(int32_t n, int64_t batch, const uint8_t* terminal,
                                     const int32_t* backward_actions, int32_t* out) noexcept {
  if (bad_shape(n, batch) || !terminal || !backward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t a = backward_actions[b];
    out[b] = terminal[b] ? n : (a == n + 1 ? 0 : a);
  }
  return kOk;
}

}  // namespace gfn4j
