// CPU kernels of the four gfnx sequence environment kinds; validation passes run before any
// output is written, so errors leave no partial state behind (outputs may alias inputs).
#include "gfn4j/sequence.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 2048;  // states per task; below 2x this the caller works alone

struct Shape {
  int32_t kind, length, nchar, pad, bos, eos;
  bool trailing;

  int32_t num_actions() const {
    switch (kind) {
      case kNonAutoregressive: return length * nchar;
      case kPrependAppend: return 2 * nchar;
      case kAutoregressive: return nchar + 1;
      default: return nchar;
    }
  }
  int32_t num_backward() const {
    return kind == kNonAutoregressive ? length : (kind == kPrependAppend ? 2 : 1);
  }
  bool prefix() const { return kind != kNonAutoregressive; }
};

// Reads and checks the shape array; false for null, an unknown kind or inconsistent ids.
bool read_shape(const int32_t* s, Shape& out) {
  if (!s) return false;
  out = Shape{s[0], s[1], s[2], s[3], s[4], s[5], s[6] != 0};
  if (out.kind < kNonAutoregressive || out.kind > kAutoregressive) return false;
  if (out.length <= 0 || out.nchar <= 0) return false;
  if (static_cast<int64_t>(out.length) * out.nchar > (int64_t{1} << 30)) return false;
  for (int32_t id : {out.pad, out.bos, out.eos})
    if (id < out.nchar) return false;
  return true;
}

// Number of characters before the first PAD or EOS.
int32_t prefix_length(const Shape& sh, const int32_t* t) {
  int32_t n = 0;
  while (n < sh.length && t[n] != sh.pad && t[n] != sh.eos) ++n;
  return n;
}

bool is_initial(const Shape& sh, const int32_t* t) {
  return std::all_of(t, t + sh.length, [&](int32_t x) { return x == sh.pad; });
}

// Every token a character or PAD (or, for autoregressive sequences, one EOS right after the
// characters); characters form a prefix unless the kind is non-autoregressive.
bool tokens_valid(const Shape& sh, const int32_t* t) {
  if (!sh.prefix()) {
    for (int32_t i = 0; i < sh.length; ++i)
      if ((t[i] < 0 || t[i] >= sh.nchar) && t[i] != sh.pad) return false;
    return true;
  }
  int32_t n = 0;
  while (n < sh.length && t[n] >= 0 && t[n] < sh.nchar) ++n;
  int32_t i = n;
  if (i < sh.length && sh.kind == kAutoregressive && t[i] == sh.eos) ++i;
  for (; i < sh.length; ++i)
    if (t[i] != sh.pad) return false;
  return true;
}

// A complete sequence: no PAD left, or (autoregressive) stopped with EOS.
bool complete(const Shape& sh, const int32_t* t) {
  for (int32_t i = 0; i < sh.length; ++i) {
    if (t[i] == sh.pad) return false;
    if (t[i] == sh.eos) return true;
  }
  return true;
}

bool state_valid(const Shape& sh, const int32_t* t, bool terminal) {
  return tokens_valid(sh, t) && complete(sh, t) == terminal;
}

template <typename F>
int32_t check_rows(int64_t batch, F&& row_status) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t s = row_status(b);
      if (s == kOk) continue;
      // kErrArgument and kErrActionRange win over kErrInvalidAction, as in every kernel.
      int32_t expected = kOk;
      if (!status.compare_exchange_strong(expected, s) && s != kErrInvalidAction) status.store(s);
    }
  });
  return status.load();
}

int32_t forward_status(const Shape& sh, const int32_t* t, int32_t a) {
  if (!state_valid(sh, t, false)) return kErrArgument;
  if (a < 0 || a >= sh.num_actions()) return kErrActionRange;
  if (sh.kind == kNonAutoregressive && t[a / sh.nchar] != sh.pad) return kErrInvalidAction;
  return kOk;
}

