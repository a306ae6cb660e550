// CPU kernels of the 2x2x2 cube environment; batches split across the thread pool when large.
// Validation passes run before any output is written (outputs may alias inputs).
#include "gfn4j/cube2.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 2048;
constexpr int32_t kCorners = 7;
constexpr int32_t kWidth = 2 * kCorners;
constexpr int32_t kMoves = 6;
constexpr int32_t kExit = 6;
constexpr int32_t kReturn = 7;
constexpr int32_t kForward = 7;
constexpr int32_t kBackward = 8;
constexpr int32_t kObs = kCorners * kCorners * 3;

// Quarter turns of U, R and F (clockwise): corner permutation and twist tables.
constexpr int32_t kCp[3][kCorners] = {{3, 0, 1, 2, 4, 5, 6}, {4, 1, 2, 0, 6, 5, 3}, {1, 5, 2, 3, 0, 4, 6}};
constexpr int32_t kCo[3][kCorners] = {{0, 0, 0, 0, 0, 0, 0}, {2, 0, 0, 1, 1, 0, 2}, {1, 2, 0, 0, 2, 1, 0}};

bool bad_shape(int64_t batch) { return batch < 0; }

bool is_s0(const int32_t* c) {
  return std::all_of(c, c + kWidth, [](int32_t x) { return x == -1; });
}

bool is_cube(const int32_t* c) {
  uint32_t seen = 0;
  int32_t twist = 0;
  for (int32_t i = 0; i < kCorners; ++i) {
    const int32_t p = c[i];
    const int32_t o = c[kCorners + i];
    if (p < 0 || p >= kCorners || (seen >> p & 1u) || o < 0 || o > 2) return false;
    seen |= 1u << p;
    twist += o;
  }
  return twist % 3 == 0;
}

bool is_solved(const int32_t* c) {
  for (int32_t i = 0; i < kCorners; ++i) {
    if (c[i] != i || c[kCorners + i] != 0) return false;
  }
  return true;
}

void store_first(std::atomic<int32_t>& status, int32_t code) {
  int32_t expected = kOk;
  status.compare_exchange_strong(expected, code);
}

// `turns` clockwise quarter turns of face f applied to in, written to out (out may alias in).
void turn(const int32_t* in, int32_t f, int32_t turns, int32_t* out) {
  int32_t cur[kWidth];
  int32_t nxt[kWidth];
  std::memcpy(cur, in, sizeof(cur));
  for (int32_t k = 0; k < turns; ++k) {
    for (int32_t i = 0; i < kCorners; ++i) {
      nxt[i] = cur[kCp[f][i]];
      nxt[kCorners + i] = (cur[kCorners + kCp[f][i]] + kCo[f][i]) % 3;
    }
    std::memcpy(cur, nxt, sizeof(cur));
  }
  std::memcpy(out, cur, sizeof(cur));
}

// Move a < 6: face a / 2, one quarter turn (a even) or three (a odd, the inverse).
void move(const int32_t* in, int32_t a, int32_t* out) { turn(in, a / 2, a % 2 == 0 ? 1 : 3, out); }

void unmove(const int32_t* in, int32_t a, int32_t* out) { turn(in, a / 2, a % 2 == 0 ? 3 : 1, out); }

void solved(int32_t* out) {
  for (int32_t i = 0; i < kCorners; ++i) {
    out[i] = i;
    out[kCorners + i] = 0;
  }
}

}  // namespace

