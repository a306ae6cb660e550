// A whole forward rollout of an MLP policy in one native call: environment step, masks, the
// policy forward (gfn4j/mlp.h), sampling (gfn4j/sampler.h) and recording into the trajectory
// block (gfn4j/trajectory.h), looping until the block's last slot.
#pragma once
#include <cstdint>

namespace gfn4j {

// Environments whose batch kernels the fused rollout can call, with their parameters:
//   kRolloutHypergrid: env_ints = {dim, side}, env_doubles = {log R0, log R1, log R2} levels.
enum RolloutEnvKind : int32_t { kRolloutHypergrid = 0 };

// The most hidden layers whose activations the rollout keeps.
constexpr int32_t kRolloutMaxDepth = 16;

// Fills every slot of a block of `slots` × `batch` trajectories from the initial state, exactly
// as org.gfn4j.rollout.ForwardRollout does with the same kernels: at slot t the environment
// writes observations and masks, the MLP evaluates the slot's rows (except rows of padding steps)
// into the three head blocks [slots, batch, A | Ab | 1] (heads {A, Ab, 1} in that order), the
// sampler draws actions with key (seed, rng_step, slot t, row) and the environment steps into
// slot t + 1. Once every state of a slot is terminal the policy is no longer called and the
// remaining slots are padding steps with action 0. *used receives max(2, first all-terminal slot
// + 1) (the block's slot count if none); *policy_nanos the wall time spent in the forward.
// sampled_log_pf [batch] is scratch. With acts non-null (one buffer per hidden layer, depth at most
// kRolloutMaxDepth, each with room for slots × batch rows of `hidden` floats), the evaluated rows'
// hidden activations are kept as mlp_forward_keep keeps them, slot after slot, so they line up
// with the block's non-padding rows in block order; *act_rows receives their count.
// Returns the first failing kernel's status.
int32_t rollout_forward_mlp(int32_t env_kind, const int32_t* env_ints, const double* env_doubles,
                            int32_t slots, int64_t batch, int32_t width, int32_t obs_size,
                            int32_t num_actions, int32_t num_backward_actions, int32_t* cells,
                            uint8_t* terminal, uint8_t* pad, float* obs, uint8_t* forward_mask,
                            uint8_t* backward_mask, int32_t* actions, int32_t* backward_actions,
                            float* log_reward, float* forward_logits, float* backward_logits,
                            float* log_flow, int32_t depth, int32_t hidden, int32_t activation,
                            const float* packed, float epsilon, float temperature, int64_t seed,
                            int64_t rng_step, float* sampled_log_pf, int32_t* used,
                            int64_t* policy_nanos, float* const* acts, int64_t* act_rows) noexcept;

}  // namespace gfn4j
