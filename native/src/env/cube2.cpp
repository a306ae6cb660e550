// CPU kernels of the 2x2x2 cube environment: its moves, over the first-edge batch loops
// (first_edge_steps.h); batches split across the thread pool when large.
#include "gfn4j/cube2.h"

#include <cstring>

#include "first_edge_steps.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 2048;
constexpr int32_t kCorners = 7;
constexpr int32_t kWidth = 2 * kCorners;
constexpr int32_t kExit = 6;
constexpr int32_t kReturn = 7;

// Quarter turns of U, R and F (clockwise): corner permutation and twist tables.
constexpr int32_t kCp[3][kCorners] = {{3, 0, 1, 2, 4, 5, 6}, {4, 1, 2, 0, 6, 5, 3}, {1, 5, 2, 3, 0, 4, 6}};
constexpr int32_t kCo[3][kCorners] = {{0, 0, 0, 0, 0, 0, 0}, {2, 0, 0, 1, 1, 0, 2}, {1, 2, 0, 0, 2, 1, 0}};

bool is_solved(const int32_t* c) {
  for (int32_t i = 0; i < kCorners; ++i) {
    if (c[i] != i || c[kCorners + i] != 0) return false;
  }
  return true;
}

// `turns` clockwise quarter turns of face f applied to c in place.
void turn(int32_t* c, int32_t f, int32_t turns) {
  int32_t nxt[kWidth];
  for (int32_t k = 0; k < turns; ++k) {
    for (int32_t i = 0; i < kCorners; ++i) {
      nxt[i] = c[kCp[f][i]];
      nxt[kCorners + i] = (c[kCorners + kCp[f][i]] + kCo[f][i]) % 3;
    }
    std::memcpy(c, nxt, sizeof(nxt));
  }
}

// Move a < 6: face a / 2, one quarter turn (a even) or three (a odd, the inverse). The solved cube
// is the one start state, so the return to s0 is allowed there only.
struct CubeMoves {
  int64_t grain() const { return kGrain; }
  int32_t width() const { return kWidth; }
  int32_t exit_action() const { return kExit; }

  bool is_state(const int32_t* c) const {
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
  bool forward_allowed(const int32_t*, int32_t) const { return true; }
  bool backward_allowed(const int32_t* c, int32_t a) const { return a != kReturn || is_solved(c); }

  void first_state(int32_t* c) const {
    for (int32_t i = 0; i < kCorners; ++i) {
      c[i] = i;
      c[kCorners + i] = 0;
    }
  }
  void forward(int32_t* c, int32_t a) const { turn(c, a / 2, a % 2 == 0 ? 1 : 3); }
  void backward(int32_t* c, int32_t a) const { turn(c, a / 2, a % 2 == 0 ? 3 : 1); }
  double exit_log_reward(const int32_t*) const { return 0.0; }

  int64_t obs_width() const { return kCorners * kCorners * 3; }
  int64_t obs_grain() const { return kGrain; }
  // One-hot of (corner at position i, its twist), 21 features a position.
  void encode(const int32_t* c, float* o) const {
    for (int32_t i = 0; i < kCorners; ++i) o[21 * i + 3 * c[i] + c[kCorners + i]] = 1.0f;
  }
};

}  // namespace

int32_t cube2_reset(int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  return first_edge_reset(CubeMoves{}, batch, cells, terminal, pad);
}

int32_t cube2_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                   int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, float* log_reward) noexcept {
  return first_edge_step(CubeMoves{}, batch, cells, terminal, actions, cells_out, terminal_out, pad_out, log_reward);
}

int32_t cube2_backward_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                            int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  return first_edge_backward_step(CubeMoves{}, batch, cells, terminal, actions, cells_out, terminal_out, pad_out,
                                  done);
}

int32_t cube2_forward_mask(int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  return first_edge_forward_mask(CubeMoves{}, batch, cells, invalid);
}

int32_t cube2_backward_mask(int64_t batch, const int32_t* cells, const uint8_t* terminal,
                            uint8_t* invalid) noexcept {
  return first_edge_backward_mask(CubeMoves{}, batch, cells, terminal, invalid);
}

int32_t cube2_observe(int64_t batch, const int32_t* cells, float* obs) noexcept {
  return first_edge_observe(CubeMoves{}, batch, cells, obs);
}

int32_t cube2_backward_actions(int64_t batch, const int32_t* cells, const int32_t* forward_actions,
                               int32_t* out) noexcept {
  return first_edge_backward_actions(CubeMoves{}, batch, cells, forward_actions, out);
}

int32_t cube2_forward_actions(int64_t batch, const uint8_t* terminal, const int32_t* backward_actions,
                              int32_t* out) noexcept {
  return first_edge_forward_actions(CubeMoves{}, batch, terminal, backward_actions, out);
}

}  // namespace gfn4j
