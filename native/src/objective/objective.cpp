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

void prepare_trajectory(const Block& blk, const Heads& h, bool uniform_backward, int64_t b,
                        bool want_prob_f, bool want_prob_b, Workspace& ws) {
  const int32_t n = blk.num_actions, nb = blk.num_backward_actions;
  const float* backward = uniform_backward ? nullptr : h.backward_logits;
  for (int64_t t = 0; t < blk.slots; ++t) {
    if (!blk.real(t, b)) {
      ws.log_pf[t] = ws.log_pb[t] = ws.lse_f[t] = 0.0;
      continue;
    }
    const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
    const float* row = h.forward_logits + here * n;
    ws.lse_f[t] = row_log_softmax(row, blk.fmask(t, b), n, want_prob_f ? &ws.prob_f[t * n] : nullptr);
    ws.log_pf[t] = log_prob_at(row, ws.lse_f[t], blk.actions[here]);
    const float* brow = backward ? backward + next * nb : nullptr;
    const double lse_b =
        row_log_softmax(brow, blk.bmask(t + 1, b), nb, want_prob_b && brow ? &ws.prob_b[t * nb] : nullptr);
    ws.log_pb[t] = blk.backward_actions ? log_prob_at(brow, lse_b, blk.backward_actions[here]) : 0.0;
  }
}

}  // namespace objective

