// Tree regression loss of MCTS-trained soft-DQN (Morozov et al. 2024) on the dueling head
// Q(s, a) = log F(s) + log_softmax(logits(s))(a) over the valid actions (temperature 1).
//
// Rows r < rows are visited states ([rows, actions] logits and masks, [rows] the rest). Where
// searched[r], the term (1/K_r)·Σ_{valid a} (Q(r, a) − target[r, a])² regresses every valid action
// onto the tree's Q_tree (K_r valid actions); where exit_action[r] >= 0 (the trajectory left r by
// that terminating action), the term (Q(r, exit) − log_reward[r])² grounds the exit in log R.
// loss = Σ terms / (number of terms); the upstream gradients dLoss/dlogits and dLoss/dlog F are
// written for every row (0 where a row has no term). Rows without a term are not read.
#pragma once
#include <cstdint>

namespace gfn4j {

int32_t ments_tree_loss(int64_t rows, int64_t actions, const float* logits, const float* log_flow,
                        const uint8_t* invalid, const uint8_t* searched, const float* target,
                        const int32_t* exit_action, const float* log_reward, double* out_loss,
                        float* d_logits, float* d_log_flow) noexcept;

}  // namespace gfn4j
