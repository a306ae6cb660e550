// CPU kernels of the Ising environment; validation
// runs over the whole batch before any output is written (outputs may alias inputs).
#include "gfn4j/ising.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#include "../core/parallel.h"
#include "gfn4j/core.h"
#include "ising_energy.h"
#include "row_passes.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 1024;

bool bad_shape(int32_t sites, int64_t batch) { return sites <= 0 || batch < 0; }

bool spins_ok(const int32_t* s, int32_t sites) {
  for (int32_t i = 0; i < sites; ++i)
    if (s[i] < -1 || s[i] > 1) return false;
  return true;
}

bool all_unset(const int32_t* s, int32_t sites) {
  for (int32_t i = 0; i < sites; ++i)
    if (s[i] != -1) return false;
  return true;
}

bool all_set(const int32_t* s, int32_t sites) {
  for (int32_t i = 0; i < sites; ++i)
    if (s[i] == -1) return false;
  return true;
}

}  // namespace

int32_t ising_reset(int32_t sites, int64_t batch, int32_t* spins, uint8_t* terminal, uint8_t* pad) noexcept {
  if (bad_shape(sites, batch) || !spins || !terminal || !pad) return kErrArgument;
  for (int64_t k = 0; k < batch * sites; ++k) spins[k] = -1;
  std::memset(terminal, 0, static_cast<size_t>(batch));
  std::memset(pad, 0, static_cast<size_t>(batch));
  return kOk;
}

int32_t ising_step(int32_t sites, int64_t batch, const int32_t* spins, const uint8_t* terminal,
                   const int32_t* actions, int32_t* spins_out, uint8_t* terminal_out,
                   uint8_t* pad_out) noexcept {
  if (bad_shape(sites, batch) || !spins || !terminal || !actions || !spins_out || !terminal_out || !pad_out)
    return kErrArgument;
  const auto check = [&](int64_t b) -> int32_t {
    if (terminal[b]) return kOk;
    const int32_t* s = spins + b * sites;
    const int32_t a = actions[b];
    if (!spins_ok(s, sites)) return kErrArgument;
    if (a < 0 || a >= 2 * sites) return kErrActionRange;
    if (s[a % sites] != -1) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* s) {
    const bool was_terminal = terminal[b] != 0;
    pad_out[b] = was_terminal ? 1 : 0;
    if (was_terminal) {
      terminal_out[b] = 1;
      return;
    }
    s[actions[b] % sites] = actions[b] / sites;
    terminal_out[b] = all_set(s, sites) ? 1 : 0;
  };
  return check_then_apply(batch, kGrain, sites, spins, spins_out, check, apply);
}

int32_t ising_backward_step(int32_t sites, int64_t batch, const int32_t* spins, const uint8_t* terminal,
                            const int32_t* actions, int32_t* spins_out, uint8_t* terminal_out,
                            uint8_t* pad_out, uint8_t* done) noexcept {
  if (bad_shape(sites, batch) || !spins || !terminal || !actions || !spins_out || !terminal_out ||
      !pad_out || !done)
    return kErrArgument;
  const auto check = [&](int64_t b) -> int32_t {
    const int32_t* s = spins + b * sites;
    const int32_t a = actions[b];
    if (!spins_ok(s, sites)) return kErrArgument;
    if (all_unset(s, sites)) return kOk;  // the initial state: padding
    if (a < 0 || a >= sites) return kErrActionRange;
    if (s[a] == -1) return kErrInvalidAction;
    return kOk;
  };
  const auto apply = [&](int64_t b, int32_t* s) {
    const bool initial = all_unset(s, sites);
    if (!initial) s[actions[b]] = -1;
    terminal_out[b] = 0;
    pad_out[b] = initial ? 1 : 0;
    done[b] = all_unset(s, sites) ? 1 : 0;
  };
  return check_then_apply(batch, kGrain, sites, spins, spins_out, check, apply);
}

int32_t ising_forward_mask(int32_t sites, int64_t batch, const int32_t* spins, uint8_t* invalid) noexcept {
  if (bad_shape(sites, batch) || !spins || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* s = spins + b * sites;
        uint8_t* m = invalid + b * 2 * sites;
        for (int32_t i = 0; i < sites; ++i) m[i] = m[sites + i] = s[i] != -1 ? 1 : 0;
      }
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t ising_backward_mask(int32_t sites, int64_t batch, const int32_t* spins, uint8_t* invalid) noexcept {
  if (bad_shape(sites, batch) || !spins || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin * sites; k < end * sites; ++k) invalid[k] = spins[k] == -1 ? 1 : 0;
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t ising_observe(int32_t sites, int64_t batch, const int32_t* spins, float* obs) noexcept {
  if (bad_shape(sites, batch) || !spins || !obs) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin * sites; k < end * sites; ++k) obs[k] = static_cast<float>(spins[k]);
    });
    return static_cast<int32_t>(kOk);
  });
}

int32_t ising_log_reward(int32_t sites, int64_t batch, const int32_t* spins, const double* coupling,
                         double* out) noexcept {
  if (bad_shape(sites, batch) || !spins || !coupling || !out) return kErrArgument;
  return guarded([&] {
    std::atomic<int32_t> status{kOk};
    parallel_for(batch, 64, [&](int64_t begin, int64_t end) {
      std::vector<int32_t> x(sites);
      for (int64_t b = begin; b < end; ++b) {
        const int32_t* s = spins + b * sites;
        if (!spins_ok(s, sites) || !all_set(s, sites)) {
          status.store(kErrArgument);
          continue;
        }
        for (int32_t i = 0; i < sites; ++i) x[i] = 2 * s[i] - 1;
        out[b] = ising_energy(x.data(), sites, coupling);
      }
    });
    return status.load();
  });
}

}  // namespace gfn4j
