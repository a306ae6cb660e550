// MENTS search trees: root placement, E2W descent, expansion with soft-Bellman backup, root reuse.
#include "gfn4j/ments.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "../core/parallel.h"
#include "../sample/det_exp.h"
#include "det_log.h"
#include "gfn4j/core.h"

namespace gfn4j {
namespace {

constexpr int64_t kGrain = 4;

// logsumexp of row over its valid entries; -inf when none is valid.
double soft_value(const double* row, const uint8_t* inv, int64_t n) {
  double m = -HUGE_VAL;
  for (int64_t a = 0; a < n; ++a)
    if (!inv[a] && row[a] > m) m = row[a];
  if (m == -HUGE_VAL) return m;
  double s = 0.0;
  for (int64_t a = 0; a < n; ++a)
    if (!inv[a]) s += det_exp(row[a] - m);
  return m + det_log(s);
}

bool any_valid(const uint8_t* inv, int64_t n) {
  for (int64_t a = 0; a < n; ++a)
    if (!inv[a]) return true;
  return false;
}

bool distinct_trees(int64_t trees, int64_t n, const int32_t* ids) {
  std::vector<uint8_t> seen(static_cast<size_t>(trees), 0);  // bad_alloc is caught by the callers' guard
  for (int64_t j = 0; j < n; ++j) {
    if (ids[j] < 0 || ids[j] >= trees || seen[ids[j]]) return false;
    seen[ids[j]] = 1;
  }
  return true;
}

// E2W draw at one node: mixture of softmax(Q) and uniform over the valid actions.
int64_t e2w_action(const double* row, const uint8_t* inv, int64_t n, int32_t visits, double eps,
                   double u) {
  int64_t k = 0;
  double m = -HUGE_VAL;
  for (int64_t a = 0; a < n; ++a) {
    if (inv[a]) continue;
    ++k;
    if (row[a] > m) m = row[a];
  }
  double total = 0.0;
  for (int64_t a = 0; a < n; ++a)
    if (!inv[a]) total += det_exp(row[a] - m);
  double lambda = eps * static_cast<double>(k) / det_log(static_cast<double>(visits) + 1.0);
  if (lambda > 1.0) lambda = 1.0;  // the paper's eps keeps it far below 1; the clamp keeps pi a law
  const double uniform = lambda / static_cast<double>(k);
  double cum = 0.0;
  int64_t last = -1;
  for (int64_t a = 0; a < n; ++a) {
    if (inv[a]) continue;
    last = a;
    cum += (1.0 - lambda) * (det_exp(row[a] - m) / total) + uniform;
    if (u < cum) return a;
  }
  return last;  // rounding left u at or past the total
}

void backup(int64_t base, int64_t actions, double* q, const uint8_t* invalid, int32_t* visits,
            const int32_t* parent, const int32_t* parent_action, const double* reward,
            double* value, int32_t node, int32_t root) {
  while (node != root) {
    const int32_t p = parent[base + node];
    const int64_t row = (base + p) * actions;
    q[row + parent_action[base + node]] = reward[base + node] + value[base + node];
    value[base + p] = soft_value(q + row, invalid + row, actions);
    visits[base + p] += 1;
    node = p;
  }
}

}  // namespace

int32_t ments_set_roots(int64_t trees, int64_t capacity, int64_t actions, int64_t width, double* q,
                        int32_t* child, uint8_t* invalid, int32_t* visits, int32_t* parent,
                        int32_t* parent_action, double* reward, double* value, uint8_t* terminal,
                        int32_t* cells, int32_t* size, int32_t* root, int64_t n,
                        const int32_t* tree_ids, const int32_t* root_cells, const double* root_q,
                        const uint8_t* root_invalid) noexcept {
  if (trees < 1 || capacity < 1 || actions < 1 || width < 1 || n < 0 || !q || !child || !invalid ||
      !visits || !parent || !parent_action || !reward || !value || !terminal || !cells || !size ||
      !root || (n > 0 && (!tree_ids || !root_cells || !root_q || !root_invalid)))
    return kErrArgument;
  const int32_t ids_ok = guarded([&]() -> int32_t { return distinct_trees(trees, n, tree_ids) ? kOk : kErrArgument; });
  if (ids_ok != kOk) return ids_ok;
  for (int64_t j = 0; j < n; ++j) {
    const int32_t t = tree_ids[j];
    if (size[t] < 0 || size[t] >= capacity || !any_valid(root_invalid + j * actions, actions))
      return kErrArgument;
  }
  return guarded([&]() -> int32_t {
    for (int64_t j = 0; j < n; ++j) {
      const int64_t t = tree_ids[j];
      const int64_t base = t * capacity;
      const int32_t node = size[t]++;
      const int64_t row = (base + node) * actions;
      std::memcpy(q + row, root_q + j * actions, sizeof(double) * actions);
      std::memcpy(invalid + row, root_invalid + j * actions, actions);
      for (int64_t a = 0; a < actions; ++a) child[row + a] = -1;
      std::memcpy(cells + (base + node) * width, root_cells + j * width, sizeof(int32_t) * width);
      visits[base + node] = 1;
      parent[base + node] = -1;
      parent_action[base + node] = -1;
      reward[base + node] = 0.0;
      terminal[base + node] = 0;
      value[base + node] = soft_value(q + row, invalid + row, actions);
      root[t] = node;
    }
    return kOk;
  });
}

int32_t ments_select(int64_t trees, int64_t capacity, int64_t actions, int64_t width,
                     const double* q, const int32_t* child, const uint8_t* invalid,
                     const int32_t* visits, const uint8_t* terminal, const int32_t* cells,
                     const int32_t* root, double eps, int64_t n, const int32_t* tree_ids,
                     int64_t max_depth, const double* uniforms, int32_t* out_node,
                     int32_t* out_action, int32_t* out_cells) noexcept {
  if (trees < 1 || capacity < 1 || actions < 1 || width < 1 || n < 0 || max_depth < 1 || !q ||
      !child || !invalid || !visits || !terminal || !cells || !root ||
      (n > 0 && (!tree_ids || !uniforms || !out_node || !out_action || !out_cells)) ||
      !(eps >= 0.0) || !std::isfinite(eps))
    return kErrArgument;
  const int32_t ids_ok = guarded([&]() -> int32_t { return distinct_trees(trees, n, tree_ids) ? kOk : kErrArgument; });
  if (ids_ok != kOk) return ids_ok;
  for (int64_t j = 0; j < n; ++j) {
    const int32_t r = root[tree_ids[j]];
    if (r < 0 || r >= capacity) return kErrArgument;
    for (int64_t d = 0; d < max_depth; ++d) {
      const double u = uniforms[j * max_depth + d];
      if (!(u >= 0.0 && u < 1.0)) return kErrArgument;
    }
  }
  int32_t status = kOk;
  const int32_t run = guarded([&]() -> int32_t {
    parallel_for(n, kGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t j = lo; j < hi; ++j) {
        const int64_t base = tree_ids[j] * capacity;
        int32_t node = root[tree_ids[j]];
        int32_t act = -1;
        for (int64_t d = 0;; ++d) {
          if (terminal[base + node]) break;  // a revisited exit: back up without expanding
          if (d >= max_depth) {
            __atomic_store_n(&status, kErrArgument, __ATOMIC_RELAXED);  // deeper than the caller's bound
            break;
          }
          const int64_t row = (base + node) * actions;
          const int64_t a = e2w_action(q + row, invalid + row, actions, visits[base + node], eps,
                                       uniforms[j * max_depth + d]);
          const int32_t next = child[row + a];
          if (next < 0) {
            act = static_cast<int32_t>(a);
            break;
          }
          node = next;
        }
        out_node[j] = node;
        out_action[j] = act;
        std::memcpy(out_cells + j * width, cells + (base + node) * width, sizeof(int32_t) * width);
      }
    });
    return kOk;
  });
  return run != kOk ? run : status;
}

