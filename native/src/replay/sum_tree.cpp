// Sum tree of prioritized transition replay: batched leaf updates and stratified proportional draws.
#include "gfn4j/sum_tree.h"

#include <cmath>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

bool power_of_two(int64_t n) { return n >= 1 && (n & (n - 1)) == 0; }

}  // namespace

int32_t sum_tree_set(int64_t leaves, double* tree, int64_t n, const int32_t* indices,
                     const double* priorities) noexcept {
  if (!power_of_two(leaves) || !tree || n < 0 || (n > 0 && (!indices || !priorities))) return kErrArgument;
  for (int64_t j = 0; j < n; ++j) {
    if (indices[j] < 0 || indices[j] >= leaves) return kErrArgument;
    if (!(priorities[j] >= 0.0) || !std::isfinite(priorities[j])) return kErrArgument;
  }
  return guarded([&]() -> int32_t {
    for (int64_t j = 0; j < n; ++j) {
      int64_t k = leaves + indices[j];
      tree[k] = priorities[j];
      for (k >>= 1; k >= 1; k >>= 1) tree[k] = tree[2 * k] + tree[2 * k + 1];
    }
    return kOk;
  });
}

int32_t sum_tree_sample(int64_t leaves, const double* tree, int64_t n, const double* uniforms,
                        int32_t* out_indices) noexcept {
  if (!power_of_two(leaves) || !tree || n < 1 || !uniforms || !out_indices) return kErrArgument;
  const double total = tree[1];
  if (!(total > 0.0) || !std::isfinite(total)) return kErrArgument;
  for (int64_t j = 0; j < n; ++j)
    if (!(uniforms[j] >= 0.0 && uniforms[j] < 1.0)) return kErrArgument;
  return guarded([&]() -> int32_t {
    for (int64_t j = 0; j < n; ++j) {
      double mass = (static_cast<double>(j) + uniforms[j]) / static_cast<double>(n) * total;
      int64_t k = 1;
      while (k < leaves) {
        const double left = tree[2 * k], right = tree[2 * k + 1];
        // Rounding can leave mass at or past a subtree's sum: fall to the side that has mass.
        if ((mass < left && left > 0.0) || right <= 0.0) {
          k = 2 * k;
        } else {
          mass -= left;
          k = 2 * k + 1;
        }
      }
      out_indices[j] = static_cast<int32_t>(k - leaves);
    }
    return kOk;
  });
}

}  // namespace gfn4j
