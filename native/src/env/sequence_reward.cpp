// CPU reward kernels of the sequence environments: bitseq's distance to the nearest mode over
// bit-packed sequences, and table lookups (TFBind8, QM9-small) by base-nchar index.
#include <atomic>
#include <vector>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "gfn4j/sequence.h"

namespace gfn4j {
namespace {
constexpr int64_t kGrain = 256;
}  // namespace

int32_t bitseq_log_reward(int32_t length, int32_t k, int32_t num_modes, const uint64_t* modes, double beta,
                          int64_t count, const int32_t* tokens, const int32_t* rows, double* out) noexcept {
  if (length <= 0 || k <= 0 || k > 30 || num_modes <= 0 || !modes || count < 0 || !tokens || !out)
    return kErrArgument;
  return guarded([&] {
    const int64_t n = static_cast<int64_t>(length) * k;
    const int64_t words = (n + 63) / 64;
    const int32_t nchar = 1 << k;
    std::atomic<int32_t> status{kOk};
    parallel_for(count, kGrain, [&](int64_t begin, int64_t end) {
      std::vector<uint64_t> bits(static_cast<size_t>(words));
      for (int64_t i = begin; i < end; ++i) {
        const int32_t* t = tokens + static_cast<int64_t>(rows ? rows[i] : i) * length;
        std::fill(bits.begin(), bits.end(), 0);
        bool ok = true;
        for (int32_t w = 0; w < length; ++w) {
          if (t[w] < 0 || t[w] >= nchar) ok = false;
          for (int32_t j = 0; j < k; ++j) {
            const int64_t p = static_cast<int64_t>(w) * k + j;
            bits[p >> 6] |= static_cast<uint64_t>((t[w] >> (k - 1 - j)) & 1) << (p & 63);
          }
        }
        if (!ok) {
          status.store(kErrArgument);
          continue;
        }
        int64_t best = n;
        for (int32_t m = 0; m < num_modes; ++m) {
          const uint64_t* mode = modes + m * words;
          int64_t d = 0;
          for (int64_t q = 0; q < words; ++q) d += __builtin_popcountll(bits[q] ^ mode[q]);
          if (d < best) best = d;
        }
        out[i] = -beta * static_cast<double>(best) / static_cast<double>(n);
      }
    });
    return status.load();
  });
}

int32_t sequence_table_log_reward(int32_t length, int32_t nchar, const double* log_table, int64_t table_size,
                                  int64_t count, const int32_t* tokens, const int32_t* rows, double* out) noexcept {
  if (length <= 0 || nchar <= 0 || !log_table || table_size <= 0 || count < 0 || !tokens || !out)
    return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(count, 16 * kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) {
        const int32_t* t = tokens + static_cast<int64_t>(rows ? rows[i] : i) * length;
        int64_t index = 0;
        bool ok = true;
        for (int32_t j = 0; j < length; ++j) {
          if (t[j] < 0 || t[j] >= nchar) ok = false;
          index = index * nchar + t[j];
        }
        if (!ok || index >= table_size) {
          status.store(kErrArgument);
          continue;
        }
        out[i] = log_table[index];
      }
    });
    return status.load();
  });
}

}  // namespace gfn4j
