// Flow-balance objectives with gfnx's scales: trajectory balance (squared error, batch mean),
// detailed balance (half squared error over real transitions) and sub-trajectory balance
// (lambda^(j-i)-weighted squared error normalised per trajectory, batch mean).
#include <vector>

#include "objective_internal.h"

namespace gfn4j {
namespace objective {

void tb_trajectory(const Block& blk, const Heads& h, const Params&, int64_t b, double scale,
                   double* loss, double* d_log_z, Workspace& ws) {
  const int64_t T = blk.slots;
  const std::vector<double>& lpf = ws.log_pf;
  const std::vector<double>& lpb = ws.log_pb;
  Upstream& up = ws.up;
  double err = h.log_z;
  for (int64_t t = 0; t < T; ++t) {
    if (!blk.real(t, b)) continue;
    err += lpf[t] - lpb[t] - blk.log_reward[blk.cell(t, b)];
  }
  ws.td[0] = err;
  *loss += scale * err * err;
  const double g = 2.0 * scale * err;
  *d_log_z += g;
  for (int64_t t = 0; t < T; ++t) {
    if (!blk.real(t, b)) continue;
    up.pf[t] += g;
    up.pb[t] -= g;
  }
}

void db_trajectory(const Block& blk, const Heads& h, const Params&, int64_t b, double scale,
                   double* loss, Workspace& ws) {
  const int64_t T = blk.slots;
  const std::vector<double>& lpf = ws.log_pf;
  const std::vector<double>& lpb = ws.log_pb;
  Upstream& up = ws.up;
  for (int64_t t = 0; t + 1 < T; ++t) {
    if (!blk.real(t, b)) continue;
    const bool done = blk.done(t, b);
    const double next = done ? blk.log_reward[blk.cell(t, b)] : h.log_flow[blk.cell(t + 1, b)];
    const double err = h.log_flow[blk.cell(t, b)] + lpf[t] - lpb[t] - next;
    const double w = scale * ws.weight[t];
    ws.td[t] = err;
    *loss += w * 0.5 * err * err;
    const double g = w * err;
    up.flow[t] += g;
    up.pf[t] += g;
    up.pb[t] -= g;
    if (!done) up.flow[t + 1] -= g;
  }
}

// Pairs (i, j), 0 <= i < j <= T1-1, whose last transition j-1 is real. Padding is a suffix of
// real trajectories, so a pair's transitions are all real; padded ones are masked anyway.
void subtb_trajectory(const Block& blk, const Heads& h, const Params& p, int64_t b, double scale,
                      double* loss, Workspace& ws) {
  const int64_t T = blk.slots;
  const std::vector<double>& lpf = ws.log_pf;
  const std::vector<double>& lpb = ws.log_pb;
  Upstream& up = ws.up;
  std::vector<double> flow(T), prefix(T, 0.0), diff(T + 1, 0.0), pow(T, 1.0);
  std::vector<uint8_t> learned(T, 0);
  // logF(s_0) is the head; logF(s_k) is log R where s_k terminates, 0 after padding (gfnx).
  flow[0] = h.log_flow[blk.cell(0, b)];
  learned[0] = 1;
  for (int64_t s = 1; s < T; ++s) {
    if (!blk.real(s - 1, b)) {
      flow[s] = 0.0;
    } else if (blk.done(s - 1, b)) {
      flow[s] = blk.log_reward[blk.cell(s - 1, b)];
    } else {
      flow[s] = h.log_flow[blk.cell(s, b)];
      learned[s] = 1;
    }
  }
  for (int64_t s = 1; s < T; ++s) prefix[s] = prefix[s - 1] + (lpf[s - 1] - lpb[s - 1]);
  for (int64_t d = 1; d < T; ++d) pow[d] = pow[d - 1] * p.lambda;
  double weighted = 0.0, norm = 0.0;
  for (int64_t j = 1; j < T; ++j) {
    if (!blk.real(j - 1, b)) continue;
    for (int64_t i = 0; i < j; ++i) {
      const double err = flow[i] + prefix[j] - prefix[i] - flow[j];
      weighted += pow[j - i] * err * err;
      norm += pow[j - i];
    }
  }
  if (norm == 0.0) return;
  *loss += scale * weighted / norm;
  const double c = 2.0 * scale / norm;
  for (int64_t j = 1; j < T; ++j) {
    if (!blk.real(j - 1, b)) continue;
    for (int64_t i = 0; i < j; ++i) {
      const double g = c * pow[j - i] * (flow[i] + prefix[j] - prefix[i] - flow[j]);
      if (learned[i]) up.flow[i] += g;
      if (learned[j]) up.flow[j] -= g;
      diff[i] += g;
      diff[j] -= g;
    }
  }
  double run = 0.0;
  for (int64_t t = 0; t + 1 < T; ++t) {
    run += diff[t];
    if (!blk.real(t, b)) continue;
    up.pf[t] += run;
    up.pb[t] -= run;
  }
}

}  // namespace objective
}  // namespace gfn4j
