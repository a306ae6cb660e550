// Internal view of a trajectory block, heads and gradient buffers shared by the objective
// kernels, plus the masked log-softmax helpers whose gradient the kernels apply row by row.
#pragma once
#include <cmath>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace gfn4j {
namespace objective {

struct Block {
  int64_t slots;
  int64_t batch;
  int32_t num_actions;
  int32_t num_backward_actions;
  const int32_t* actions;
  const int32_t* backward_actions;
  const uint8_t* forward_mask;
  const uint8_t* backward_mask;
  const uint8_t* terminal;
  const uint8_t* pad;
  const float* log_reward;

  int64_t cell(int64_t t, int64_t b) const { return t * batch + b; }
  // Transition t (s_t -> s_{t+1}) is real unless s_{t+1} was produced by a padding step.
  bool real(int64_t t, int64_t b) const { return t + 1 < slots && pad[cell(t + 1, b)] == 0; }
  bool done(int64_t t, int64_t b) const { return terminal[cell(t + 1, b)] != 0; }
  const uint8_t* fmask(int64_t s, int64_t b) const { return forward_mask + cell(s, b) * num_actions; }
  const uint8_t* bmask(int64_t s, int64_t b) const {
    return backward_mask + cell(s, b) * num_backward_actions;
  }
};

struct Heads {
  const float* forward_logits;
  const float* backward_logits;  // null when the backward policy is uniform
  const float* log_flow;
  double log_z;
  const float* target_forward_logits;   // defaults to forward_logits
  const float* target_backward_logits;  // defaults to backward_logits
  const float* target_log_flow;         // defaults to log_flow
  const float* delta_score;             // null = zeros
};

struct Params {
  double lambda;
  double leaf_coeff;
  int32_t stop_action;
  bool uniform_backward;
  // Objectives on graphs with cycles (cycle_objective_loss); unused by the others.
  double first_edge_log_pf = 0.0;
  const float* first_edge_log_pf_rows = nullptr;  // [B]: per-row first-edge log PF, or null
  int32_t return_action = -1;
  double reg = 0.0, alpha = 2.0, beta = 1.0, eps = 1.0, eta = 1e-3;
  bool log_scale = false;
  // Soft-DQN: Munchausen coefficient alpha and clip floor l0, entropy temperature (Q = V +
  // temperature * log pi), and the double-DQN next-state value.
  double munchausen_alpha = 0.0;
  double munchausen_l0 = -100.0;
  double temperature = 1.0;
  bool double_dqn = false;
};

struct Grads {
  float* d_forward_logits;
  float* d_backward_logits;
  float* d_log_flow;
};

// Upstream coefficients of one trajectory: d loss / d logPF_t, d logPB_t, d logF(s_t), and a
// second forward pick per row (MDB's stop action, index -1 when unused).
struct Upstream {
  std::vector<double> pf, pb, flow, pf2;
  std::vector<int32_t> pick2;
  explicit Upstream(int64_t slots) : pf(slots), pb(slots), flow(slots), pf2(slots), pick2(slots, -1) {}
  void reset() {
    std::fill(pf.begin(), pf.end(), 0.0);
    std::fill(pb.begin(), pb.end(), 0.0);
    std::fill(flow.begin(), flow.end(), 0.0);
    std::fill(pf2.begin(), pf2.end(), 0.0);
    std::fill(pick2.begin(), pick2.end(), -1);
  }
};

// One trajectory's log PF_t / log PB_t (0 on padding), row log-sum-exps, and the softmax rows the
// gradient needs (forward row of s_t and backward row of s_{t+1}, per transition t), so that
// every row costs one exp per action; plus the importance weight of each transition (1 unless
// the caller passes weights) and the residual each kernel reports per transition (0 where it
// has none). Reused across the trajectories of one task.
struct Workspace {
  std::vector<double> log_pf, log_pb, lse_f, prob_f, prob_b, weight, td;
  Upstream up;
  Workspace(int64_t slots, int32_t num_actions, int32_t num_backward_actions)
      : log_pf(slots), log_pb(slots), lse_f(slots), prob_f(slots * num_actions),
        prob_b(slots * num_backward_actions), weight(slots, 1.0), td(slots, 0.0), up(slots) {}
};

// log-sum-exp of one masked row (x == null means all zeros); -inf when nothing is valid. When
// prob is not null it receives the row's softmax (0 at invalid entries).
inline double row_log_softmax(const float* x, const uint8_t* invalid, int32_t n, double* prob) {
  double m = -std::numeric_limits<double>::infinity();
  int32_t valid = 0;
  for (int32_t k = 0; k < n; ++k) {
    if (invalid[k]) continue;
    ++valid;
    const double v = x ? x[k] : 0.0;
    if (v > m) m = v;
  }
  if (valid == 0 || std::isinf(m)) {
    if (prob)
      for (int32_t k = 0; k < n; ++k) prob[k] = 0.0;
    return m;
  }
  double s = 0.0;
  for (int32_t k = 0; k < n; ++k) {
    const double e = invalid[k] ? 0.0 : (x ? std::exp(x[k] - m) : 1.0);
    if (prob) prob[k] = e;
    s += e;
  }
  if (prob) {
    const double inv = 1.0 / s;
    for (int32_t k = 0; k < n; ++k) prob[k] *= inv;
  }
  return m + std::log(s);
}

inline double log_prob_at(const float* x, double lse, int32_t a) {
  return (x ? static_cast<double>(x[a]) : 0.0) - lse;
}

// out[k] = g1 (1[k == a1] - p_k) + g2 (1[k == a2] - p_k) over valid k, 0 elsewhere: the gradient
// of g1 logp(a1) + g2 logp(a2) with respect to the row's logits.
inline void write_log_softmax_grad(const double* prob, const uint8_t* invalid, int32_t n, int32_t a1,
                                   double g1, int32_t a2, double g2, float* out) {
  const double g = g1 + g2;
  for (int32_t k = 0; k < n; ++k) {
    double d = invalid[k] ? 0.0 : -g * prob[k];
    if (k == a1) d += g1;
    if (k == a2) d += g2;
    out[k] = static_cast<float>(d);
  }
}

inline double huber(double e) {
  const double a = std::fabs(e);
  return a <= 1.0 ? 0.5 * e * e : a - 0.5;
}

inline double huber_grad(double e) { return e > 1.0 ? 1.0 : (e < -1.0 ? -1.0 : e); }

// Fills ws.log_pf, ws.log_pb, ws.lse_f for trajectory b, and the softmax rows when asked.
void prepare_trajectory(const Block& blk, const Heads& h, bool uniform_backward, int64_t b,
                        bool want_prob_f, bool want_prob_b, Workspace& ws);

// Per-trajectory kernels: add this trajectory's loss contribution (already scaled) to *loss and
// its upstream coefficients to ws.up, reading ws's log-probabilities. `scale` is the
// normaliser chosen by the dispatcher.
void tb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                   double* loss, double* d_log_z, Workspace& ws);
void db_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                   double* loss, Workspace& ws);
void subtb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                      double* loss, Workspace& ws);
void fldb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                     double* loss, Workspace& ws);
void mdb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                    double* loss, Workspace& ws);
void softdqn_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                        double* loss, Workspace& ws);
// kNDB, kNDBFlow and kSDB (gfn4j/objective.h); d_log_z receives the first edges' log Z gradient.
void cycle_trajectory(int32_t kind, const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                      double* loss, double* d_log_z, Workspace& ws);

}  // namespace objective
}  // namespace gfn4j
