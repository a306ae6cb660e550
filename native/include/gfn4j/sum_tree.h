// Sum tree of prioritized replay (Schaul et al. 2016): leaf priorities and every internal node's
// subtree sum in one caller-owned double buffer, for O(log n) updates and proportional draws.
//
// Layout: tree[2 * leaves], leaves a power of two; leaf i lives at tree[leaves + i], node k's
// children are 2k and 2k + 1, the total at tree[1]; tree[0] is unused. Internal nodes are
// always recomputed as left + right (no running deltas), so the sums never drift.
#pragma once
#include <cstdint>

namespace gfn4j {

// Sets leaf indices[j] to priorities[j] for j < n in order (a repeated index keeps its last
// value) and recomputes their ancestors. Priorities must be finite and >= 0, indices in
// [0, leaves); leaves must be a power of two >= 1.
int32_t sum_tree_set(int64_t leaves, double* tree, int64_t n, const int32_t* indices,
                     const double* priorities) noexcept;

// Stratified proportional draws: draw j targets mass (j + uniforms[j]) / n of the total
// (uniforms in [0, 1)) and descends to the leaf holding it, never to a zero-priority leaf.
// The total must be positive.
int32_t sum_tree_sample(int64_t leaves, const double* tree, int64_t n, const double* uniforms,
                        int32_t* out_indices) noexcept;

}  // namespace gfn4j
