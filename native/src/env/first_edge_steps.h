// The batch kernels shared by environments with a virtual first edge (a sentinel s0 row of -1s
// whose one action leads to the first state, an exit action and a backward "return to s0"
// action): the C++ twin of FirstEdgeSteps.java, so each environment only states its moves.
// The step and observation kernels validate the whole batch before writing anything.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "row_passes.h"

namespace gfn4j {

// A moves type M describes one environment on state rows of M::width() cells:
//   int64_t grain() const              states per task (validation passes take four times more)
//   int32_t width() const              cells per state row
//   int32_t exit_action() const        forward ids are 0..exit; backward ids are 0..exit + 1, where
//                                      the exit's undo keeps the exit's id and exit + 1 returns to s0
//   bool is_state(r) const             r is a valid state other than the sentinel
//   bool forward_allowed(r, a) const   non-exit forward a is allowed from valid state r
//   bool backward_allowed(r, a) const  backward a (a move's undo or the return) is allowed at r
//   void first_state(r) const          writes the state the first edge leads to
//   void forward(r, a) const           applies non-exit forward a to r in place
//   void backward(r, a) const          undoes move a (< exit) of r in place
//   double exit_log_reward(r) const    the log reward a kernel writes when r exits
//   int64_t obs_width() const, int64_t obs_grain() const, void encode(r, o) const
//                                      features: encode writes a non-sentinel state into zeroed o

inline bool is_sentinel(const int32_t* r, int32_t width) {
  return std::all_of(r, r + width, [](int32_t x) { return x == -1; });
}

template <typename M>
int32_t first_edge_reset(const M& m, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  if (batch < 0 || !cells || !terminal || !pad) return kErrArgument;
  std::fill(cells, cells + batch * m.width(), -1);
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

template <typename M>
int32_t first_edge_step(const M& m, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                        const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out,
                        float* log_reward) noexcept {
  if (batch < 0 || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out || !log_reward)
    return kErrArgument;
  const int32_t w = m.width();
  const int32_t exit = m.exit_action();
  const auto check = [&](int64_t b) -> int32_t {
    if (terminal[b]) return kOk;
    const int32_t* c = cells + b * w;
    const int32_t a = actions[b];
    const bool start = is_sentinel(c, w);
    if (!start && !m.is_state(c)) return kErrArgument;
    if (a < 0 || a > exit) return kErrActionRange;
    if (start ? a != 0 : a != exit && !m.forward_allowed(c, a)) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* out) {
    const bool was_terminal = terminal[b] != 0;
    const int32_t a = actions[b];
    float lr = 0.0f;
    if (!was_terminal) {
      if (a == exit) {
        lr = static_cast<float>(m.exit_log_reward(out));
      } else if (is_sentinel(out, w)) {
        m.first_state(out);
      } else {
        m.forward(out, a);
      }
    }
    log_reward[b] = lr;
    pad_out[b] = was_terminal;
    terminal_out[b] = was_terminal || a == exit;
  };
  return check_then_apply(batch, m.grain(), w, cells, cells_out, check, apply);
}

template <typename M>
int32_t first_edge_backward_step(const M& m, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                 const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                                 uint8_t* pad_out, uint8_t* done) noexcept {
  if (batch < 0 || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out || !done)
    return kErrArgument;
  const int32_t w = m.width();
  const int32_t exit = m.exit_action();
  const auto check = [&](int64_t b) -> int32_t {
    const int32_t* c = cells + b * w;
    const int32_t a = actions[b];
    if (!terminal[b] && is_sentinel(c, w)) return kOk;  // s0 has no parent: a padding step
    if (!m.is_state(c)) return kErrArgument;
    if (a < 0 || a > exit + 1) return kErrActionRange;
    if (terminal[b] ? a != exit : a == exit || !m.backward_allowed(c, a)) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* out) {
    const bool was_terminal = terminal[b] != 0;
    const bool was_start = !was_terminal && is_sentinel(out, w);
    const int32_t a = actions[b];
    if (!was_terminal && !was_start) {
      if (a == exit + 1) {
        std::fill(out, out + w, -1);
      } else {
        m.backward(out, a);
      }
    }
    terminal_out[b] = 0;
    pad_out[b] = was_start;
    done[b] = is_sentinel(out, w);
  };
  return check_then_apply(batch, m.grain(), w, cells, cells_out, check, apply);
}

template <typename M>
int32_t first_edge_forward_mask(const M& m, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  const int32_t exit = m.exit_action();
  return fill_masks(batch, m.grain(), m.width(), cells, exit + 1, invalid, [&](int64_t, const int32_t* c, uint8_t* mask) {
    const bool start = is_sentinel(c, m.width());
    for (int32_t a = 0; a <= exit; ++a) mask[a] = start ? a != 0 : a != exit && !m.forward_allowed(c, a);
  });
}

template <typename M>
int32_t first_edge_backward_mask(const M& m, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                 uint8_t* invalid) noexcept {
  if (!terminal) return kErrArgument;
  const int32_t exit = m.exit_action();
  return fill_masks(batch, m.grain(), m.width(), cells, exit + 2, invalid, [&](int64_t b, const int32_t* c, uint8_t* mask) {
    if (terminal[b]) {
      for (int32_t a = 0; a <= exit + 1; ++a) mask[a] = a != exit;
    } else if (is_sentinel(c, m.width())) {
      std::memset(mask, 1, static_cast<size_t>(exit + 2));
    } else {
      for (int32_t a = 0; a <= exit + 1; ++a) mask[a] = a == exit || !m.backward_allowed(c, a);
    }
  });
}

template <typename M>
int32_t first_edge_observe(const M& m, int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (batch < 0 || !cells || !obs) return kErrArgument;
  return guarded([&] {
    const int32_t w = m.width();
    const int32_t status = check_rows(batch, 4 * m.grain(), [&](int64_t b) -> int32_t {
      const int32_t* c = cells + b * w;
      return is_sentinel(c, w) || m.is_state(c) ? kOk : kErrArgument;
    });
    if (status != kOk) return status;
    const int64_t width = m.obs_width();
    parallel_for(batch, m.obs_grain(), [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * w;
        float* o = obs + b * width;
        std::memset(o, 0, sizeof(float) * static_cast<size_t>(width));
        if (c[0] >= 0) m.encode(c, o);  // a validated row starting with -1 is s0: all zeros
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

// The backward action that undoes each forward action from `cells`: the return for the first edge.
template <typename M>
int32_t first_edge_backward_actions(const M& m, int64_t batch, const int32_t* cells,
                                    const int32_t* forward_actions, int32_t* out) noexcept {
  if (batch < 0 || !cells || !forward_actions || !out) return kErrArgument;
  const int32_t w = m.width();
  const int32_t ret = m.exit_action() + 1;
  for (int64_t b = 0; b < batch; ++b) out[b] = is_sentinel(cells + b * w, w) ? ret : forward_actions[b];
  return kOk;
}

// The forward action that each backward action undoes: the exit at terminal states, "enter" for the return.
template <typename M>
int32_t first_edge_forward_actions(const M& m, int64_t batch, const uint8_t* terminal,
                                   const int32_t* backward_actions, int32_t* out) noexcept {
  if (batch < 0 || !terminal || !backward_actions || !out) return kErrArgument;
  const int32_t exit = m.exit_action();
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t a = backward_actions[b];
    out[b] = terminal[b] ? exit : (a == exit + 1 ? 0 : a);
  }
  return kOk;
}

}  // namespace gfn4j