int32_t cube2_reset(int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  if (bad_shape(batch) || !cells || !terminal || !pad) return kErrArgument;
  std::fill(cells, cells + batch * kWidth, -1);
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t cube2_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                   int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, float* log_reward) noexcept {
  if (bad_shape(batch) || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out ||
      !log_reward)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        if (terminal[b]) continue;
        const int32_t* c = cells + b * kWidth;
        const int32_t a = actions[b];
        const bool start = is_s0(c);
        if (!start && !is_cube(c)) {
          status.store(kErrArgument);
        } else if (a < 0 || a >= kForward) {
          status.store(kErrActionRange);
        } else if (start && a != 0) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * kWidth;
        int32_t* out = cells_out + b * kWidth;
        const bool was_terminal = terminal[b] != 0;
        const int32_t a = actions[b];
        if (was_terminal || a == kExit) {
          if (out != c) std::memcpy(out, c, sizeof(int32_t) * kWidth);
        } else if (is_s0(c)) {
          solved(out);
        } else {
          move(c, a, out);
        }
        log_reward[b] = 0.0f;
        pad_out[b] = was_terminal;
        terminal_out[b] = was_terminal || a == kExit;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cube2_backward_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                            int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(batch) || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * kWidth;
        const int32_t a = actions[b];
        if (!terminal[b] && is_s0(c)) continue;
        if (!is_cube(c)) {
          status.store(kErrArgument);
        } else if (a < 0 || a >= kBackward) {
          status.store(kErrActionRange);
        } else if (terminal[b] ? a != kExit : (a == kExit || (a == kReturn && !is_solved(c)))) {
          store_first(status, kErrInvalidAction);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * kWidth;
        int32_t* out = cells_out + b * kWidth;
        const bool was_terminal = terminal[b] != 0;
        const bool was_start = !was_terminal && is_s0(c);
        const int32_t a = actions[b];
        if (was_terminal || was_start) {
          if (out != c) std::memcpy(out, c, sizeof(int32_t) * kWidth);
        } else if (a == kReturn) {
          std::fill(out, out + kWidth, -1);
        } else {
          unmove(c, a, out);
        }
        terminal_out[b] = 0;
        pad_out[b] = was_start;
        done[b] = is_s0(out);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cube2_forward_mask(int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  if (bad_shape(batch) || !cells || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        uint8_t* m = invalid + b * kForward;
        const uint8_t start = is_s0(cells + b * kWidth);
        for (int32_t a = 0; a < kForward; ++a) m[a] = a == 0 ? 0 : start;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cube2_backward_mask(int64_t batch, const int32_t* cells, const uint8_t* terminal, uint8_t* invalid) noexcept {
  if (bad_shape(batch) || !cells || !terminal || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        uint8_t* m = invalid + b * kBackward;
        const int32_t* c = cells + b * kWidth;
        if (terminal[b]) {
          for (int32_t a = 0; a < kBackward; ++a) m[a] = a != kExit;
        } else if (is_s0(c)) {
          std::memset(m, 1, static_cast<size_t>(kBackward));
        } else {
          for (int32_t a = 0; a < kMoves; ++a) m[a] = 0;
          m[kExit] = 1;
          m[kReturn] = !is_solved(c);
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cube2_observe(int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (bad_shape(batch) || !cells || !obs) return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * kWidth;
        if (!is_cube(c) && !is_s0(c)) status.store(kErrArgument);
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * kWidth;
        float* o = obs + b * kObs;
        std::memset(o, 0, sizeof(float) * kObs);
        if (c[0] < 0) continue;  // s0
        for (int32_t i = 0; i < kCorners; ++i) o[21 * i + 3 * c[i] + c[kCorners + i]] = 1.0f;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t cube2_backward_actions(int64_t batch, const int32_t* cells, const int32_t* forward_actions,
                               int32_t* out) noexcept {
  if (bad_shape(batch) || !cells || !forward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) out[b] = is_s0(cells + b * kWidth) ? kReturn : forward_actions[b];
  return kOk;
}

int32_t cube2_forward_actions(int64_t batch, const uint8_t* terminal, const int32_t* backward_actions,
                              int32_t* out) noexcept {
  if (bad_shape(batch) || !terminal || !backward_actions || !out) return kErrArgument;
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t a = backward_actions[b];
    out[b] = terminal[b] ? kExit : (a == kReturn ? 0 : a);
  }
  return kOk;
}

}  // namespace gfn4j