int32_t ments_expand(int64_t trees, int64_t capacity, int64_t actions, int64_t width, double* q,
                     int32_t* child, uint8_t* invalid, int32_t* visits, int32_t* parent,
                     int32_t* parent_action, double* reward, double* value, uint8_t* terminal,
                     int32_t* cells, int32_t* size, const int32_t* root, int64_t n,
                     const int32_t* tree_ids, const int32_t* nodes, const int32_t* acts,
                     const int32_t* child_cells, const uint8_t* child_terminal,
                     const double* child_reward, const double* child_q,
                     const uint8_t* child_invalid) noexcept {
  if (trees < 1 || capacity < 1 || actions < 1 || width < 1 || n < 0 || !q || !child || !invalid ||
      !visits || !parent || !parent_action || !reward || !value || !terminal || !cells || !size ||
      !root ||
      (n > 0 && (!tree_ids || !nodes || !acts || !child_cells || !child_terminal || !child_reward ||
                 !child_q || !child_invalid)))
    return kErrArgument;
  const int32_t ids_ok = guarded([&]() -> int32_t { return distinct_trees(trees, n, tree_ids) ? kOk : kErrArgument; });
  if (ids_ok != kOk) return ids_ok;
  for (int64_t j = 0; j < n; ++j) {
    const int64_t t = tree_ids[j];
    const int64_t base = t * capacity;
    if (root[t] < 0 || root[t] >= size[t] || nodes[j] < 0 || nodes[j] >= size[t]) return kErrArgument;
    if (acts[j] < 0) {
      if (acts[j] != -1 || !terminal[base + nodes[j]]) return kErrArgument;
      continue;
    }
    if (acts[j] >= actions) return kErrActionRange;
    const int64_t row = (base + nodes[j]) * actions;
    if (terminal[base + nodes[j]] || child[row + acts[j]] >= 0) return kErrArgument;
    if (invalid[row + acts[j]]) return kErrInvalidAction;
    if (size[t] >= capacity) return kErrArgument;
    if (!child_terminal[j] &&
        (!any_valid(child_invalid + j * actions, actions) || !std::isfinite(child_reward[j])))
      return kErrArgument;
  }
  return guarded([&]() -> int32_t {
    parallel_for(n, kGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t j = lo; j < hi; ++j) {
        const int64_t t = tree_ids[j];
        const int64_t base = t * capacity;
        int32_t node = nodes[j];
        if (acts[j] < 0) {
          visits[base + node] += 1;
        } else {
          const int32_t p = node;
          const int64_t prow = (base + p) * actions;
          node = size[t]++;
          child[prow + acts[j]] = node;
          const int64_t row = (base + node) * actions;
          for (int64_t a = 0; a < actions; ++a) child[row + a] = -1;
          std::memcpy(cells + (base + node) * width, child_cells + j * width, sizeof(int32_t) * width);
          visits[base + node] = 1;
          parent[base + node] = p;
          parent_action[base + node] = acts[j];
          terminal[base + node] = child_terminal[j];
          if (child_terminal[j]) {
            // The exit's value is the parent's current estimate of log R: no reward call in the tree.
            std::memset(invalid + row, 1, actions);
            for (int64_t a = 0; a < actions; ++a) q[row + a] = 0.0;
            reward[base + node] = 0.0;
            value[base + node] = q[prow + acts[j]];
          } else {
            std::memcpy(q + row, child_q + j * actions, sizeof(double) * actions);
            std::memcpy(invalid + row, child_invalid + j * actions, actions);
            reward[base + node] = child_reward[j];
            value[base + node] = soft_value(q + row, invalid + row, actions);
          }
        }
        backup(base, actions, q, invalid, visits, parent, parent_action, reward, value, node, root[t]);
      }
    });
    return kOk;
  });
}

int32_t ments_advance(int64_t trees, int64_t capacity, int64_t actions, const int32_t* child,
                      const uint8_t* terminal, int32_t* root, int64_t n, const int32_t* tree_ids,
                      const int32_t* acts) noexcept {
  if (trees < 1 || capacity < 1 || actions < 1 || n < 0 || !child || !terminal || !root ||
      (n > 0 && (!tree_ids || !acts)))
    return kErrArgument;
  const int32_t ids_ok = guarded([&]() -> int32_t { return distinct_trees(trees, n, tree_ids) ? kOk : kErrArgument; });
  if (ids_ok != kOk) return ids_ok;
  for (int64_t j = 0; j < n; ++j) {
    if (root[tree_ids[j]] < 0 || root[tree_ids[j]] >= capacity) return kErrArgument;
    if (acts[j] < 0 || acts[j] >= actions) return kErrActionRange;
  }
  return guarded([&]() -> int32_t {
    for (int64_t j = 0; j < n; ++j) {
      const int64_t t = tree_ids[j];
      const int32_t next = child[(t * capacity + root[t]) * actions + acts[j]];
      root[t] = next >= 0 && !terminal[t * capacity + next] ? next : -1;
    }
    return kOk;
  });
}

}  // namespace gfn4j
