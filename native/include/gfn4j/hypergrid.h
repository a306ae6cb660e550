// Hypergrid environment kernels (gfnx semantics): one call steps a whole batch.
//
// State layout, structure of arrays over a batch of B states:
//   coords   int32 [B, D]   coordinates in [0, H-1], zero at the initial state
//   terminal uint8 [B]      1 once the stop action moved the state to its terminal copy
//   pad      uint8 [B]      1 when the state was produced by a padding step
// Forward actions: i < D increments coordinate i, D stops (terminal copy). Backward actions:
// i decrements coordinate i; from a terminal state only 0 ("undo stop") is valid.
// Masks are invalid masks: 1 = forbidden. Outputs may alias the matching inputs (in place).
// Rewards: a state is at level 2 when every coordinate lies in the R2 band, else level 1 when
// every coordinate lies in the R1 ring, else level 0; the caller passes log R of each level
// (log max(1e-6, R0 [+ R1 [+ R2]])), so Java and C++ share one set of logarithms.
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t hypergrid_reset(int32_t dim, int64_t batch, int32_t* coords, uint8_t* terminal,
                        uint8_t* pad) noexcept;

// log_reward[b] is log R of a state that terminates in this step, 0 otherwise. A terminal input
// state is copied with pad_out = 1 (its action is ignored). A masked action gives
// kErrInvalidAction and an out-of-range one kErrActionRange, before anything is written.
int32_t hypergrid_step(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2, int64_t batch,
                       const int32_t* coords, const uint8_t* terminal, const int32_t* actions,
                       int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                       float* log_reward) noexcept;

// done[b] = 1 when the resulting state is the initial state. The initial state is copied with
// pad_out = 1.
int32_t hypergrid_backward_step(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, const int32_t* actions,
                                int32_t* coords_out, uint8_t* terminal_out, uint8_t* pad_out,
                                uint8_t* done) noexcept;

// invalid [B, D+1]: increment i is forbidden at H-1; stop is always allowed.
int32_t hypergrid_forward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                               uint8_t* invalid) noexcept;

// invalid [B, D]: decrement i is forbidden at 0; a terminal state allows only action 0.
int32_t hypergrid_backward_mask(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                                const uint8_t* terminal, uint8_t* invalid) noexcept;

// obs [B, D*H] float32: one-hot per coordinate, flattened coordinate-major.
int32_t hypergrid_observe(int32_t dim, int32_t side, int64_t batch, const int32_t* coords,
                          float* obs) noexcept;

// Natural-log reward of each state's coordinates, in double precision.
int32_t hypergrid_log_reward(int32_t dim, int32_t side, double log_r0, double log_r1, double log_r2,
                             int64_t batch, const int32_t* coords, double* out) noexcept;

// Backward action that undoes forward action a (stop -> 0), and the forward action that a
// backward action from a state with flag `terminal` undoes (undo stop -> D).
int32_t hypergrid_backward_actions(int32_t dim, int64_t batch, const int32_t* forward_actions,
                                   int32_t* out) noexcept;
int32_t hypergrid_forward_actions(int32_t dim, int64_t batch, const uint8_t* terminal,
                                  const int32_t* backward_actions, int32_t* out) noexcept;

}  // namespace gfn4j
