// CPU kernels of the DAG environment; validation runs over the whole batch before any output
// is written, so errors leave no partial state behind (outputs may alias inputs).
#include "gfn4j/dag.h"

#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 1024;  // states per task

bool bad_shape(int32_t d, int64_t batch) { return d <= 0 || d > 32 || batch < 0; }

// Every cell of the state is 0 or 1.
bool cells_binary(const int32_t* c, int32_t d) {
  const int32_t w = 2 * d * d;
  for (int32_t k = 0; k < w; ++k)
    if (c[k] != 0 && c[k] != 1) return false;
  return true;
}

bool no_edge(const int32_t* c, int32_t d) {
  for (int32_t k = 0; k < d * d; ++k)
    if (c[k]) return false;
  return true;
}

// The states [begin, end) copied to the output unless it is the input (in place).
void copy_range(const int32_t* in, int32_t* out, int64_t begin, int64_t end, int32_t w) {
  if (out != in) std::memcpy(out + begin * w, in + begin * w, sizeof(int32_t) * (end - begin) * w);
}

void first_error(std::atomic<int32_t>& status, int32_t code) {
  int32_t expected = kOk;
  status.compare_exchange_strong(expected, code);
}

int32_t check_forward(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                      const int32_t* actions) {
  const int32_t w = 2 * d * d;
  const int32_t stop = d * d;
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      if (terminal[b]) continue;
      const int32_t* c = cells + b * w;
      const int32_t a = actions[b];
      if (!cells_binary(c, d)) {
        status.store(kErrArgument);
      } else if (a < 0 || a > stop) {
        status.store(kErrActionRange);
      } else if (a < stop && (c[a] | c[stop + a])) {
        first_error(status, kErrInvalidAction);
      }
    }
  });
  return status.load();
}

int32_t check_backward(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                       const int32_t* actions) {
  const int32_t w = 2 * d * d;
  const int32_t stop = d * d;
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t* c = cells + b * w;
      const int32_t a = actions[b];
      if (!cells_binary(c, d)) {
        status.store(kErrArgument);
      } else if (!terminal[b] && no_edge(c, d)) {
        continue;  // the initial state: padding
      } else if (a < 0 || a > stop) {
        status.store(kErrActionRange);
      } else if (terminal[b] ? a != stop : (a == stop || c[a] == 0)) {
        first_error(status, kErrInvalidAction);
      }
    }
  });
  return status.load();
}

// closure_T of adjacency `adj` into `closure`: reach[j] = nodes reachable from j (j included),
// by Warshall over 64-bit rows, then closure_T(i, j) = [i in reach[j]].
void recompute_closure(const int32_t* adj, int32_t d, int32_t* closure) {
  uint64_t reach[32];
  for (int32_t i = 0; i < d; ++i) {
    uint64_t row = uint64_t{1} << i;
    for (int32_t j = 0; j < d; ++j)
      if (adj[i * d + j]) row |= uint64_t{1} << j;
    reach[i] = row;
  }
  for (int32_t k = 0; k < d; ++k)
    for (int32_t i = 0; i < d; ++i)
      if (reach[i] >> k & 1) reach[i] |= reach[k];
  for (int32_t i = 0; i < d; ++i)
    for (int32_t j = 0; j < d; ++j) closure[i * d + j] = static_cast<int32_t>(reach[j] >> i & 1);
}

}  // namespace

int32_t dag_reset(int32_t d, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept {
  if (bad_shape(d, batch) || !cells || !terminal || !pad) return kErrArgument;
  const int32_t w = 2 * d * d;
  std::memset(cells, 0, sizeof(int32_t) * static_cast<size_t>(batch * w));
  for (int64_t b = 0; b < batch; ++b)
    for (int32_t i = 0; i < d; ++i) cells[b * w + d * d + i * d + i] = 1;
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t dag_step(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                 const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                 uint8_t* pad_out) noexcept {
  if (bad_shape(d, batch) || !cells || !terminal || !actions || !cells_out || !terminal_out || !pad_out)
    return kErrArgument;
  return guarded([&] {
    const int32_t status = check_forward(d, batch, cells, terminal, actions);
    if (status != kOk) return status;
    const int32_t w = 2 * d * d;
    const int32_t stop = d * d;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      copy_range(cells, cells_out, begin, end, w);
      for (int64_t b = begin; b < end; ++b) {
        const bool was_terminal = terminal[b] != 0;
        const int32_t a = actions[b];
        pad_out[b] = was_terminal ? 1 : 0;
        terminal_out[b] = (was_terminal || a == stop) ? 1 : 0;
        if (was_terminal || a == stop) continue;
        int32_t* adj = cells_out + b * w;
        int32_t* closure = adj + stop;
        const int32_t u = a / d;
        const int32_t v = a % d;
        adj[a] = 1;
        // Every j reaching u now reaches every i that v reaches: rows i with closure(i, v) set
        // gain row u. Row u itself is read before it can change (closure(u, v) = 0 here).
        int32_t from_u[32];
        for (int32_t j = 0; j < d; ++j) from_u[j] = closure[u * d + j];
        for (int32_t i = 0; i < d; ++i)
          if (closure[i * d + v])
            for (int32_t j = 0; j < d; ++j) closure[i * d + j] |= from_u[j];
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t dag_backward_step(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                          uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(d, batch) || !cells || !terminal || !actions || !cells_out || !terminal_out ||
      !pad_out || !done)
    return kErrArgument;
  return guarded([&] {
    const int32_t status = check_backward(d, batch, cells, terminal, actions);
    if (status != kOk) return status;
    const int32_t w = 2 * d * d;
    const int32_t stop = d * d;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      copy_range(cells, cells_out, begin, end, w);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* adj = cells_out + b * w;
        const bool was_terminal = terminal[b] != 0;
        const bool was_initial = !was_terminal && no_edge(adj, d);
        if (!was_terminal && !was_initial) {
          adj[actions[b]] = 0;
          recompute_closure(adj, d, adj + stop);
        }
        terminal_out[b] = 0;
        pad_out[b] = was_initial ? 1 : 0;
        done[b] = no_edge(adj, d) ? 1 : 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t dag_forward_mask(int32_t d, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  if (bad_shape(d, batch) || !cells || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t w = 2 * d * d;
    const int32_t n = d * d;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * w;
        uint8_t* m = invalid + b * (n + 1);
        for (int32_t k = 0; k < n; ++k) m[k] = (c[k] | c[n + k]) ? 1 : 0;
        m[n] = 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t dag_backward_mask(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          uint8_t* invalid) noexcept {
  if (bad_shape(d, batch) || !cells || !terminal || !invalid) return kErrArgument;
  return guarded([&] {
    const int32_t w = 2 * d * d;
    const int32_t n = d * d;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* c = cells + b * w;
        uint8_t* m = invalid + b * (n + 1);
        const bool t = terminal[b] != 0;
        for (int32_t k = 0; k < n; ++k) m[k] = (t || c[k] == 0) ? 1 : 0;
        m[n] = t ? 0 : 1;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t dag_observe(int32_t d, int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (bad_shape(d, batch) || !cells || !obs) return kErrArgument;
  return guarded([&] {
    const int32_t w = 2 * d * d;
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b)
        if (!cells_binary(cells + b * w, d)) status.store(kErrArgument);
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin * w; k < end * w; ++k) obs[k] = static_cast<float>(cells[k]);
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
