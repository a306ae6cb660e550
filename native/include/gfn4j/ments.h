// MENTS search trees (Xiao et al. 2019, as Morozov et al. 2024 run them on GFlowNets): one arena of
// nodes per trajectory, E2W selection, soft-Bellman backup, expansion with leaf values supplied by
// the caller (the target network, evaluated for every tree in one batched call between phases).
//
// Buffers (caller-owned, structure of arrays; T trees of C nodes, A actions, W state cells):
//   q        double  [T*C*A]  Q_tree(node, a)
//   child    int32   [T*C*A]  child node of (node, a), -1 while unexpanded
//   invalid  uint8   [T*C*A]  1 where a is forbidden at the node's state
//   visits   int32   [T*C]    N(node): nodes in the subtree (1 at creation, +1 per backup through it)
//   parent   int32   [T*C]    parent node (-1 for a root), parent_action int32 [T*C]
//   reward   double  [T*C]    inner reward r(node) = log PB(parent | node); 0 for a terminal node
//   value    double  [T*C]    soft value: logsumexp of the valid Q for an inner node, the exit
//                             estimate Q_tree(parent, exit) at creation for a terminal one
//   terminal uint8   [T*C]    1 for a terminal (exit) node
//   cells    int32   [T*C*W]  the node's environment state (opaque to the tree)
//   size     int32   [T]      nodes used in the arena; root int32 [T]: the root node, -1 for none
// A call works on n distinct trees tree_ids[0..n). exp and log are the deterministic det_exp and
// det_log so that the Java twin (org.gfn4j.search.JavaMents) agrees bit for bit.
#pragma once
#include <cstdint>

namespace gfn4j {

// Appends one root per listed tree at size[t] (cells, Q, invalid mask from root_* rows j) and
// makes it the tree's root. kErrArgument when an arena is full or a root has no valid action.
int32_t ments_set_roots(int64_t trees, int64_t capacity, int64_t actions, int64_t width, double* q,
                        int32_t* child, uint8_t* invalid, int32_t* visits, int32_t* parent,
                        int32_t* parent_action, double* reward, double* value, uint8_t* terminal,
                        int32_t* cells, int32_t* size, int32_t* root, int64_t n,
                        const int32_t* tree_ids, const int32_t* root_cells, const double* root_q,
                        const uint8_t* root_invalid) noexcept;

// E2W descent from each listed tree's root: at node s, pi(a|s) = (1 - l)·softmax(Q(s, .))_a + l/k
// over the k valid actions, l = min(1, eps·k / log(N(s) + 1)); action drawn with
// uniforms[j*max_depth + depth] in [0, 1). Stops at the first unexpanded (node, action):
// out_node[j] = node, out_action[j] = action, out_cells row j = the node's cells. A descent
// that reaches an existing terminal node reports out_node = that node, out_action = -1.
int32_t ments_select(int64_t trees, int64_t capacity, int64_t actions, int64_t width,
                     const double* q, const int32_t* child, const uint8_t* invalid,
                     const int32_t* visits, const uint8_t* terminal, const int32_t* cells,
                     const int32_t* root, double eps, int64_t n, const int32_t* tree_ids,
                     int64_t max_depth, const double* uniforms, int32_t* out_node,
                     int32_t* out_action, int32_t* out_cells) noexcept;

// Creates the child of (nodes[j], acts[j]) for each listed tree (child_* rows j: its cells, whether
// it is terminal, its inner reward, and for an inner child the target network's Q row and
// invalid mask) and backs it up to the root: Q(p, a) <- r(c) + value(c), value(p) <- logsumexp
// of Q(p, .) over valid actions, N(p) += 1. acts[j] = -1 revisits the terminal node nodes[j]
// (a backup without a new node).
int32_t ments_expand(int64_t trees, int64_t capacity, int64_t actions, int64_t width, double* q,
                     int32_t* child, uint8_t* invalid, int32_t* visits, int32_t* parent,
                     int32_t* parent_action, double* reward, double* value, uint8_t* terminal,
                     int32_t* cells, int32_t* size, const int32_t* root, int64_t n,
                     const int32_t* tree_ids, const int32_t* nodes, const int32_t* acts,
                     const int32_t* child_cells, const uint8_t* child_terminal,
                     const double* child_reward, const double* child_q,
                     const uint8_t* child_invalid) noexcept;

// Moves each listed tree's root to its child under acts[j] (tree reuse); the root becomes -1
// when that child is unexpanded or terminal.
int32_t ments_advance(int64_t trees, int64_t capacity, int64_t actions, const int32_t* child,
                      const uint8_t* terminal, int32_t* root, int64_t n, const int32_t* tree_ids,
                      const int32_t* acts) noexcept;

}  // namespace gfn4j
