// Objectives whose targets come from a (stop-gradient) target network, all with Huber (delta 1):
// forward-looking DB (fldb_phylo), modified DB (mdb_dag) and dueling soft-DQN (soft_dqn_hypergrid)
// with the optional Munchausen bonus and double-DQN next-state value of M-DQN.
#include <vector>

#include "objective_internal.h"

namespace gfn4j {
namespace objective {
namespace {

const float* or_online(const float* target, const float* online) { return target ? target : online; }

// log PB'(s_t | s_{t+1}) under the target backward head (zeros when uniform).
double target_log_pb(const Block& blk, const Heads& h, const Params& p, int64_t t, int64_t b) {
  const int32_t n = blk.num_backward_actions;
  const float* logits = p.uniform_backward ? nullptr : or_online(h.target_backward_logits, h.backward_logits);
  const float* row = logits ? logits + blk.cell(t + 1, b) * n : nullptr;
  const double lse = row_log_softmax(row, blk.bmask(t + 1, b), n, nullptr);
  return log_prob_at(row, lse, blk.backward_actions[blk.cell(t, b)]);
}

double delta(const Heads& h, const Block& blk, int64_t t, int64_t b) {
  return h.delta_score ? h.delta_score[blk.cell(t, b)] : 0.0;
}

// Double DQN: E_{a'~pi}[Q'(s', a') - lambda log pi(a'|s')] - V'(s') = -lambda KL(pi || pi') at s',
// pi from the online forward head, pi' from the target one (both constants of the target).
double double_value_gap(const Block& blk, const Heads& h, const float* target_forward, int64_t t, int64_t b,
                        double lambda, std::vector<double>& online, std::vector<double>& target) {
  const int32_t n = blk.num_actions;
  const int64_t next = blk.cell(t + 1, b);
  const uint8_t* mask = blk.fmask(t + 1, b);
  const float* on = h.forward_logits + next * n;
  const float* tg = target_forward + next * n;
  const double lse_on = row_log_softmax(on, mask, n, online.data());
  const double lse_tg = row_log_softmax(tg, mask, n, target.data());
  double kl = 0.0;
  for (int32_t k = 0; k < n; ++k) {
    if (mask[k] || online[k] == 0.0) continue;
    kl += online[k] * ((on[k] - lse_on) - (tg[k] - lse_tg));
  }
  return -lambda * kl;
}

}  // namespace

void fldb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                     double* loss, Workspace& ws) {
  const int64_t T = blk.slots;
  const std::vector<double>& lpf = ws.log_pf;
  Upstream& up = ws.up;
  const float* target_flow = or_online(h.target_log_flow, h.log_flow);
  for (int64_t t = 0; t + 1 < T; ++t) {
    if (!blk.real(t, b)) continue;
    const double next = blk.done(t, b) ? 0.0 : target_flow[blk.cell(t + 1, b)];
    const double target = target_log_pb(blk, h, p, t, b) + next + delta(h, blk, t, b);
    const double err = h.log_flow[blk.cell(t, b)] + lpf[t] - target;
    const double w = scale * ws.weight[t];
    ws.td[t] = err;
    *loss += w * huber(err);
    const double g = w * huber_grad(err);
    up.flow[t] += g;
    up.pf[t] += g;
  }
}

void mdb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                    double* loss, Workspace& ws) {
  const int32_t n = blk.num_actions;
  Upstream& up = ws.up;
  const float* target_forward = or_online(h.target_forward_logits, h.forward_logits);
  for (int64_t t = 0; t + 1 < blk.slots; ++t) {
    if (!blk.real(t, b) || blk.done(t, b)) continue;
    const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
    const float* next_row = target_forward + next * n;
    const double next_lse = row_log_softmax(next_row, blk.fmask(t + 1, b), n, nullptr);
    const double next_stop = log_prob_at(next_row, next_lse, p.stop_action);
    const double stop = log_prob_at(h.forward_logits + here * n, ws.lse_f[t], p.stop_action);
    const double err = next_stop + ws.log_pf[t] - stop - target_log_pb(blk, h, p, t, b) - delta(h, blk, t, b);
    const double w = scale * ws.weight[t];
    ws.td[t] = err;
    *loss += w * huber(err);
    const double g = w * huber_grad(err);
    up.pf[t] += g;
    up.pf2[t] -= g;
    up.pick2[t] = p.stop_action;
  }
}

// Dueling head with temperature lambda: Q(s, a) = V(s) + lambda log pi(a|s), pi = softmax(adv), so
// that pi = softmax(Q / lambda) and V = lambda logsumexp(Q / lambda). The Munchausen bonus
// alpha clip(lambda log pi'(a|s), l0, 0) is added to every target, the exit edge's included: the
// fixed point is then the soft-optimal policy of temperature (1 - alpha) lambda, which must be 1.
void softdqn_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                        double* loss, Workspace& ws) {
  const int32_t n = blk.num_actions, nb = blk.num_backward_actions;
  const double lambda = p.temperature;
  Upstream& up = ws.up;
  const float* target_value = or_online(h.target_log_flow, h.log_flow);
  const float* target_forward = or_online(h.target_forward_logits, h.forward_logits);
  std::vector<double> online_next, target_next;
  if (p.double_dqn) {
    online_next.resize(n);
    target_next.resize(n);
  }
  for (int64_t t = 0; t + 1 < blk.slots; ++t) {
    if (!blk.real(t, b)) continue;
    const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
    const double q = h.log_flow[here] + lambda * ws.log_pf[t];
    const bool done = blk.done(t, b);
    double target;
    if (done) {
      target = blk.log_reward[here];
    } else {
      const double log_pb = p.uniform_backward ? -row_log_softmax(nullptr, blk.bmask(t + 1, b), nb, nullptr)
                                               : target_log_pb(blk, h, p, t, b);
      target = log_pb + target_value[next] + (p.double_dqn ? double_value_gap(blk, h, target_forward, t, b,
                                                                                      lambda, online_next, target_next)
                                                                   : 0.0);
    }
    if (p.munchausen_alpha != 0.0) {
      const float* row = target_forward + here * n;
      const double log_pi = log_prob_at(row, row_log_softmax(row, blk.fmask(t, b), n, nullptr), blk.actions[here]);
      target += p.munchausen_alpha * std::min(0.0, std::max(p.munchausen_l0, lambda * log_pi));
    }
    const double weight = (done ? p.leaf_coeff : 1.0) * scale * ws.weight[t];
    const double err = q - target;
    ws.td[t] = err;
    *loss += weight * huber(err);
    const double g = weight * huber_grad(err);
    up.flow[t] += g;
    up.pf[t] += lambda * g;
  }
}

}  // namespace objective
}  // namespace gfn4j
