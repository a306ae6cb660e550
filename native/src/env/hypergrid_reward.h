// The gfnx hypergrid reward, shared by the CPU kernels: every coordinate value is classified
// once per call (float32 arithmetic, as gfnx computes it), so a state's reward is a table lookup.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace gfn4j {

class HypergridReward {
 public:
  // level_log_r[k] = log R of a state at level k (computed once, by the caller).
  HypergridReward(int32_t side, const double level_log_r[3]) : ring_(side), band_(side) {
    for (int32_t s = 0; s < side; ++s) {
      const float a = std::fabs(static_cast<float>(s) / static_cast<float>(side - 1) - 0.5f);
      ring_[s] = a > 0.25f;
      band_[s] = a > 0.3f && a < 0.4f;
    }
    for (int k = 0; k < 3; ++k) log_r_[k] = level_log_r[k];
  }

  // 0: outside the R1 region, 1: inside R1 only, 2: inside R2 (which lies inside R1).
  int level(const int32_t* coords, int32_t dim) const {
    bool all_ring = true, all_band = true;
    for (int32_t d = 0; d < dim; ++d) {
      all_ring = all_ring && ring_[coords[d]];
      all_band = all_band && band_[coords[d]];
    }
    return all_band ? 2 : (all_ring ? 1 : 0);
  }

  double log_reward(const int32_t* coords, int32_t dim) const { return log_r_[level(coords, dim)]; }

 private:
  std::vector<uint8_t> ring_, band_;
  double log_r_[3];
};

}  // namespace gfn4j
