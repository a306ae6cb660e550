// CPU kernels of the phylogenetic-tree environment; validation runs over the whole batch before any
// output is written, and a merge or split touches only the two roots' Fitch rows (incremental parsimony).
#include "gfn4j/phylo.h"

#include <atomic>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 64;
constexpr uint32_t kLow = 0b00001'00001'00001'00001'00001'00001u;

struct Layout {
  int32_t n;
  int32_t packed;
  int64_t left, right, merges, pars, sets, width;
  explicit Layout(int32_t taxa, int32_t p)
      : n(taxa), packed(p), left(taxa), right(2 * int64_t{taxa} - 1), merges(3 * int64_t{taxa} - 2),
        pars(3 * int64_t{taxa} - 1), sets(3 * int64_t{taxa}),
        width(3 * int64_t{taxa} + (int64_t{taxa} - 1) * p) {}
  bool node_ok(int32_t v) const { return v >= -1 && v < 2 * n - 1; }
  const int32_t* set(const int32_t* s, const int32_t* leaves, int32_t node) const {
    return node < n ? leaves + int64_t{node} * packed : s + sets + int64_t{node - n} * packed;
  }
};

bool bad_shape(int32_t taxa, int32_t packed, int64_t batch) { return taxa < 2 || packed < 1 || batch < 0; }

// Field-wise OR-fold onto each 5-bit field's lowest bit: 1 where the field is non-empty.
inline uint32_t non_empty(uint32_t x) { return (x | x >> 1 | x >> 2 | x >> 3 | x >> 4) & kLow; }

// Fitch merge of rows x and y into out (may be null); returns the number of empty intersections.
int32_t merge(const int32_t* x, const int32_t* y, int32_t* out, int32_t packed) {
  int32_t mutations = 0;
  for (int32_t k = 0; k < packed; ++k) {
    const uint32_t a = static_cast<uint32_t>(x[k]);
    const uint32_t b = static_cast<uint32_t>(y[k]);
    const uint32_t inter = a & b;
    const uint32_t empty = non_empty(a) & ~non_empty(inter);  // padding fields are empty in both
    mutations += __builtin_popcount(empty);
    const uint32_t spread = empty * 0b11111u;
    if (out) out[k] = static_cast<int32_t>((inter & ~spread) | ((a | b) & spread));
  }
  return mutations;
}

void first_error(std::atomic<int32_t>& status, int32_t code) {
  int32_t expected = kOk;
  status.compare_exchange_strong(expected, code);
}

}  // namespace

int64_t phylo_state_width(int32_t taxa, int32_t packed) noexcept { return Layout(taxa, packed).width; }