// Applies forward action a to the non-terminal row t in place.
void apply_forward(const Shape& sh, int32_t* t, int32_t a) {
  switch (sh.kind) {
    case kNonAutoregressive:
      t[a / sh.nchar] = a % sh.nchar;
      break;
    case kPrependAppend:
      if (a < sh.nchar) {
        std::memmove(t + 1, t, sizeof(int32_t) * (sh.length - 1));  // the dropped last cell is PAD
        t[0] = a;
      } else {
        t[prefix_length(sh, t)] = a - sh.nchar;
      }
      break;
    case kAutoregressive:
      t[prefix_length(sh, t)] = a == sh.nchar ? sh.eos : a;
      break;
    default:
      t[prefix_length(sh, t)] = a;
      break;
  }
}

int32_t backward_status(const Shape& sh, const int32_t* t, bool terminal, int32_t a) {
  if (!state_valid(sh, t, terminal)) return kErrArgument;
  if (!terminal && is_initial(sh, t)) return kOk;
  if (a < 0 || a >= sh.num_backward()) return kErrActionRange;
  if (sh.kind == kNonAutoregressive && t[a] == sh.pad) return kErrInvalidAction;
  return kOk;
}

// Applies backward action a to the non-initial row t in place.
void apply_backward(const Shape& sh, int32_t* t, int32_t a) {
  if (sh.kind == kNonAutoregressive) {
    t[a] = sh.pad;
    return;
  }
  int32_t last = prefix_length(sh, t);
  if (last < sh.length && t[last] == sh.eos) {
    t[last] = sh.pad;  // undo stop
    return;
  }
  if (sh.kind == kPrependAppend && a == 0) {
    std::memmove(t, t + 1, sizeof(int32_t) * (sh.length - 1));
    t[sh.length - 1] = sh.pad;
    return;
  }
  t[last - 1] = sh.pad;
}

}  // namespace

