// Exact terminal distribution of a forward policy over an enumerated state graph (no sampling).
//
// The graph (built once per environment by org.gfn4j.metrics.StateGraph) has N non-terminal
// states (index 0 = initial state), M terminal objects and A forward actions. Edge e = s * A + a
// leads from state s under action a to
//   children[e] = -1          the action is invalid at s,
//                 c in [0, N) the non-terminal state c,
//                 N + x       the terminal object x.
// The graph is a DAG; states are grouped into topological levels (level 0 = no parents), so the
// mass of every state of a level depends only on earlier levels. The incoming edges of each state
// and of each terminal object are listed in CSR form (in_start / in_edge hold edge ids e, the
// parent being e / A), in increasing edge order, so every sum runs in one fixed order: results
// are bitwise independent of the thread count.
#pragma once
#include <cstdint>

namespace gfn4j {

// probs[r, a] = softmax over the valid actions of row r of logits[r, :] (computed in double);
// 0 where children[r, a] < 0. A row without a valid action gives kErrArgument before anything
// is written.
int32_t exact_masked_softmax(int64_t rows, int32_t num_actions, const float* logits,
                             const int32_t* children, double* probs) noexcept;

// Forward sweep of the probability mass from the initial state `root` in topological order:
// mass[s] = [s == root] for level-0 states, else sum over incoming edges e of
// mass[e / A] * probs[e]; terminal_mass[x] = sum over its incoming edges likewise. The graph
// arrays must come from StateGraph (edge ids in [0, N*A), order a permutation of [0, N)).
int32_t exact_propagate(int32_t num_states, int32_t num_terminal, int32_t num_actions,
                        const double* probs, int32_t root, int32_t num_levels,
                        const int32_t* level_start, const int32_t* order, const int32_t* in_start,
                        const int32_t* in_edge, const int32_t* terminal_in_start,
                        const int32_t* terminal_in_edge, double* mass,
                        double* terminal_mass) noexcept;

}  // namespace gfn4j