int32_t phylo_reset(int32_t taxa, int32_t packed, int64_t batch, int32_t* cells, uint8_t* terminal,
                    uint8_t* pad) noexcept {
  if (bad_shape(taxa, packed, batch) || !cells || !terminal || !pad) return kErrArgument;
  const Layout L(taxa, packed);
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        int32_t* s = cells + b * L.width;
        std::memset(s, 0, sizeof(int32_t) * L.width);
        for (int32_t i = 0; i < taxa; ++i) s[i] = i;
        for (int64_t k = L.left; k < L.merges; ++k) s[k] = -1;
        terminal[b] = 0;
        pad[b] = 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t phylo_step(int32_t taxa, int32_t packed, int64_t batch, const int32_t* leaf_sets, const int32_t* cells,
                   const uint8_t* terminal, const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                   uint8_t* pad_out) noexcept {
  if (bad_shape(taxa, packed, batch) || !leaf_sets || !cells || !terminal || !actions || !cells_out ||
      !terminal_out || !pad_out)
    return kErrArgument;
  const Layout L(taxa, packed);
  const int64_t pairs = int64_t{taxa} * (taxa - 1) / 2;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        if (terminal[b]) continue;
        const int32_t* s = cells + b * L.width;
        const int32_t a = actions[b];
        if (s[L.merges] < 0 || s[L.merges] >= taxa - 1) {
          status.store(kErrArgument);
        } else if (a < 0 || a >= pairs) {
          status.store(kErrActionRange);
        } else {
          int32_t i = 0;  // row of pair a: pairs before row i number i(2n − i − 1)/2
          while (int64_t{i + 1} * (2 * taxa - i - 2) / 2 <= a) ++i;
          const int32_t j = static_cast<int32_t>(a - int64_t{i} * (2 * taxa - i - 1) / 2) + i + 1;
          if (!L.node_ok(s[i]) || !L.node_ok(s[j])) {
            status.store(kErrArgument);
          } else if (s[i] < 0 || s[j] < 0) {
            first_error(status, kErrInvalidAction);
          }
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (cells_out != cells)
        std::memcpy(cells_out + begin * L.width, cells + begin * L.width, sizeof(int32_t) * (end - begin) * L.width);
      for (int64_t b = begin; b < end; ++b) {
        const bool was_terminal = terminal[b] != 0;
        pad_out[b] = was_terminal ? 1 : 0;
        if (was_terminal) {
          terminal_out[b] = 1;
          continue;
        }
        int32_t* s = cells_out + b * L.width;
        const int32_t a = actions[b];
        int32_t i = 0;
        while (int64_t{i + 1} * (2 * taxa - i - 2) / 2 <= a) ++i;
        const int32_t j = static_cast<int32_t>(a - int64_t{i} * (2 * taxa - i - 1) / 2) + i + 1;
        const int32_t k = j - 1;  // the new node n + k = n − 1 + j
        s[L.left + k] = s[i];
        s[L.right + k] = s[j];
        s[L.pars] += merge(L.set(s, leaf_sets, s[i]), L.set(s, leaf_sets, s[j]), s + L.sets + int64_t{k} * packed,
                           packed);
        s[i] = taxa + k;
        s[j] = -1;
        s[L.merges] += 1;
        terminal_out[b] = s[L.merges] == taxa - 1 ? 1 : 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t phylo_backward_step(int32_t taxa, int32_t packed, int64_t batch, const int32_t* leaf_sets,
                            const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                            int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(taxa, packed, batch) || !leaf_sets || !cells || !terminal || !actions || !cells_out ||
      !terminal_out || !pad_out || !done)
    return kErrArgument;
  const Layout L(taxa, packed);
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 4 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* s = cells + b * L.width;
        const int32_t a = actions[b];
        const int32_t m = s[L.merges];
        if (m < 0 || m > taxa - 1) {
          status.store(kErrArgument);
        } else if (m == 0 && !terminal[b]) {
          continue;
        } else if (a < 0 || a >= taxa - 1) {
          status.store(kErrActionRange);
        } else if (!L.node_ok(s[a])) {
          status.store(kErrArgument);
        } else if (s[a] < taxa) {
          first_error(status, kErrInvalidAction);
        } else {
          const int32_t k = s[a] - taxa;
          const int32_t l = s[L.left + k];
          const int32_t r = s[L.right + k];
          if (l < 0 || r < 0 || !L.node_ok(l) || !L.node_ok(r) || s[k + 1] != -1) status.store(kErrArgument);
        }
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      if (cells_out != cells)
        std::memcpy(cells_out + begin * L.width, cells + begin * L.width, sizeof(int32_t) * (end - begin) * L.width);
      for (int64_t b = begin; b < end; ++b) {
        int32_t* s = cells_out + b * L.width;
        const bool initial = s[L.merges] == 0 && !terminal[b];
        if (!initial) {
          const int32_t i = actions[b];
          const int32_t k = s[i] - taxa;
          const int32_t l = s[L.left + k];
          const int32_t r = s[L.right + k];
          s[L.pars] -= merge(L.set(s, leaf_sets, l), L.set(s, leaf_sets, r), nullptr, packed);
          s[i] = l;
          s[k + 1] = r;
          s[L.left + k] = -1;
          s[L.right + k] = -1;
          std::memset(s + L.sets + int64_t{k} * packed, 0, sizeof(int32_t) * packed);
          s[L.merges] -= 1;
        }
        terminal_out[b] = 0;
        pad_out[b] = initial ? 1 : 0;
        done[b] = s[L.merges] == 0 ? 1 : 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t phylo_forward_mask(int32_t taxa, int32_t packed, int64_t batch, const int32_t* cells,
                           uint8_t* invalid) noexcept {
  if (bad_shape(taxa, packed, batch) || !cells || !invalid) return kErrArgument;
  const Layout L(taxa, packed);
  const int64_t pairs = int64_t{taxa} * (taxa - 1) / 2;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* s = cells + b * L.width;
        uint8_t* m = invalid + b * pairs;
        for (int32_t i = 0; i < taxa; ++i) {
          const bool empty_i = s[i] < 0;
          for (int32_t j = i + 1; j < taxa; ++j) *m++ = empty_i || s[j] < 0 ? 1 : 0;
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t phylo_backward_mask(int32_t taxa, int32_t packed, int64_t batch, const int32_t* cells,
                            uint8_t* invalid) noexcept {
  if (bad_shape(taxa, packed, batch) || !cells || !invalid) return kErrArgument;
  const Layout L(taxa, packed);
  return guarded([&] {
    for (int64_t b = 0; b < batch; ++b) {
      const int32_t* s = cells + b * L.width;
      for (int32_t i = 0; i < taxa - 1; ++i) invalid[b * (taxa - 1) + i] = s[i] < taxa ? 1 : 0;
    }
    return static_cast<int32_t>(kOk);
  });
}

int32_t phylo_observe(int32_t taxa, int32_t packed, int32_t sites, int64_t batch, const int32_t* leaf_sets,
                      const int32_t* cells, float* obs) noexcept {
  if (bad_shape(taxa, packed, batch) || sites < 1 || sites > 6 * int64_t{packed} || !leaf_sets || !cells || !obs)
    return kErrArgument;
  const Layout L(taxa, packed);
  for (int64_t b = 0; b < batch; ++b)
    for (int32_t i = 0; i < taxa; ++i)
      if (!L.node_ok(cells[b * L.width + i])) return kErrArgument;
  const int64_t per_slot = int64_t{sites} * 5;
  return guarded([&] {
    parallel_for(batch, 8, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* s = cells + b * L.width;
        for (int32_t i = 0; i < taxa; ++i) {
          float* o = obs + (b * taxa + i) * per_slot;
          if (s[i] < 0) {
            std::memset(o, 0, sizeof(float) * per_slot);
            continue;
          }
          const int32_t* row = L.set(s, leaf_sets, s[i]);
          for (int32_t t = 0; t < sites; ++t) {
            const uint32_t set = static_cast<uint32_t>(row[t / 6]) >> (5 * (t % 6)) & 0b11111u;
            for (int32_t bit = 0; bit < 5; ++bit) o[t * 5 + bit] = static_cast<float>(set >> bit & 1u);
          }
        }
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
