// Permutation environment kernels (non-acyclic, Morozov et al. 2025): one call steps a whole batch.
//
// State layout, structure of arrays over a batch of B states of S_n:
//   cells    int32 [B, n]   sigma(0..n-1), a permutation of 0..n-1; all -1 at the sentinel s0
//   terminal uint8 [B]      1 once the exit action moved the state to its terminal copy
//   pad      uint8 [B]      1 when the state was produced by a padding step
// Forward actions (n+1): i < n-1 swaps positions i and i+1, n-1 is the cyclic shift
// (out[i] = in[(i-1) mod n]), n exits. At s0 only action 0 ("enter") is valid and goes to the
// identity; forward rollouts replace that step by a uniform draw over S_n (the fixed first edge).
// Backward actions (n+2): i < n-1 swaps back, n-1 shifts back, n undoes exit (the only valid one at
// a terminal state), n+1 returns to s0 (valid at every non-terminal permutation). Every
// forward move is valid at every permutation, so the state graph has cycles.
// Reward: log R(sigma) = #{i : sigma(i) = i} / t. Masks are invalid masks (1 = forbidden).
// Outputs may alias the matching inputs (in place). Every kernel validates its whole batch before
// writing anything: cells that are neither s0 nor a permutation give kErrArgument.
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t permutations_reset(int32_t n, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept;

// log_reward[b] = log R of a state that exits in this step, 0 otherwise. A terminal input state is
// copied with pad_out = 1 (its action ignored). kErrActionRange / kErrInvalidAction as usual.
int32_t permutations_step(int32_t n, double t, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out,
                          float* log_reward) noexcept;

// done[b] = 1 when the resulting state is s0; s0 itself is copied with pad_out = 1.
int32_t permutations_backward_step(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                                   uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, n+1]: at s0 every action but 0 is forbidden; elsewhere nothing is.
int32_t permutations_forward_mask(int32_t n, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept;

// invalid [B, n+2]: a terminal state allows only n; s0 allows nothing; a permutation all but n.
int32_t permutations_backward_mask(int32_t n, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                                   uint8_t* invalid) noexcept;

// obs [B, n*n] float32: obs[i*n + sigma(i)] = 1 (zeros at s0).
int32_t permutations_observe(int32_t n, int64_t batch, const int32_t* cells, float* obs) noexcept;

// Natural-log reward (#fixed points / t) of each permutation, in double precision.
int32_t permutations_log_reward(int32_t n, double t, int64_t batch, const int32_t* cells, double* out) noexcept;

// Backward action undoing forward action a taken at `cells` (enter at s0 -> n+1, else a), and the
// forward action that backward action a taken at `cells` (flag `terminal`) undoes (return -> 0).
int32_t permutations_backward_actions(int32_t n, int64_t batch, const int32_t* cells,
                                      const int32_t* forward_actions, int32_t* out) noexcept;
int32_t permutations_forward_actions(int32_t n, int64_t batch, const uint8_t* terminal,
                                     const int32_t* backward_actions, int32_t* out) noexcept;

}  // namespace gfn4j
