// CPU kernels of the DAG environment; validation runs over the whole batch before any output
// is written, so errors leave no partial state behind (outputs may alias inputs).
#include "gfn4j/dag.h"

#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "row_passes.h"

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
  const int32_t w = 2 * d * d;
  const int32_t stop = d * d;
  const auto check = [&](int64_t b) -> int32_t {
    if (terminal[b]) return kOk;
    const int32_t* c = cells + b * w;
    const int32_t a = actions[b];
    if (!cells_binary(c, d)) return kErrArgument;
    if (a < 0 || a > stop) return kErrActionRange;
    if (a < stop && (c[a] | c[stop + a])) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* adj) {
    const bool was_terminal = terminal[b] != 0;
    const int32_t a = actions[b];
    pad_out[b] = was_terminal ? 1 : 0;
    terminal_out[b] = (was_terminal || a == stop) ? 1 : 0;
    if (was_terminal || a == stop) return;
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
  };
  return check_then_apply(batch, kGrain, w, cells, cells_out, check, apply);
}

int32_t dag_backward_step(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                          uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(d, batch) || !cells || !terminal || !actions || !cells_out || !terminal_out ||
      !pad_out || !done)
    return kErrArgument;
  const int32_t w = 2 * d * d;
  const int32_t stop = d * d;
  const auto check = [&](int64_t b) -> int32_t {
    const int32_t* c = cells + b * w;
    const int32_t a = actions[b];
    if (!cells_binary(c, d)) return kErrArgument;
    if (!terminal[b] && no_edge(c, d)) return kOk;  // the initial state: padding
    if (a < 0 || a > stop) return kErrActionRange;
    if (terminal[b] ? a != stop : (a == stop || c[a] == 0)) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* adj) {
    const bool was_terminal = terminal[b] != 0;
    const bool was_initial = !was_terminal && no_edge(adj, d);
    if (!was_terminal && !was_initial) {
      adj[actions[b]] = 0;
      recompute_closure(adj, d, adj + stop);
    }
    terminal_out[b] = 0;
    pad_out[b] = was_initial ? 1 : 0;
    done[b] = no_edge(adj, d) ? 1 : 0;
  };
  return check_then_apply(batch, kGrain, w, cells, cells_out, check, apply);
}

int32_t dag_forward_mask(int32_t d, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept {
  if (bad_shape(d, batch)) return kErrArgument;
  const int32_t n = d * d;
  return fill_masks(batch, kGrain, 2 * n, cells, n + 1, invalid, [&](int64_t, const int32_t* c, uint8_t* m) {
    for (int32_t k = 0; k < n; ++k) m[k] = (c[k] | c[n + k]) ? 1 : 0;
    m[n] = 0;
  });
}

int32_t dag_backward_mask(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          uint8_t* invalid) noexcept {
  if (bad_shape(d, batch) || !terminal) return kErrArgument;
  const int32_t n = d * d;
  return fill_masks(batch, kGrain, 2 * n, cells, n + 1, invalid, [&](int64_t b, const int32_t* c, uint8_t* m) {
    const bool t = terminal[b] != 0;
    for (int32_t k = 0; k < n; ++k) m[k] = (t || c[k] == 0) ? 1 : 0;
    m[n] = t ? 0 : 1;
  });
}

int32_t dag_observe(int32_t d, int64_t batch, const int32_t* cells, float* obs) noexcept {
  if (bad_shape(d, batch) || !cells || !obs) return kErrArgument;
  return guarded([&] {
    const int32_t w = 2 * d * d;
    const int32_t status = check_rows(batch, kGrain, [&](int64_t b) -> int32_t {
      return cells_binary(cells + b * w, d) ? kOk : kErrArgument;
    });
    if (status != kOk) return status;
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin * w; k < end * w; ++k) obs[k] = static_cast<float>(cells[k]);
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
