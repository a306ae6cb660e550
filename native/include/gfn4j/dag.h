// DAG environment kernels (gfnx DAGEnvironment semantics): one call steps a whole batch.
//
// State layout, structure of arrays over a batch of B states with d nodes (1 <= d <= 32):
//   cells    int32 [B, 2·d²]  adjacency (row-major, (i, j) = edge i -> j) then closure_T, the
//                             transitive closure of the transposed graph with the identity:
//                             closure_T(i, j) = 1 when j = i or a directed path j -> ... -> i exists
//   terminal uint8 [B]        1 once the stop action moved the state to its terminal copy
//   pad      uint8 [B]        1 when the state was produced by a padding step
// Forward actions d²+1: a < d² adds edge (a / d) -> (a % d); d² stops. Adding u -> v is invalid
// when the edge exists or closure_T(u, v) = 1 (self-loop, or v already reaches u: a cycle).
// Backward actions d²+1 with the same ids: a < d² removes an existing edge; d² undoes the stop
// and is the only valid action of a terminal state. Masks are invalid masks: 1 = forbidden.
// Outputs may alias the matching inputs (in place).
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t dag_reset(int32_t d, int64_t batch, int32_t* cells, uint8_t* terminal, uint8_t* pad) noexcept;

// Adding u -> v updates the closure in O(d²): closure_T |= outer(closure_T[u, :], closure_T[:, v]).
// A terminal input is copied with pad_out = 1. An adjacency cell outside {0, 1} gives
// kErrArgument, an out-of-range action kErrActionRange, a masked one kErrInvalidAction, before
// anything is written.
int32_t dag_step(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                 const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                 uint8_t* pad_out) noexcept;

// Removing an edge recomputes the closure from the adjacency. The initial state (no edge, not
// terminal) is copied with pad_out = 1; done[b] = 1 when the result is the initial state.
int32_t dag_backward_step(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                          uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, d²+1]: adjacency | closure_T, and 0 for stop.
int32_t dag_forward_mask(int32_t d, int64_t batch, const int32_t* cells, uint8_t* invalid) noexcept;

// invalid [B, d²+1]: a terminal state allows only d²; otherwise the existing edges.
int32_t dag_backward_mask(int32_t d, int64_t batch, const int32_t* cells, const uint8_t* terminal,
                          uint8_t* invalid) noexcept;

// obs [B, 2·d²] float32: the adjacency then closure_T, as 0/1.
int32_t dag_observe(int32_t d, int64_t batch, const int32_t* cells, float* obs) noexcept;

}  // namespace gfn4j
