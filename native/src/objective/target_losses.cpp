// Objectives whose targets come from a (stop-gradient) target network, all with Huber (delta 1):
// forward-looking DB (fldb_phylo), modified DB (mdb_dag) and dueling soft-DQN (soft_dqn_hypergrid,
// no Munchausen term).
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
    *loss += scale * huber(err);
    const double g = scale * huber_grad(err);
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
    *loss += scale * huber(err);
    const double g = scale * huber_grad(err);
    up.pf[t] += g;
    up.pf2[t] -= g;
    up.pick2[t] = p.stop_action;
  }
}

void softdqn_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                        double* loss, Workspace& ws) {
  const int32_t nb = blk.num_backward_actions;
  Upstream& up = ws.up;
  const float* target_value = or_online(h.target_log_flow, h.log_flow);
  for (int64_t t = 0; t + 1 < blk.slots; ++t) {
    if (!blk.real(t, b)) continue;
    const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
    const double q = h.log_flow[here] + ws.log_pf[t];
    const bool done = blk.done(t, b);
    double target;
    if (done) {
      target = blk.log_reward[here];
    } else {
      const double log_uniform_pb = -row_log_softmax(nullptr, blk.bmask(t + 1, b), nb, nullptr);
      target = log_uniform_pb + target_value[next];
    }
    const double weight = done ? p.leaf_coeff : 1.0;
    const double err = q - target;
    *loss += scale * weight * huber(err);
    const double g = scale * weight * huber_grad(err);
    up.flow[t] += g;
    up.pf[t] += g;
  }
}

}  // namespace objective
}  // namespace gfn4j
