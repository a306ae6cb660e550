// Non-acyclic hypergrid kernels (hypergrid:...,moves=pm; Morozov et al. 2025): one call steps a
// whole batch.
//
// State layout as the hypergrid (gfn4j/hypergrid.h): coords int32 [B, D] in [0, H-1], terminal
// and pad uint8 [B]; the sentinel s0 has every coordinate -1. Forward actions (2D+1): i < D
// decrements coordinate i (forbidden at 0), D+i increments it (forbidden at H-1), 2D exits.
// At s0 only action 0 ("enter") is valid and goes to the origin; forward rollouts replace that
// step by a uniform draw over all H^D cells (the fixed first edge). Backward actions (2D+2):
// i undoes a decrement (+1), D+i undoes an increment (-1), 2D undoes exit (the only valid one at
// a terminal state), 2D+1 returns to s0 (valid at every non-terminal cell). Rewards are the
// hypergrid's (log R per level, passed by the caller). Masks are invalid masks (1 = forbidden);
// outputs may alias inputs; every kernel validates its batch before writing.
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t cyclic_hypergrid_reset(int32_t dim, int64_t batch, int32_t* coords, uint8_t* terminal,
                               uint8_t* pad) noexcept;

int32_t cyclic_hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2,
                              int64_t batch, const int32_t* coords, const uint8_t* terminal,
                              const int32_t* actions, int32_t* coords_out, uint8_t* terminal_out,
                              uint8_t* pad_out, float* log_reward) noexcept;

// done[b] = 1 when the resulting state is s0; s0 itself is copied with pad_out = 1.
int32_t cyclic_hypergrid_backward_step(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, const int32_t* actions, int32_t* coords_out,
                                       uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, 2D+1].
int32_t cyclic_hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                      uint8_t* invalid) noexcept;

// invalid [B, 2D+2].
int32_t cyclic_hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                       const uint8_t* terminal, uint8_t* invalid) noexcept;

// obs [B, D*H]: one-hot per coordinate (zeros at s0).
int32_t cyclic_hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                 float* obs) noexcept;

// Backward action undoing forward action a taken at `coords` (enter at s0 -> 2D+1, else a), and
// the forward action a backward action taken at a state with flag `terminal` undoes.
int32_t cyclic_hypergrid_backward_actions(int32_t dim, int64_t batch, const int32_t* coords,
                                          const int32_t* forward_actions, int32_t* out) noexcept;
int32_t cyclic_hypergrid_forward_actions(int32_t dim, int64_t batch, const uint8_t* terminal,
                                         const int32_t* backward_actions, int32_t* out) noexcept;

}  // namespace gfn4j
