// CPU kernels of the exact terminal distribution: a masked softmax over every state's logits and
// a level-by-level pull of probability mass through the state DAG, each level split across the
// thread pool (a state reads only earlier levels, so no two tasks write the same entry).
#include "gfn4j/exact_distribution.h"

#include <atomic>
#include <cmath>
#include <limits>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kRowGrain = 4096;    // softmax rows per task
constexpr int64_t kStateGrain = 1024;  // states (or terminal objects) per task in the sweep

// Sum over the incoming edges [begin, end) of in_edge, always in list order.
inline double pull(const int32_t* in_edge, int32_t begin, int32_t end, int32_t num_actions,
                   const double* probs, const double* mass) {
  double sum = 0.0;
  for (int32_t i = begin; i < end; ++i) {
    const int32_t e = in_edge[i];
    sum += mass[e / num_actions] * probs[e];
  }
  return sum;
}

}  // namespace

int32_t exact_masked_softmax(int64_t rows, int32_t num_actions, const float* logits,
                             const int32_t* children, double* probs) noexcept {
  if (rows < 0 || num_actions <= 0 || !logits || !children || !probs) return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(rows, 4 * kRowGrain, [&](int64_t begin, int64_t end) {
      for (int64_t r = begin; r < end; ++r) {
        const int32_t* c = children + r * num_actions;
        bool any = false;
        for (int32_t a = 0; a < num_actions; ++a) any = any || c[a] >= 0;
        if (!any) status.store(kErrArgument);
      }
    });
    if (status.load() != kOk) return status.load();
    parallel_for(rows, kRowGrain, [&](int64_t begin, int64_t end) {
      for (int64_t r = begin; r < end; ++r) {
        const float* x = logits + r * num_actions;
        const int32_t* c = children + r * num_actions;
        double* p = probs + r * num_actions;
        double max = -std::numeric_limits<double>::infinity();
        for (int32_t a = 0; a < num_actions; ++a)
          if (c[a] >= 0 && static_cast<double>(x[a]) > max) max = x[a];
        double sum = 0.0;
        for (int32_t a = 0; a < num_actions; ++a) {
          p[a] = c[a] >= 0 ? std::exp(static_cast<double>(x[a]) - max) : 0.0;
          sum += p[a];
        }
        for (int32_t a = 0; a < num_actions; ++a) p[a] /= sum;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t exact_propagate(int32_t num_states, int32_t num_terminal, int32_t num_actions,
                        const double* probs, int32_t root, int32_t num_levels,
                        const int32_t* level_start, const int32_t* order, const int32_t* in_start,
                        const int32_t* in_edge, const int32_t* terminal_in_start,
                        const int32_t* terminal_in_edge, double* mass,
                        double* terminal_mass) noexcept {
  if (num_states <= 0 || num_terminal < 0 || num_actions <= 0 || root < 0 ||
      root >= num_states || num_levels <= 0 || !probs || !level_start || !order || !in_start ||
      !in_edge || !terminal_in_start || !terminal_in_edge || !mass || !terminal_mass)
    return kErrArgument;
  if (level_start[0] != 0 || level_start[num_levels] != num_states) return kErrArgument;
  return guarded([&] {
    for (int32_t i = level_start[0]; i < level_start[1]; ++i) {
      const int32_t s = order[i];
      mass[s] = s == root ? 1.0 : 0.0;
    }
    for (int32_t level = 1; level < num_levels; ++level) {
      const int32_t first = level_start[level];
      parallel_for(level_start[level + 1] - first, kStateGrain, [&](int64_t begin, int64_t end) {
        for (int64_t i = first + begin; i < first + end; ++i) {
          const int32_t s = order[i];
          mass[s] = pull(in_edge, in_start[s], in_start[s + 1], num_actions, probs, mass);
        }
      });
    }
    parallel_for(num_terminal, kStateGrain, [&](int64_t begin, int64_t end) {
      for (int64_t x = begin; x < end; ++x)
        terminal_mass[x] = pull(terminal_in_edge, terminal_in_start[x], terminal_in_start[x + 1],
                                num_actions, probs, mass);
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
