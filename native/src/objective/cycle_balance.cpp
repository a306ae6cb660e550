// Balance objectives for state graphs with cycles (Morozov et al. 2025): detailed balance in log
// scale with the state-flow regulariser reg * F(s), in flow scale, and stable DB, each with the
// fixed first edge s0 -> s1 (log F(s0) = log Z, log PF fixed, one value or one per trajectory). Losses: gfn4j/objective.h.
#include <cmath>
#include <vector>

#include "gfn4j/objective.h"
#include "objective_internal.h"

namespace gfn4j {
namespace objective {

namespace {

// d|x|^alpha / dx, 0 at x = 0 (alpha > 1 there; for alpha <= 1 the subgradient 0 is taken).
double abs_pow_grad(double x, double alpha) {
  if (x == 0.0) return 0.0;
  return alpha * std::pow(std::fabs(x), alpha - 1.0) * (x > 0 ? 1.0 : -1.0);
}

}  // namespace

void cycle_trajectory(int32_t kind, const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                      double* loss, double* d_log_z, Workspace& ws) {
  const int64_t T = blk.slots;
  Upstream& up = ws.up;
  for (int64_t t = 0; t + 1 < T; ++t) {
    if (!blk.real(t, b)) continue;
    const int64_t here = blk.cell(t, b), next = blk.cell(t + 1, b);
    const bool done = blk.done(t, b);
    const bool first = !done && p.return_action >= 0 && blk.backward_actions[here] == p.return_action;
    const double first_pf = p.first_edge_log_pf_rows ? p.first_edge_log_pf_rows[b] : p.first_edge_log_pf;
    const double a = (first ? h.log_z : h.log_flow[here]) + (first ? first_pf : ws.log_pf[t]);
    const double c = (done ? blk.log_reward[here] : h.log_flow[next]) + ws.log_pb[t];
    // The regularised flow: F(s) of the source, F(s1) on the first edge (F(s0) = Z is not a state flow).
    const int64_t reg_cell = first ? next : here;
    const double f_reg = std::exp(static_cast<double>(h.log_flow[reg_cell]));
    double value = p.reg * f_reg, da = 0.0, dc = 0.0, d_reg = p.reg * f_reg;
    if (kind == kObjectiveNDB) {
      const double err = a - c;
      ws.td[t] = err;
      value += err * err;
      da = 2.0 * err;
      dc = -2.0 * err;
    } else if (kind == kObjectiveNDBFlow) {
      const double ea = std::exp(a), ec = std::exp(c), diff = ea - ec;
      ws.td[t] = diff;
      value += diff * diff;
      da = 2.0 * diff * ea;
      dc = -2.0 * diff * ec;
    } else {
      const double ea = p.log_scale ? 0.0 : std::exp(a), ec = p.log_scale ? 0.0 : std::exp(c);
      const double x = p.log_scale ? a - c : ea - ec;
      ws.td[t] = x;
      const double u = p.eps * std::pow(std::fabs(x), p.alpha);
      const double l1 = std::log1p(u);
      const double base = 1.0 + p.eta * f_reg;
      const double w = std::pow(base, p.beta);
      value += l1 * w;
      const double dx = w * p.eps * abs_pow_grad(x, p.alpha) / (1.0 + u);
      da = p.log_scale ? dx : dx * ea;
      dc = p.log_scale ? -dx : -dx * ec;
      d_reg += l1 * p.beta * std::pow(base, p.beta - 1.0) * p.eta * f_reg;
    }
    const double w = scale * ws.weight[t];
    *loss += w * value;
    if (first) {
      *d_log_z += w * da;
    } else {
      up.flow[t] += w * da;
      up.pf[t] += w * da;
    }
    up.pb[t] += w * dc;
    if (!done) up.flow[t + 1] += w * dc;
    up.flow[first ? t + 1 : t] += w * d_reg;
  }
}

}  // namespace objective
}  // namespace gfn4j
