// Entry points of gfn4j/objective.h: argument and action validation, the per-trajectory split
// across the thread pool, the row-wise log-softmax gradients and a deterministic reduction
// (per-trajectory partial sums added in trajectory order, whatever the thread count).
#include "gfn4j/objective.h"

#include <atomic>
#include <cmath>
#include <vector>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "objective_internal.h"

namespace gfn4j {
namespace objective {

void transition_log_probs(const Block& blk, const Heads& h, bool uniform_backward, int64_t b,
                          double* log_pf, double* log_pb, double* lse_f, double* lse_b) {
  const int32_t n = blk.num_actions, nb = blk.num_backward_actions;
  const float* backward = uniform_backward ? nullptr : h.backward_logits;
  for (int64_t t = 0; t < blk.slots; ++t) {
    double pf = 0.0, pb = 0.0, lf = 0.0, lb = 0.0;
    if (blk.real(t, b)) {
      const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
      if (log_pf || lse_f) {
        const float* row = h.forward_logits + here * n;
        lf = masked_lse(row, blk.fmask(t, b), n);
        pf = log_prob_at(row, lf, blk.actions[here]);
      }
      if (log_pb || lse_b) {
        const float* row = backward ? backward + next * nb : nullptr;
        lb = masked_lse(row, blk.bmask(t + 1, b), nb);
        pb = log_prob_at(row, lb, blk.backward_actions[here]);
      }
    }
    if (log_pf) log_pf[t] = pf;
    if (log_pb) log_pb[t] = pb;
    if (lse_f) lse_f[t] = lf;
    if (lse_b) lse_b[t] = lb;
  }
}

}  // namespace objective

namespace {

using objective::Block;
using objective::Heads;
using objective::Params;
using objective::Upstream;

constexpr int64_t kTrajectoryGrain = 8;

bool uses_backward_actions(int32_t kind) { return kind != kObjectiveSoftDQN; }

bool uses_log_flow(int32_t kind) { return kind != kObjectiveTB && kind != kObjectiveMDB; }

// Range and mask checks of the actions every real transition of `kind` evaluates.
int32_t check_actions(int32_t kind, const Block& blk, const Params& p) {
  std::atomic<int32_t> status{kOk};
  const bool backward = uses_backward_actions(kind);
  parallel_for(blk.batch, 64, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      for (int64_t t = 0; t + 1 < blk.slots; ++t) {
        if (!blk.real(t, b)) continue;
        const int64_t here = blk.cell(t, b);
        const int32_t a = blk.actions[here];
        if (a < 0 || a >= blk.num_actions) {
          status.store(kErrActionRange);
          continue;
        }
        int32_t bad = blk.fmask(t, b)[a] ? kErrInvalidAction : kOk;
        if (backward) {
          const int32_t ab = blk.backward_actions[here];
          if (ab < 0 || ab >= blk.num_backward_actions) {
            status.store(kErrActionRange);
            continue;
          }
          if (blk.bmask(t + 1, b)[ab]) bad = kErrInvalidAction;
        }
        if (kind == kObjectiveMDB && !blk.done(t, b) &&
            (blk.fmask(t, b)[p.stop_action] || blk.fmask(t + 1, b)[p.stop_action]))
          bad = kErrInvalidAction;
        if (kind == kObjectiveSoftDQN && !blk.done(t, b)) {
          bool any = false;
          for (int32_t k = 0; k < blk.num_backward_actions; ++k) any = any || !blk.bmask(t + 1, b)[k];
          if (!any) bad = kErrInvalidAction;
        }
        if (bad != kOk) {
          int32_t expected = kOk;
          status.compare_exchange_strong(expected, bad);
        }
      }
    }
  });
  return status.load();
}

// The normaliser of the per-transition objectives (#real, or #real non-done for MDB).
int64_t count_transitions(int32_t kind, const Block& blk) {
  int64_t count = 0;
  for (int64_t b = 0; b < blk.batch; ++b)
    for (int64_t t = 0; t + 1 < blk.slots; ++t)
      if (blk.real(t, b) && !(kind == kObjectiveMDB && blk.done(t, b))) ++count;
  return count;
}

