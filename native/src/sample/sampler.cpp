// CPU kernels of gfn4j/sampler.h: Philox draws and the masked epsilon/temperature sampler. The
// arithmetic deciding an action is mirrored operation for operation by
// org.gfn4j.sample.JavaSampler; this file is built with -ffp-contract=off (see CMakeLists.txt).
#include "gfn4j/sampler.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <vector>

#include "../core/parallel.h"
#include "det_exp.h"
#include "gfn4j/core.h"
#include "philox.h"

namespace gfn4j {
namespace {

// Rows per task: about 20 µs of work at ~80 ns per row (the Philox draw, the log-sum-exp) plus
// ~15 ns per action, so a few hundred rows of a small action space (the hypergrid: 160 rows of
// 3 actions) and a row or two of a wide one (bitseq: 3840) already use threads.
int64_t row_grain(int32_t num_actions) {
  return std::max<int64_t>(1, 20000 / (80 + 15 * static_cast<int64_t>(num_actions)));
}

// Rows per task of the validation pass: about 20 µs at ~1 ns per logit, so the hypergrid's
// 3-action rows are checked on the calling thread up to ~6 600 rows (a parallel region costs more
// than checking 512 rows) while wide rows (bitseq) still split.
int64_t check_grain(int32_t num_actions) { return std::max<int64_t>(1, 20000 / std::max<int32_t>(1, num_actions)); }

// Valid logits must be finite or -inf, and at least one finite when any action is valid.
bool row_ok(const float* x, const uint8_t* invalid, int32_t n) {
  bool any_valid = false, any_finite = false;
  for (int32_t k = 0; k < n; ++k) {
    if (invalid[k]) continue;
    any_valid = true;
    if (std::isnan(x[k]) || x[k] == std::numeric_limits<float>::infinity()) return false;
    if (std::isfinite(x[k])) any_finite = true;
  }
  return !any_valid || any_finite;
}

// Weights w_k = det_exp(x_k / t - max) of the valid actions (0 elsewhere); returns their sum
// and stores the max in *max. JavaSampler.weights performs the same operations in the same order.
double weights(const float* x, const uint8_t* invalid, int32_t n, double temperature, double* w, double* max) {
  // Branch-free over the mask (random masks mispredict); invalid entries add exactly +0.0.
  constexpr double kNegInf = -std::numeric_limits<double>::infinity();
  double m = kNegInf;
  for (int32_t k = 0; k < n; ++k) {
    const double z = invalid[k] ? kNegInf : static_cast<double>(x[k]) / temperature;
    m = z > m ? z : m;
  }
  double total = 0.0;
  for (int32_t k = 0; k < n; ++k) {
    const double e = det_exp(static_cast<double>(x[k]) / temperature - m);
    w[k] = invalid[k] ? 0.0 : e;
    total += w[k];
  }
  *max = m;
  return total;
}

// Inverse CDF: the first k whose cumulative weight exceeds u * total (never an invalid k: its
// weight is 0, so the running sum cannot first pass the target there).
int32_t pick_softmax(int32_t n, const double* w, double total, double u) {
  const double target = u * total;
  double c = 0.0;
  int32_t last = -1;
  for (int32_t k = 0; k < n; ++k) {
    c += w[k];
    if (w[k] > 0.0) last = k;
    if (target < c) return k;
  }
  return last;  // u * total rounded up to total
}

int32_t pick_uniform(const uint8_t* invalid, int32_t n, int32_t valid, double u) {
  int32_t j = static_cast<int32_t>(u * valid);
  for (int32_t k = 0; k < n; ++k)
    if (!invalid[k] && j-- == 0) return k;
  return 0;  // unreachable: j < valid
}

}  // namespace

int32_t philox4x32_10(int64_t n, const uint32_t* counters, const uint32_t* keys,
                      uint32_t* out) noexcept {
  if (n < 0 || (n > 0 && (!counters || !keys || !out))) return kErrArgument;
  for (int64_t i = 0; i < n; ++i) philox::block(counters + 4 * i, keys + 2 * i, out + 4 * i);
  return kOk;
}

int32_t sample_masked(int64_t batch, int32_t num_actions, const float* logits,
                      const uint8_t* invalid, float epsilon, float temperature, int64_t seed,
                      int64_t step, int32_t slot, int32_t* actions, float* log_prob) noexcept {
  if (batch < 0 || num_actions <= 0 || batch > 0xFFFFFFFFll) return kErrArgument;
  if (batch > 0 && (!logits || !invalid || !actions)) return kErrArgument;
  if (!(epsilon >= 0.0f && epsilon <= 1.0f) || !(temperature > 0.0f) || std::isinf(temperature))
    return kErrArgument;
  return guarded([&]() -> int32_t {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, check_grain(num_actions), [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b)
        if (!row_ok(logits + b * num_actions, invalid + b * num_actions, num_actions))
          status.store(kErrArgument);
    });
    if (status.load() != kOk) return status.load();
    parallel_for(batch, row_grain(num_actions), [&](int64_t begin, int64_t end) {
      std::vector<double> w(num_actions);
      for (int64_t b = begin; b < end; ++b) {
        const float* x = logits + b * num_actions;
        const uint8_t* inv = invalid + b * num_actions;
        int32_t valid = 0;
        for (int32_t k = 0; k < num_actions; ++k) valid += inv[k] ? 0 : 1;
        if (valid == 0) {
          actions[b] = 0;
          if (log_prob) log_prob[b] = 0.0f;
          continue;
        }
        uint32_t words[4];
        philox::draw(static_cast<uint64_t>(seed), static_cast<uint64_t>(step),
                     static_cast<uint32_t>(slot), static_cast<uint32_t>(b), words);
        const double u = philox::uniform53(words[1], words[2]);
        const bool explore = philox::uniform24(words[0]) < epsilon;
        double m = 0.0, total = 0.0;
        // At temperature 1 the sampling weights are the policy's own, so log_prob reuses them.
        const bool reuse = temperature == 1.0f;
        if (!explore || reuse) total = weights(x, inv, num_actions, temperature, w.data(), &m);
        const int32_t a = explore ? pick_uniform(inv, num_actions, valid, u)
                                  : pick_softmax(num_actions, w.data(), total, u);
        actions[b] = a;
        if (!log_prob) continue;
        if (!reuse) total = weights(x, inv, num_actions, 1.0, w.data(), &m);
        log_prob[b] = static_cast<float>(static_cast<double>(x[a]) - m - std::log(total));
      }
    });
    return kOk;
  });
}

}  // namespace gfn4j
