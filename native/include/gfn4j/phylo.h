// Phylogenetic-tree environment kernels (gfnx PhyloTreeEnvironment, Fitch parsimony): one call per batch.
//
// A batch of B states with n taxa and P packed words per Fitch-set row is int32 cells [B, W],
// W = 3n + (n−1)·P, plus terminal/pad flags uint8 [B]. Cells of one state:
//   [0, n)            root of slot i's tree (−1 once merged away); slot i's tree has leaf i as its smallest
//   [n, 2n−1)         left child of internal node n+k (−1 while absent), k = 0..n−2
//   [2n−1, 3n−2)      right child of internal node n+k
//   3n−2              merges so far (0 at the initial state, n−1 at a complete tree)
//   3n−1              Fitch parsimony M of the forest so far
//   [3n, W)           Fitch sets of internal node n+k, row k of P words (zeros while absent)
// Leaves are nodes 0..n−1, their sets in the caller's table leaf_sets [n, P]. A Fitch set is 5 bits
// per site, six sites per word (site s at bits 5·(s mod 6) of word s / 6). Merging slots i < j makes
// node n−1+j (the smallest leaf of the right tree names the node, so a forest has one encoding):
// per site the intersection of the two sets when non-empty, else their union and one mutation.
// Forward action a is the a-th pair (i < j) in row-major upper-triangular order, invalid when
// either slot is empty; backward action i < n−1 splits the tree of slot i (invalid when it is
// empty or a single leaf), returning its right subtree to slot j. Masks are invalid masks.
#pragma once
#include <cstdint>

namespace gfn4j {

// Ints per state: 3n + (n−1)·packed.
int64_t phylo_state_width(int32_t taxa, int32_t packed) noexcept;

int32_t phylo_reset(int32_t taxa, int32_t packed, int64_t batch, int32_t* cells, uint8_t* terminal,
                    uint8_t* pad) noexcept;

// A terminal input is copied with pad_out = 1. A node id outside [−1, 2n−1) or a merge count
// outside [0, n−1) in a row that is stepped gives kErrArgument, an action outside [0, n(n−1)/2)
// kErrActionRange, a masked one kErrInvalidAction, before anything is written. Outputs may alias
// the matching inputs (in place).
int32_t phylo_step(int32_t taxa, int32_t packed, int64_t batch, const int32_t* leaf_sets, const int32_t* cells,
                   const uint8_t* terminal, const int32_t* actions, int32_t* cells_out, uint8_t* terminal_out,
                   uint8_t* pad_out) noexcept;

// The initial state (no merge, not terminal) is copied with pad_out = 1; done[b] = 1 when the
// result is the initial state. Outputs may alias the matching inputs.
int32_t phylo_backward_step(int32_t taxa, int32_t packed, int64_t batch, const int32_t* leaf_sets,
                            const int32_t* cells, const uint8_t* terminal, const int32_t* actions,
                            int32_t* cells_out, uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, n(n−1)/2].
int32_t phylo_forward_mask(int32_t taxa, int32_t packed, int64_t batch, const int32_t* cells,
                           uint8_t* invalid) noexcept;

// invalid [B, n−1].
int32_t phylo_backward_mask(int32_t taxa, int32_t packed, int64_t batch, const int32_t* cells,
                            uint8_t* invalid) noexcept;

// obs [B, n, sites, 5] float32: bit t of the Fitch set of slot i's root at each site, least
// significant bit first, zeros for empty slots (gfnx's observation). A root id outside [−1, 2n−1)
// gives kErrArgument before anything is written.
int32_t phylo_observe(int32_t taxa, int32_t packed, int32_t sites, int64_t batch, const int32_t* leaf_sets,
                      const int32_t* cells, float* obs) noexcept;

}  // namespace gfn4j
