// Rubik's 2x2x2 cube kernels (shortest paths, quarter-turn metric): one call steps a whole batch.
//
// The corner DBL never moves, which removes the 24 whole-cube rotations: only the faces U, R and F
// turn, and the 7 other corners reach 7! * 3^6 = 3,674,160 states.
// State layout, structure of arrays over a batch of B states:
//   cells    int32 [B, 14]  p(0..6), o(0..6): the corner at position i and its twist (0..2, sum = 0
//                           mod 3); positions URF, UFL, ULB, UBR, DFR, DLF, DRB; all -1 at the sentinel s0
//   terminal uint8 [B]      1 once the exit action moved the state to its terminal copy
//   pad      uint8 [B]      1 when the state was produced by a padding step
// A quarter turn m with tables (cp, co) maps (p, o) to p'(i) = p(cp(i)), o'(i) = o(cp(i)) + co(i) mod 3.
// Forward actions (7): 0 U, 1 U', 2 R, 3 R', 4 F, 5 F' (primed = counter-clockwise = three quarter
// turns), 6 exits. At s0 only action 0 ("enter") is valid and goes to the solved cube, the one start
// state of the fixed first edge; every state of the cube can exit.
// Backward actions (8): a < 6 undoes move a, 6 undoes exit (the only valid one at a terminal state),
// 7 returns to s0 (valid at the solved cube only).
// Reward: log R = 0 everywhere (every arrangement is a target; the shortest way to it is the point).
// Masks are invalid masks (1 = forbidden). Outputs may alias the matching inputs (in place). Every
// kernel validates its whole batch before writing anything: cells that are neither s0 nor a cube
// state give kErrArgument.
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t cube2_reset(int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept;

// log_reward[b] = 0 (log R of every state). A terminal input state is copied with pad_out = 1 (its
// action ignored). kErrActionRange / kErrInvalidAction as usual.
int32_t cube2_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                   int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, float* log_reward) noexcept;

// done[b] = 1 when the resulting state is s0; s0 itself is copied with pad_out = 1.
int32_t cube2_backward_step(int64_t batch, const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                            int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, 7]: at s0 every action but 0 is forbidden; elsewhere nothing is.
int32_t cube2_forward_mask(int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept;

// invalid [B, 8]: a terminal state allows only 6; s0 allows nothing; the solved cube allows 0..5 and 7;
// any other state 0..5.
int32_t cube2_backward_mask(int64_t batch, const int32_t* cells, const uint8_t* terminal, uint8_t* invalid) noexcept;

// obs [B, 147] float32: obs[21*i + 3*p(i) + o(i)] = 1 (zeros at s0).
int32_t cube2_observe(int64_t batch, const int32_t* cells, float* obs) noexcept;

// Backward action undoing forward action a taken at `cells` (enter at s0 -> 7, else a), and the
// forward action that backward action a taken at `cells` (flag `terminal`) undoes (return -> 0).
int32_t cube2_backward_actions(int64_t batch, const int32_t* cells, const int32_t* forward_actions,
                               int32_t* out) noexcept;
int32_t cube2_forward_actions(int64_t batch, const uint8_t* terminal, const int32_t* backward_actions,
                              int32_t* out) noexcept;

}  // namespace gfn4j
