// The fused forward rollout (gfn4j/rollout.h): the loop of org.gfn4j.rollout.ForwardRollout in
// C++, calling the same batch kernels, so a rollout costs one JNI call instead of several per slot.
#include "gfn4j/rollout.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "gfn4j/core.h"
#include "gfn4j/hypergrid.h"
#include "gfn4j/mlp.h"
#include "gfn4j/sampler.h"

namespace gfn4j {
namespace {

// One environment's batch kernels over the slot arrays, selected by kind.
struct EnvKernels {
  int32_t kind;
  const int32_t* ints;
  const double* doubles;

  bool valid() const {
    return kind == kRolloutHypergrid && ints != nullptr && doubles != nullptr && ints[0] >= 1 && ints[1] >= 1;
  }
  int32_t reset(int64_t b, int32_t* cells, uint8_t* terminal, uint8_t* pad) const {
    return hypergrid_reset(ints[0], b, cells, terminal, pad);
  }
  int32_t observe(int64_t b, const int32_t* cells, float* obs) const {
    return hypergrid_observe(ints[0], ints[1], b, cells, obs);
  }
  int32_t forward_mask(int64_t b, const int32_t* cells, uint8_t* invalid) const {
    return hypergrid_forward_mask(ints[0], ints[1], b, cells, invalid);
  }
  int32_t backward_mask(int64_t b, const int32_t* cells, const uint8_t* terminal, uint8_t* invalid) const {
    return hypergrid_backward_mask(ints[0], ints[1], b, cells, terminal, invalid);
  }
  int32_t step(int64_t b, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
               int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, float* log_reward) const {
    return hypergrid_step(ints[0], ints[1], doubles[0], doubles[1], doubles[2], b, cells, terminal, actions,
                          cells_out, terminal_out, pad_out, log_reward);
  }
  int32_t backward_actions(int64_t b, const int32_t* actions, int32_t* out) const {
    return hypergrid_backward_actions(ints[0], b, actions, out);
  }
  // Shapes the kernels write, checked against the caller's block.
  int32_t width() const { return ints[0]; }
  int32_t obs_size() const { return ints[0] * ints[1]; }
  int32_t num_actions() const { return ints[0] + 1; }
  int32_t num_backward_actions() const { return ints[0]; }
};

}  // namespace

int32_t rollout_forward_mlp(int32_t env_kind, const int32_t* env_ints, const double* env_doubles, int32_t slots,
                            int64_t batch, int32_t width, int32_t obs_size, int32_t num_actions,
                            int32_t num_backward_actions, int32_t* cells, uint8_t* terminal, uint8_t* pad,
                            float* obs, uint8_t* forward_mask, uint8_t* backward_mask, int32_t* actions,
                            int32_t* backward_actions, float* log_reward, float* forward_logits,
                            float* backward_logits, float* log_flow, int32_t depth, int32_t hidden,
                            int32_t activation, const float* packed, float epsilon, float temperature,
                            int64_t seed, int64_t rng_step, float* sampled_log_pf, int32_t* used,
                            int64_t* policy_nanos, float* const* acts, int64_t* act_rows) noexcept {
  const EnvKernels env{env_kind, env_ints, env_doubles};
  if (!env.valid() || slots < 2 || batch < 1 || width != env.width() || obs_size != env.obs_size() ||
      num_actions != env.num_actions() || num_backward_actions != env.num_backward_actions() ||
      used == nullptr || policy_nanos == nullptr) {
    return kErrArgument;
  }
  for (const void* p : {static_cast<const void*>(cells), static_cast<const void*>(terminal),
                        static_cast<const void*>(pad), static_cast<const void*>(obs),
                        static_cast<const void*>(forward_mask), static_cast<const void*>(backward_mask),
                        static_cast<const void*>(actions), static_cast<const void*>(backward_actions),
                        static_cast<const void*>(log_reward), static_cast<const void*>(forward_logits),
                        static_cast<const void*>(backward_logits), static_cast<const void*>(log_flow),
                        static_cast<const void*>(packed), static_cast<const void*>(sampled_log_pf)}) {
    if (p == nullptr) return kErrArgument;
  }
  for (int32_t i = 0; acts != nullptr && i < depth; ++i) {
    if (acts[i] == nullptr) return kErrArgument;
  }
  if (acts != nullptr && (act_rows == nullptr || depth > kRolloutMaxDepth)) return kErrArgument;
  const int32_t units[3] = {num_actions, num_backward_actions, 1};
  // Where the next slot's evaluated rows go in each acts[i]: after every row evaluated before.
  float* acts_at[kRolloutMaxDepth] = {};
  int64_t kept = 0;
  int64_t nanos = 0;
  int32_t used_slots = slots;
  bool policy_done = false;
  int32_t status = env.reset(batch, cells, terminal, pad);
  for (int32_t t = 0; status >= 0 && t < slots; ++t) {
    const int64_t row = t * batch;
    int32_t* c = cells + row * width;
    const uint8_t* term = terminal + row;
    status = env.observe(batch, c, obs + row * obs_size);
    if (status >= 0) status = env.forward_mask(batch, c, forward_mask + row * num_actions);
    if (status >= 0) status = env.backward_mask(batch, c, term, backward_mask + row * num_backward_actions);
    if (status < 0) break;
    if (!policy_done) {
      float* heads[3] = {forward_logits + row * num_actions, backward_logits + row * num_backward_actions,
                         log_flow + row};
      const auto start = std::chrono::steady_clock::now();
      // Rows produced by padding steps belong to finished trajectories: no objective reads their heads.
      for (int32_t i = 0; acts != nullptr && i < depth; ++i) acts_at[i] = acts[i] + kept * hidden;
      int64_t live = 0;
      status = mlp_forward_keep(obs_size, depth, hidden, 3, units, activation, packed, batch, obs + row * obs_size,
                                t == 0 ? nullptr : pad + row, heads, acts == nullptr ? nullptr : acts_at, &live);
      kept += live;
      nanos += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
                   .count();
      if (status < 0) break;
      if (std::all_of(term, term + batch, [](uint8_t f) { return f != 0; })) {
        policy_done = true;
        used_slots = t + 1;
      }
    }
    if (t + 1 == slots) break;
    int32_t* a = actions + row;
    if (policy_done) {
      std::fill(a, a + batch, 0);  // every state is terminal: a padding step, any action will do
    } else {
      status = sample_masked(batch, num_actions, forward_logits + row * num_actions,
                             forward_mask + row * num_actions, epsilon, temperature, seed, rng_step, t, a,
                             sampled_log_pf);
      if (status < 0) break;
    }
    const int64_t next = row + batch;
    status = env.step(batch, c, term, a, cells + next * width, terminal + next, pad + next, log_reward + row);
    if (status >= 0) status = env.backward_actions(batch, a, backward_actions + row);
  }
  *used = std::max(used_slots, 2);
  *policy_nanos = nanos;
  if (act_rows != nullptr) *act_rows = kept;
  return status < 0 ? status : static_cast<int32_t>(kOk);
}

}  // namespace gfn4j