int32_t sequence_observe(const int32_t* shape, int64_t batch, const int32_t* tokens, int32_t* obs) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !obs) return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int32_t status = check_rows(batch, [&](int64_t b) {
      return tokens_valid(sh, tokens + b * L) ? static_cast<int32_t>(kOk) : static_cast<int32_t>(kErrArgument);
    });
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* t = tokens + b * L;
        int32_t* o = obs + b * (L + 1);
        if (sh.trailing) {
          std::memcpy(o, t, sizeof(int32_t) * L);
          const bool closed = t[L - 1] == sh.pad || t[L - 1] == sh.eos;
          o[L] = closed ? sh.pad : sh.eos;
        } else {
          o[0] = sh.bos;
          std::memcpy(o + 1, t, sizeof(int32_t) * L);
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_observe_one_hot(const int32_t* shape, int32_t classes, int64_t batch, const int32_t* tokens,
                                 float* obs) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || classes <= 0 || batch < 0 || !tokens || !obs) return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int32_t status = check_rows(batch, [&](int64_t b) {
      return tokens_valid(sh, tokens + b * L) ? static_cast<int32_t>(kOk) : static_cast<int32_t>(kErrArgument);
    });
    if (status != kOk) return status;
    const int64_t width = static_cast<int64_t>(L) * classes;
    parallel_for(batch, std::max<int64_t>(64, kGrain * 8 / width), [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* t = tokens + b * L;
        float* o = obs + b * width;
        std::memset(o, 0, sizeof(float) * static_cast<size_t>(width));
        for (int32_t i = 0; i < L; ++i)
          if (t[i] < classes) o[static_cast<int64_t>(i) * classes + t[i]] = 1.0f;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_reset(const int32_t* shape, int64_t batch, int32_t* tokens, uint8_t* terminal,
                       uint8_t* pad) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !terminal || !pad) return kErrArgument;
  std::fill(tokens, tokens + batch * sh.length, sh.pad);
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t sequence_step(const int32_t* shape, int64_t batch, const int32_t* tokens, const uint8_t* terminal,
                      const int32_t* actions, int32_t* tokens_out, uint8_t* terminal_out,
                      uint8_t* pad_out) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !terminal || !actions || !tokens_out ||
      !terminal_out || !pad_out)
    return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int32_t status = check_rows(batch, [&](int64_t b) {
      return terminal[b] ? static_cast<int32_t>(kOk) : forward_status(sh, tokens + b * L, actions[b]);
    });
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (tokens_out != tokens)
        std::memcpy(tokens_out + begin * L, tokens + begin * L, sizeof(int32_t) * (end - begin) * L);
      for (int64_t b = begin; b < end; ++b) {
        const bool was_terminal = terminal[b] != 0;
        int32_t* t = tokens_out + b * L;
        if (!was_terminal) apply_forward(sh, t, actions[b]);
        pad_out[b] = was_terminal;
        terminal_out[b] = was_terminal || complete(sh, t);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_backward_step(const int32_t* shape, int64_t batch, const int32_t* tokens,
                               const uint8_t* terminal, const int32_t* actions, int32_t* tokens_out,
                               uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !terminal || !actions || !tokens_out ||
      !terminal_out || !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int32_t status = check_rows(batch, [&](int64_t b) {
      return backward_status(sh, tokens + b * L, terminal[b] != 0, actions[b]);
    });
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (tokens_out != tokens)
        std::memcpy(tokens_out + begin * L, tokens + begin * L, sizeof(int32_t) * (end - begin) * L);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* t = tokens_out + b * L;
        const bool was_initial = !terminal[b] && is_initial(sh, t);
        if (!was_initial) apply_backward(sh, t, actions[b]);
        terminal_out[b] = 0;
        pad_out[b] = was_initial;
        done[b] = is_initial(sh, t);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_forward_mask(const int32_t* shape, int64_t batch, const int32_t* tokens, uint8_t* invalid) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int64_t A = sh.num_actions();
    if (sh.kind != kNonAutoregressive) {
      std::memset(invalid, 0, static_cast<size_t>(batch * A));
      return static_cast<int32_t>(kOk);
    }
    parallel_for(batch, std::max<int64_t>(16, kGrain * 16 / A), [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* t = tokens + b * L;
        uint8_t* m = invalid + b * A;
        const bool full = std::none_of(t, t + L, [&](int32_t x) { return x == sh.pad; });
        for (int32_t i = 0; i < L; ++i)
          std::memset(m + static_cast<int64_t>(i) * sh.nchar, !full && t[i] != sh.pad, sh.nchar);
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_backward_mask(const int32_t* shape, int64_t batch, const int32_t* tokens, uint8_t* invalid) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int64_t A = sh.num_backward();
    if (sh.kind != kNonAutoregressive) {
      std::memset(invalid, 0, static_cast<size_t>(batch * A));
      return static_cast<int32_t>(kOk);
    }
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* t = tokens + b * L;
        uint8_t* m = invalid + b * A;
        const bool empty = is_initial(sh, t);
        for (int32_t i = 0; i < L; ++i) m[i] = !empty && t[i] == sh.pad;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t sequence_backward_actions(const int32_t* shape, int64_t batch, const int32_t* actions,
                                  int32_t* out) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !actions || !out) return kErrArgument;
  const int32_t A = sh.num_actions();
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t a = actions[b];
    int32_t r = 0;
    if (a >= 0 && a < A) {
      if (sh.kind == kNonAutoregressive) r = a / sh.nchar;
      if (sh.kind == kPrependAppend) r = a < sh.nchar ? 0 : 1;
    }
    out[b] = r;
  }
  return kOk;
}

int32_t sequence_forward_actions(const int32_t* shape, int64_t batch, const int32_t* tokens,
                                 const uint8_t* terminal, const int32_t* backward_actions, int32_t* out) noexcept {
  Shape sh;
  if (!read_shape(shape, sh) || batch < 0 || !tokens || !terminal || !backward_actions || !out) return kErrArgument;
  return guarded([&] {
    const int32_t L = sh.length;
    const int32_t status = check_rows(batch, [&](int64_t b) {
      return backward_status(sh, tokens + b * L, terminal[b] != 0, backward_actions[b]);
    });
    if (status != kOk) return status;
    for (int64_t b = 0; b < batch; ++b) {
      const int32_t* t = tokens + b * L;
      const int32_t ba = backward_actions[b];
      int32_t a = 0;
      if (terminal[b] || !is_initial(sh, t)) {
        const int32_t n = prefix_length(sh, t);
        if (sh.kind == kNonAutoregressive) {
          a = ba * sh.nchar + t[ba];
        } else if (n < L && t[n] == sh.eos) {
          a = sh.nchar;  // the stop action wrote the EOS
        } else if (sh.kind == kPrependAppend) {
          a = ba == 0 ? t[0] : sh.nchar + t[n - 1];
        } else {
          a = t[n - 1];
        }
      }
      out[b] = a;
    }
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