namespace {

using objective::Block;
using objective::Heads;
using objective::Params;
using objective::Workspace;

constexpr int64_t kTrajectoryGrain = 8;

// Soft-DQN reads backward actions only for a non-uniform PB (a learned PB̄ as its inner reward).
bool uses_backward_actions(int32_t kind, bool uniform) { return kind != kObjectiveSoftDQN || !uniform; }

// Importance weights are optional (null = ones); present ones must be finite and >= 0.
bool valid_weights(const float* weights, int64_t cells) {
  if (weights)
    for (int64_t i = 0; i < cells; ++i)
      if (!(weights[i] >= 0.0f && std::isfinite(weights[i]))) return false;
  return true;
}

bool uses_log_flow(int32_t kind) { return kind != kObjectiveTB && kind != kObjectiveMDB; }

// Range and mask checks of the actions every real transition of `kind` evaluates.
int32_t check_actions(int32_t kind, const Block& blk, const Params& p) {
  std::atomic<int32_t> status{kOk};
  const bool backward = uses_backward_actions(kind, p.uniform_backward);
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

// Writes every row of trajectory b; backward rows get a gradient only when backward_grad.
void write_rows(const Block& blk, int64_t b, const Workspace& ws, bool backward_grad, float* d_forward,
                float* d_backward, float* d_flow) {
  const int32_t n = blk.num_actions, nb = blk.num_backward_actions;
  const objective::Upstream& up = ws.up;
  for (int64_t s = 0; s < blk.slots; ++s) {
    const int64_t here = blk.cell(s, b);
    if (d_forward) {
      float* out = d_forward + here * n;
      if (blk.real(s, b) && (up.pf[s] != 0.0 || up.pf2[s] != 0.0)) {
        objective::write_log_softmax_grad(&ws.prob_f[s * n], blk.fmask(s, b), n, blk.actions[here], up.pf[s],
                                          up.pick2[s], up.pf2[s], out);
      } else {
        std::fill(out, out + n, 0.0f);
      }
    }
    if (d_backward) {
      float* out = d_backward + here * nb;
      if (backward_grad && s > 0 && blk.real(s - 1, b) && up.pb[s - 1] != 0.0) {
        objective::write_log_softmax_grad(&ws.prob_b[(s - 1) * nb], blk.bmask(s, b), nb,
                                          blk.backward_actions[blk.cell(s - 1, b)], up.pb[s - 1], -1, 0.0, out);
      } else {
        std::fill(out, out + nb, 0.0f);
      }
    }
    if (d_flow) d_flow[here] = static_cast<float>(up.flow[s]);
  }
}

}  // namespace

namespace {

// The shared dispatcher of objective_loss and cycle_objective_loss (arguments already checked).
// target_pb: the kernel reads PB from the target (or uniform) head only, so the online backward
// rows are not prepared. weights (null = ones) and td_errors (may be null) as in objective.h.
int32_t run_objective(int32_t kind, const Block& blk, const Heads& h, const Params& p, bool target_pb,
                      const float* weights, double* loss, float* d_forward_logits, float* d_backward_logits,
                      float* d_log_flow, double* d_log_z, float* td_errors) {
  const int64_t slots = blk.slots, batch = blk.batch;
  const int32_t num_actions = blk.num_actions, num_backward_actions = blk.num_backward_actions;
  const bool uniform = p.uniform_backward;
  const int32_t status = check_actions(kind, blk, p);
  if (status != kOk) return status;
  double scale = 1.0 / static_cast<double>(batch);
  if (kind != kObjectiveTB && kind != kObjectiveSubTB) {
    const int64_t count = count_transitions(kind, blk);
    scale = count > 0 ? 1.0 / static_cast<double>(count) : 0.0;
  }
  std::vector<double> losses(batch, 0.0), dz(batch, 0.0);
  // Only TB/DB/SubTB and the cycle objectives differentiate through the online backward head.
  const bool backward_grad = !uniform && (kind == kObjectiveTB || kind == kObjectiveDB ||
                                          kind == kObjectiveSubTB || kind >= kObjectiveNDB);
  parallel_for(batch, kTrajectoryGrain, [&](int64_t begin, int64_t end) {
    Workspace ws(slots, num_actions, num_backward_actions);
    for (int64_t b = begin; b < end; ++b) {
      ws.up.reset();
      for (int64_t t = 0; t < slots; ++t) {
        ws.weight[t] = weights ? weights[blk.cell(t, b)] : 1.0;
        ws.td[t] = 0.0;
      }
      // A whole-trajectory loss is weighted by its trajectory's first cell.
      const double tscale = scale * ((kind == kObjectiveTB || kind == kObjectiveSubTB) ? ws.weight[0] : 1.0);
      objective::prepare_trajectory(blk, h, uniform || target_pb, b, d_forward_logits != nullptr,
                                    backward_grad && d_backward_logits, ws);
      switch (kind) {
        case kObjectiveTB: objective::tb_trajectory(blk, h, p, b, tscale, &losses[b], &dz[b], ws); break;
        case kObjectiveDB: objective::db_trajectory(blk, h, p, b, scale, &losses[b], ws); break;
        case kObjectiveSubTB: objective::subtb_trajectory(blk, h, p, b, tscale, &losses[b], ws); break;
        case kObjectiveFLDB: objective::fldb_trajectory(blk, h, p, b, scale, &losses[b], ws); break;
        case kObjectiveMDB: objective::mdb_trajectory(blk, h, p, b, scale, &losses[b], ws); break;
        case kObjectiveSoftDQN: objective::softdqn_trajectory(blk, h, p, b, scale, &losses[b], ws); break;
        default: objective::cycle_trajectory(kind, blk, h, p, b, scale, &losses[b], &dz[b], ws); break;
      }
      write_rows(blk, b, ws, backward_grad, d_forward_logits, d_backward_logits, d_log_flow);
      if (td_errors)
        for (int64_t t = 0; t < slots; ++t) td_errors[blk.cell(t, b)] = static_cast<float>(ws.td[t]);
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
}

}  // namespace

int32_t objective_loss(int32_t kind, int64_t slots, int64_t batch, int32_t num_actions,
                       int32_t num_backward_actions, const int32_t* actions,
                       const int32_t* backward_actions, const uint8_t* forward_mask,
                       const uint8_t* backward_mask, const uint8_t* terminal, const uint8_t* pad,
                       const float* log_reward, const float* forward_logits,
                       const float* backward_logits, const float* log_flow, double log_z,
                       const float* target_forward_logits, const float* target_backward_logits,
                       const float* target_log_flow, const float* delta_score,
                       const float* weights, double lambda, double leaf_coeff, int32_t stop_action,
                       int32_t uniform_backward, double munchausen_alpha, double munchausen_l0,
                       double temperature, int32_t double_dqn, double* loss,
                       float* d_forward_logits, float* d_backward_logits, float* d_log_flow,
                       double* d_log_z, float* td_errors) noexcept {
  if (kind < kObjectiveTB || kind > kObjectiveSoftDQN || slots < 2 || batch < 1 || num_actions < 1 ||
      num_backward_actions < 1 || !actions || !forward_mask || !backward_mask || !terminal || !pad ||
      !log_reward || !forward_logits || !loss)
    return kErrArgument;
  const bool uniform = uniform_backward != 0;
  if (uses_backward_actions(kind, uniform) && !backward_actions) return kErrArgument;
  // PB' only, no gradient
  const bool target_pb = kind == kObjectiveFLDB || kind == kObjectiveMDB || kind == kObjectiveSoftDQN;
  if (!uniform && !backward_logits && !(target_pb && target_backward_logits)) return kErrArgument;
  if (uses_log_flow(kind) && !log_flow) return kErrArgument;
  if (kind == kObjectiveSubTB && !(lambda > 0.0 && std::isfinite(lambda))) return kErrArgument;
  if (kind == kObjectiveSoftDQN && !std::isfinite(leaf_coeff)) return kErrArgument;
  if (kind == kObjectiveMDB && (stop_action < 0 || stop_action >= num_actions)) return kErrArgument;
  if (kind == kObjectiveSoftDQN &&
      (!(temperature > 0.0 && std::isfinite(temperature)) || !(munchausen_alpha >= 0.0 && munchausen_alpha < 1.0) ||
       !(munchausen_l0 <= 0.0 && std::isfinite(munchausen_l0))))
    return kErrArgument;
  if (!valid_weights(weights, slots * batch)) return kErrArgument;
  return guarded([&]() -> int32_t {
    const Block blk{slots, batch, num_actions, num_backward_actions, actions, backward_actions,
                    forward_mask, backward_mask, terminal, pad, log_reward};
    const Heads h{forward_logits, uniform ? nullptr : backward_logits, log_flow, log_z,
                  target_forward_logits, target_backward_logits, target_log_flow, delta_score};
    Params p{lambda, leaf_coeff, stop_action, uniform};
    p.munchausen_alpha = munchausen_alpha;
    p.munchausen_l0 = munchausen_l0;
    p.temperature = temperature;
    p.double_dqn = double_dqn != 0;
    return run_objective(kind, blk, h, p, target_pb, weights, loss, d_forward_logits,
                         d_backward_logits, d_log_flow, d_log_z, td_errors);
  });
}

int32_t cycle_objective_loss(int32_t kind, int64_t slots, int64_t batch, int32_t num_actions,
                             int32_t num_backward_actions, const int32_t* actions,
                             const int32_t* backward_actions, const uint8_t* forward_mask,
                             const uint8_t* backward_mask, const uint8_t* terminal, const uint8_t* pad,
                             const float* log_reward, const float* forward_logits,
                             const float* backward_logits, const float* log_flow, double log_z,
                             const float* weights, double first_edge_log_pf, const float* first_edge_log_pf_rows,
                             int32_t return_action, double reg,
                             double alpha, double beta, double eps, double eta, int32_t log_scale, int32_t uniform_backward,
                             double* loss, float* d_forward_logits, float* d_backward_logits,
                             float* d_log_flow, double* d_log_z, float* td_errors) noexcept {
  if (kind < kObjectiveNDB || kind > kObjectiveSDB || slots < 2 || batch < 1 || num_actions < 1 ||
      num_backward_actions < 1 || !actions || !backward_actions || !forward_mask || !backward_mask ||
      !terminal || !pad || !log_reward || !forward_logits || !log_flow || !loss ||
      (!uniform_backward && !backward_logits) || return_action >= num_backward_actions ||
      !std::isfinite(first_edge_log_pf) || !std::isfinite(log_z) || !(reg >= 0.0 && std::isfinite(reg)) ||
      !(alpha > 0.0 && std::isfinite(alpha)) || !std::isfinite(beta) || !(eps > 0.0 && std::isfinite(eps)) ||
      !(eta >= 0.0 && std::isfinite(eta)))
    return kErrArgument;
  if (!valid_weights(weights, slots * batch)) return kErrArgument;
  if (first_edge_log_pf_rows) {
    for (int64_t b = 0; b < batch; ++b) {
      if (!std::isfinite(first_edge_log_pf_rows[b])) return kErrArgument;
    }
  }
  return guarded([&]() -> int32_t {
    const bool uniform = uniform_backward != 0;
    const Block blk{slots, batch, num_actions, num_backward_actions, actions, backward_actions,
                    forward_mask, backward_mask, terminal, pad, log_reward};
    const Heads h{forward_logits, uniform ? nullptr : backward_logits, log_flow, log_z,
                  nullptr, nullptr, nullptr, nullptr};
    Params p{1.0, 1.0, 0, uniform};
    p.first_edge_log_pf = first_edge_log_pf;
    p.first_edge_log_pf_rows = first_edge_log_pf_rows;
    p.return_action = return_action;
    p.reg = reg;
    p.alpha = alpha;
    p.beta = beta;
    p.eps = eps;
    p.eta = eta;
    p.log_scale = log_scale != 0;
    return run_objective(kind, blk, h, p, false, weights, loss, d_forward_logits, d_backward_logits,
                         d_log_flow, d_log_z, td_errors);
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
      Workspace ws(slots, 0, 0);
      const std::vector<double>& pf = ws.log_pf;
      const std::vector<double>& pb = ws.log_pb;
      for (int64_t b = begin; b < end; ++b) {
        objective::prepare_trajectory(blk, h, uniform_backward != 0, b, false, false, ws);
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
