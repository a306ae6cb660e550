// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11), written
// from the published round function; host-only today, kept free of library calls for CUDA.
#pragma once
#include <cstdint>

namespace gfn4j {
namespace philox {

constexpr uint32_t kM0 = 0xD2511F53u;  // round multipliers
constexpr uint32_t kM1 = 0xCD9E8D57u;
constexpr uint32_t kW0 = 0x9E3779B9u;  // Weyl key increments
constexpr uint32_t kW1 = 0xBB67AE85u;

// Ten rounds; the key is bumped before every round but the first (the Random123 schedule).
inline void block(const uint32_t ctr_in[4], const uint32_t key_in[2], uint32_t out[4]) {
  uint32_t c0 = ctr_in[0], c1 = ctr_in[1], c2 = ctr_in[2], c3 = ctr_in[3];
  uint32_t k0 = key_in[0], k1 = key_in[1];
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    const uint64_t p0 = static_cast<uint64_t>(kM0) * c0;
    const uint64_t p1 = static_cast<uint64_t>(kM1) * c2;
    const uint32_t hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
    const uint32_t hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

// The four words of draw (seed, step, slot, row); layout documented in gfn4j/sampler.h.
inline void draw(uint64_t seed, uint64_t step, uint32_t slot, uint32_t row, uint32_t out[4]) {
  const uint32_t ctr[4] = {row, slot, static_cast<uint32_t>(step), static_cast<uint32_t>(step >> 32)};
  const uint32_t key[2] = {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  block(ctr, key, out);
}

inline float uniform24(uint32_t w) { return static_cast<float>(w >> 8) * 0x1.0p-24f; }

inline double uniform53(uint32_t hi, uint32_t lo) {
  return static_cast<double>((static_cast<uint64_t>(hi) << 21) | (lo >> 11)) * 0x1.0p-53;
}

}  // namespace philox
}  // namespace gfn4j
