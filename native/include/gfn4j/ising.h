// Ising environment kernels (gfnx IsingEnvironment semantics): one call steps a whole batch.
//
// State layout, structure of arrays over a batch of B states with D = N² sites:
//   spins    int32 [B, D]  -1 = unset, 0 = spin -1, 1 = spin +1; all -1 at the initial state
//   terminal uint8 [B]     1 once every site is set (there is no stop action)
//   pad      uint8 [B]     1 when the state was produced by a padding step
// Forward actions 2D: a sets site a mod D to value a / D; invalid when that site is set.
// Backward actions D: i clears site i; invalid when it is unset. Masks are invalid masks
// (1 = forbidden). Outputs may alias the matching inputs (in place).
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t ising_reset(int32_t sites, int64_t batch, int32_t* spins, uint8_t* terminal, uint8_t* pad) noexcept;

// A terminal input is copied with pad_out = 1. A spin outside {-1, 0, 1} gives kErrArgument, an
// out-of-range action kErrActionRange, a masked one kErrInvalidAction, before anything is written.
int32_t ising_step(int32_t sites, int64_t batch, const int32_t* spins, const uint8_t* terminal,
                   const int32_t* actions, int32_t* spins_out, uint8_t* terminal_out,
                   uint8_t* pad_out) noexcept;

// The initial state (every site unset) is copied with pad_out = 1; done[b] = 1 when the result
// is the initial state.
int32_t ising_backward_step(int32_t sites, int64_t batch, const int32_t* spins, const uint8_t* terminal,
                            const int32_t* actions, int32_t* spins_out, uint8_t* terminal_out,
                            uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, 2D]: both values of a set site are forbidden.
int32_t ising_forward_mask(int32_t sites, int64_t batch, const int32_t* spins, uint8_t* invalid) noexcept;

// invalid [B, D]: clearing an unset site is forbidden.
int32_t ising_backward_mask(int32_t sites, int64_t batch, const int32_t* spins, uint8_t* invalid) noexcept;

// obs [B, D] float32: the raw state values -1, 0, 1 (gfnx observes the int8 state).
int32_t ising_observe(int32_t sites, int64_t batch, const int32_t* spins, float* obs) noexcept;

// out[b] = xᵀJx with x = 2·spin − 1 over complete states, J dense [D, D] row-major (double).
int32_t ising_log_reward(int32_t sites, int64_t batch, const int32_t* spins, const double* coupling,
                         double* out) noexcept;

// Heat-bath sweeps under parallel tempering for P(x) ∝ exp(β·xᵀJx) (native/src/env/ising_sampler.cpp):
// `replicas` chains of ±1 spins [replicas, D] at inverse temperatures betas[replicas] (the last
// is the target). Each round r (numbered from first_round) does `sweeps` sweeps per chain, every
// site i resampled from its conditional, P(+1) = 1 / (1 + exp(−4βh_i)), h_i = Σ_{j≠i} J_ij x_j,
// then proposes swapping each pair of neighbouring temperatures (c, c+1) in turn, accepted when
// log u < (β_{c+1} − β_c)(E_c − E_{c+1}). The uniform of a site update is Philox draw
// (seed, round, chain·sweeps + sweep, site) and that of a swap (seed, round, replicas·sweeps + c, 0),
// as uniform53 of the first two words; exp is det_exp, so the Java twin agrees bit for bit.
int32_t ising_pt_heat_bath(int32_t sites, int32_t replicas, int64_t first_round, int32_t rounds, int32_t sweeps,
                           const double* coupling, const double* betas, uint64_t seed,
                           int32_t* chains) noexcept;

}  // namespace gfn4j