void write_rows(const Block& blk, const Heads& h, const Params& p, int64_t b, const Upstream& up,
                float* d_forward, float* d_backward, float* d_flow) {
  const int32_t n = blk.num_actions, nb = blk.num_backward_actions;
  for (int64_t s = 0; s < blk.slots; ++s) {
    const int64_t here = blk.cell(s, b);
    if (d_forward) {
      float* out = d_forward + here * n;
      if (blk.real(s, b) && (up.pf[s] != 0.0 || up.pf2[s] != 0.0)) {
        const float* row = h.forward_logits + here * n;
        const double lse = objective::masked_lse(row, blk.fmask(s, b), n);
        objective::write_log_softmax_grad(row, blk.fmask(s, b), n, lse, blk.actions[here], up.pf[s],
                                          up.pick2[s], up.pf2[s], out);
      } else {
        for (int32_t k = 0; k < n; ++k) out[k] = 0.0f;
      }
    }
    if (d_backward) {
      float* out = d_backward + here * nb;
      if (s > 0 && blk.real(s - 1, b) && up.pb[s - 1] != 0.0 && !p.uniform_backward && h.backward_logits) {
        const float* row = h.backward_logits + here * nb;
        const double lse = objective::masked_lse(row, blk.bmask(s, b), nb);
        objective::write_log_softmax_grad(row, blk.bmask(s, b), nb, lse,
                                          blk.backward_actions[blk.cell(s - 1, b)], up.pb[s - 1], -1, 0.0,
                                          out);
      } else {
        for (int32_t k = 0; k < nb; ++k) out[k] = 0.0f;
      }
    }
    if (d_flow) d_flow[here] = static_cast<float>(up.flow[s]);
  }
}

}  // namespace

int32_t objective_loss(int32_t kind, int64_t slots, int64_t batch, int32_t num_actions,
                       int32_t num_backward_actions, const int32_t* actions,
                       const int32_t* backward_actions, const uint8_t* forward_mask,
                       const uint8_t* backward_mask, const uint8_t* terminal, const uint8_t* pad,
                       const float* log_reward, const float* forward_logits,
                       const float* backward_logits, const float* log_flow, double log_z,
                       const float* target_forward_logits, const float* target_backward_logits,
                       const float* target_log_flow, const float* delta_score, double lambda,
                       double leaf_coeff, int32_t stop_action, int32_t uniform_backward,
                       double* loss, float* d_forward_logits, float* d_backward_logits,
                       float* d_log_flow, double* d_log_z) noexcept {
  if (kind < kObjectiveTB || kind > kObjectiveSoftDQN || slots < 2 || batch < 1 || num_actions < 1 ||
      num_backward_actions < 1 || !actions || !forward_mask || !backward_mask || !terminal || !pad ||
      !log_reward || !forward_logits || !loss)
    return kErrArgument;
  const bool uniform = uniform_backward != 0 || kind == kObjectiveSoftDQN;
  if (uses_backward_actions(kind) && !backward_actions) return kErrArgument;
  const bool target_pb = kind == kObjectiveFLDB || kind == kObjectiveMDB;  // PB' only, no gradient
  if (!uniform && !backward_logits && !(target_pb && target_backward_logits)) return kErrArgument;
  if (uses_log_flow(kind) && !log_flow) return kErrArgument;
  if (kind == kObjectiveSubTB && !(lambda > 0.0 && std::isfinite(lambda))) return kErrArgument;
  if (kind == kObjectiveSoftDQN && !std::isfinite(leaf_coeff)) return kErrArgument;
  if (kind == kObjectiveMDB && (stop_action < 0 || stop_action >= num_actions)) return kErrArgument;
  return guarded([&]() -> int32_t {
    const Block blk{slots, batch, num_actions, num_backward_actions, actions, backward_actions,
                    forward_mask, backward_mask, terminal, pad, log_reward};
    const Heads h{forward_logits, uniform ? nullptr : backward_logits, log_flow, log_z,
                  target_forward_logits, target_backward_logits, target_log_flow, delta_score};
    const Params p{lambda, leaf_coeff, stop_action, uniform};
    const int32_t status = check_actions(kind, blk, p);
    if (status != kOk) return status;
    double scale = 1.0 / static_cast<double>(batch);
    if (kind != kObjectiveTB && kind != kObjectiveSubTB) {
      const int64_t count = count_transitions(kind, blk);
      scale = count > 0 ? 1.0 / static_cast<double>(count) : 0.0;
    }
    std::vector<double> losses(batch, 0.0), dz(batch, 0.0);
    parallel_for(batch, kTrajectoryGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        Upstream up(slots);
        switch (kind) {
          case kObjectiveTB: objective::tb_trajectory(blk, h, p, b, scale, &losses[b], &dz[b], up); break;
          case kObjectiveDB: objective::db_trajectory(blk, h, p, b, scale, &losses[b], up); break;
          case kObjectiveSubTB: objective::subtb_trajectory(blk, h, p, b, scale, &losses[b], up); break;
          case kObjectiveFLDB: objective::fldb_trajectory(blk, h, p, b, scale, &losses[b], up); break;
          case kObjectiveMDB: objective::mdb_trajectory(blk, h, p, b, scale, &losses[b], up); break;
          default: objective::softdqn_trajectory(blk, h, p, b, scale, &losses[b], up); break;
        }
        write_rows(blk, h, p, b, up, d_forward_logits, d_backward_logits, d_log_flow);
      }
    });
    double total = 0.0, total_dz = 0.0;
    for (int64_t b = 0; b < batch; ++b) {
      total += losses[b];
      total_dz += dz[b];
    }
    *loss = total;
    if (d_log_z) *d_log_z = total_dz;
    return kOk;
  });
}

