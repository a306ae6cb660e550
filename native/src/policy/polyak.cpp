// Polyak averaging for target networks (soft-DQN, FL-DB, MDB), one call per parameter buffer.
#include "gfn4j/polyak.h"

#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {

int32_t polyak_update(int64_t n, float tau, const float* online, float* target) noexcept {
  if (n < 0 || (n > 0 && (online == nullptr || target == nullptr)) || !(tau >= 0.0f && tau <= 1.0f)) {
    return kErrArgument;
  }
  return guarded([&] {
    if (tau == 1.0f) {
      if (n > 0) std::memcpy(target, online, static_cast<size_t>(n) * sizeof(float));
      return static_cast<int32_t>(kOk);
    }
    const float keep = 1.0f - tau;
    parallel_for(n, int64_t{1} << 16, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) {
        const float a = keep * target[i];
        const float b = tau * online[i];
        target[i] = a + b;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
