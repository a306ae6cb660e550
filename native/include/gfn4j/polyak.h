// Polyak (soft) update of a target network's flat parameter buffer.
#pragma once
#include <cstdint>

namespace gfn4j {

// target[i] <- (1 - tau) * target[i] + tau * online[i] for i < n, in float; tau == 1 copies
// online exactly. tau must lie in [0, 1]; n >= 0; the buffers must not overlap.
int32_t polyak_update(int64_t n, float tau, const float* online, float* target) noexcept;

}  // namespace gfn4j