int32_t trajectory_log_probs(int64_t slots, int64_t batch, int32_t num_actions,
                             int32_t num_backward_actions, const int32_t* actions,
                             const int32_t* backward_actions, const uint8_t* forward_mask,
                             const uint8_t* backward_mask, const uint8_t* pad,
                             const float* log_reward, const float* forward_logits,
                             const float* backward_logits, int32_t uniform_backward,
                             float* log_pf, float* log_pb, double* sum_log_pf,
                             double* sum_log_pb, double* log_r) noexcept {
  if (slots < 2 || batch < 1 || num_actions < 1 || num_backward_actions < 1 || !actions ||
      !backward_actions || !forward_mask || !backward_mask || !pad || !log_reward || !forward_logits ||
      (!uniform_backward && !backward_logits))
    return kErrArgument;
  return guarded([&]() -> int32_t {
    const Block blk{slots, batch, num_actions, num_backward_actions, actions, backward_actions,
                    forward_mask, backward_mask, pad /* terminal unused */, pad, log_reward};
    const Params p{1.0, 1.0, 0, uniform_backward != 0};
    const int32_t status = check_actions(kObjectiveTB, blk, p);
    if (status != kOk) return status;
    const Heads h{forward_logits, uniform_backward ? nullptr : backward_logits, nullptr, 0.0,
                  nullptr, nullptr, nullptr, nullptr};
    parallel_for(batch, 64, [&](int64_t begin, int64_t end) {
      std::vector<double> pf(slots), pb(slots);
      for (int64_t b = begin; b < end; ++b) {
        objective::transition_log_probs(blk, h, uniform_backward != 0, b, pf.data(), pb.data(), nullptr,
                                        nullptr);
        double spf = 0.0, spb = 0.0, lr = 0.0;
        for (int64_t t = 0; t < slots; ++t) {
          if (log_pf) log_pf[blk.cell(t, b)] = static_cast<float>(pf[t]);
          if (log_pb) log_pb[blk.cell(t, b)] = static_cast<float>(pb[t]);
          spf += pf[t];
          spb += pb[t];
          if (blk.real(t, b)) lr += log_reward[blk.cell(t, b)];
        }
        if (sum_log_pf) sum_log_pf[b] = spf;
        if (sum_log_pb) sum_log_pb[b] = spb;
        if (log_r) log_r[b] = lr;
      }
    });
    return kOk;
  });
}

}  // namespace gfn4j
