// Parallel-tempering heat-bath sampler of Ising spins for the energy-model baseline; its
// arithmetic (Philox uniforms, det_exp, sums in a fixed order, no fused multiply-add) is matched
// bit for bit by HeatBathSampler.java.
#include <cmath>
#include <utility>
#include <vector>

#include "../core/parallel.h"
#include "../sample/det_exp.h"
#include "../sample/philox.h"
#include "gfn4j/core.h"
#include "gfn4j/ising.h"
#include "ising_energy.h"

namespace gfn4j {
namespace {

double uniform(uint64_t seed, uint64_t step, uint32_t slot, uint32_t row) {
  uint32_t w[4];
  philox::draw(seed, step, slot, row, w);
  return philox::uniform53(w[0], w[1]);
}

}  // namespace

int32_t ising_pt_heat_bath(int32_t sites, int32_t replicas, int64_t first_round, int32_t rounds, int32_t sweeps,
                           const double* coupling, const double* betas, uint64_t seed,
                           int32_t* chains) noexcept {
  if (sites <= 0 || replicas <= 0 || first_round < 0 || rounds < 0 || sweeps < 0 || !coupling || !betas || !chains)
    return kErrArgument;
  for (int64_t k = 0; k < int64_t{replicas} * sites; ++k)
    if (chains[k] != -1 && chains[k] != 1) return kErrArgument;
  return guarded([&] {
    std::vector<double> e(replicas);
    for (int32_t r = 0; r < rounds; ++r) {
      const uint64_t step = static_cast<uint64_t>(first_round + r);
      // Chains are independent within a round: one task each.
      parallel_for(replicas, 1, [&](int64_t begin, int64_t end) {
        for (int64_t c = begin; c < end; ++c) {
          int32_t* x = chains + c * sites;
          for (int32_t s = 0; s < sweeps; ++s) {
            const uint32_t slot = static_cast<uint32_t>(c * sweeps + s);
            for (int32_t i = 0; i < sites; ++i) {
              double h = 0;
              for (int32_t j = 0; j < sites; ++j)
                if (j != i) h += coupling[i * sites + j] * x[j];
              const double p_up = 1.0 / (1.0 + det_exp(-4.0 * betas[c] * h));
              x[i] = uniform(seed, step, slot, static_cast<uint32_t>(i)) < p_up ? 1 : -1;
            }
          }
        }
      });
      for (int32_t c = 0; c < replicas; ++c) e[c] = ising_energy(chains + int64_t{c} * sites, sites, coupling);
      for (int32_t c = 0; c + 1 < replicas; ++c) {
        const double accept = det_exp((betas[c + 1] - betas[c]) * (e[c] - e[c + 1]));
        const double u = uniform(seed, step, static_cast<uint32_t>(replicas * sweeps + c), 0);
        if (u < accept) {
          int32_t* a = chains + int64_t{c} * sites;
          int32_t* b = chains + int64_t{c + 1} * sites;
          for (int32_t i = 0; i < sites; ++i) std::swap(a[i], b[i]);
          std::swap(e[c], e[c + 1]);
        }
      }
    }
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
