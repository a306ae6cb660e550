// Tree regression loss of MCTS-trained soft-DQN: Q regressed onto Q_tree, exits onto log R.
#include "gfn4j/ments_loss.h"

#include <cmath>
#include <vector>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {

int32_t ments_tree_loss(int64_t rows, int64_t actions, const float* logits, const float* log_flow,
                        const uint8_t* invalid, const uint8_t* searched, const float* target,
                        const int32_t* exit_action, const float* log_reward, double* out_loss,
                        float* d_logits, float* d_log_flow) noexcept {
  if (rows < 1 || actions < 1 || !logits || !log_flow || !invalid || !searched || !target ||
      !exit_action || !log_reward || !out_loss || !d_logits || !d_log_flow)
    return kErrArgument;
  int64_t terms = 0;
  for (int64_t r = 0; r < rows; ++r) {
    const int32_t e = exit_action[r];
    if (e < -1 || e >= actions) return kErrActionRange;
    if (e >= 0 && invalid[r * actions + e]) return kErrInvalidAction;
    if (!searched[r] && e < 0) continue;
    bool any = false;
    for (int64_t a = 0; a < actions; ++a) {
      if (invalid[r * actions + a]) continue;
      any = true;
      if (!std::isfinite(logits[r * actions + a]) ||
          (searched[r] && !std::isfinite(target[r * actions + a])))
        return kErrArgument;
    }
    if (!any || !std::isfinite(log_flow[r]) || (e >= 0 && !std::isfinite(log_reward[r])))
      return kErrArgument;
    terms += (searched[r] ? 1 : 0) + (e >= 0 ? 1 : 0);
  }
  return guarded([&]() -> int32_t {
    std::vector<double> row_loss(static_cast<size_t>(rows), 0.0);
    const double scale = terms > 0 ? 1.0 / static_cast<double>(terms) : 0.0;
    parallel_for(rows, 64, [&](int64_t lo, int64_t hi) {
      std::vector<double> dq(static_cast<size_t>(actions));
      for (int64_t r = lo; r < hi; ++r) {
        const float* x = logits + r * actions;
        const uint8_t* inv = invalid + r * actions;
        float* dx = d_logits + r * actions;
        const int32_t e = exit_action[r];
        if (!searched[r] && e < 0) {
          for (int64_t a = 0; a < actions; ++a) dx[a] = 0.0f;
          d_log_flow[r] = 0.0f;
          continue;
        }
        double m = -HUGE_VAL;
        int64_t k = 0;
        for (int64_t a = 0; a < actions; ++a)
          if (!inv[a]) {
            ++k;
            if (x[a] > m) m = x[a];
          }
        double s = 0.0;
        for (int64_t a = 0; a < actions; ++a)
          if (!inv[a]) s += std::exp(static_cast<double>(x[a]) - m);
        const double lse = m + std::log(s);
        double loss = 0.0;
        double dq_sum = 0.0;
        for (int64_t a = 0; a < actions; ++a) {
          dq[a] = 0.0;
          if (inv[a]) continue;
          const double q = static_cast<double>(log_flow[r]) + (static_cast<double>(x[a]) - lse);
          if (searched[r]) {
            const double err = q - static_cast<double>(target[r * actions + a]);
            loss += err * err / static_cast<double>(k);
            dq[a] += 2.0 * err / static_cast<double>(k) * scale;
          }
          if (a == e) {
            const double err = q - static_cast<double>(log_reward[r]);
            loss += err * err;
            dq[a] += 2.0 * err * scale;
          }
          dq_sum += dq[a];
        }
        // Q_a = log F + x_a − lse(x): dQ_a/dlog F = 1, dQ_a/dx_b = [a = b] − softmax(x)_b.
        for (int64_t a = 0; a < actions; ++a)
          dx[a] = inv[a] ? 0.0f
                         : static_cast<float>(dq[a] - std::exp(static_cast<double>(x[a]) - lse) * dq_sum);
        d_log_flow[r] = static_cast<float>(dq_sum);
        row_loss[r] = loss;
      }
    });
    double total = 0.0;
    for (int64_t r = 0; r < rows; ++r) total += row_loss[r];
    *out_loss = total * scale;
    return kOk;
  });
}

}  // namespace gfn4j
