// The trajectory block: the layout shared by rollouts, objectives and metrics (no functions).
//
// Time-major, T1 slots (T1 = maxSteps + 1 for rollouts) of B trajectories, every array dense
// row-major with the slot index outermost, so slot t is one contiguous [B, ...] slab (the
// environment writes observations of slot t straight into the policy input of that step):
//
//   cells            int32   [T1, B, W]   state s_t
//   terminal         uint8   [T1, B]      s_t is a terminal state
//   pad              uint8   [T1, B]      s_t was produced by a padding step
//   obs              float32 [T1, B, O]   observation of s_t
//   forward_mask     uint8   [T1, B, A]   invalid forward actions at s_t (1 = forbidden)
//   backward_mask    uint8   [T1, B, Ab]  invalid backward actions at s_t
//   actions          int32   [T1, B]      forward action taken at s_t (s_t -> s_{t+1})
//   backward_actions int32   [T1, B]      backward action that undoes actions[t], taken at s_{t+1}
//   log_reward       float32 [T1, B]      log R received by transition t (non-zero only on the
//                                         step where s_{t+1} newly terminates)
//
// Transition t (0 <= t < T1-1) of trajectory b is real iff pad[t+1][b] == 0, and it ends the
// trajectory (done) iff terminal[t+1][b] == 1. The last slot's transition is always padding.
//   log PF_t = log_softmax(forward_logits[t] masked by forward_mask[t])[actions[t]]
//   log PB_t = log_softmax(backward_logits[t+1] masked by backward_mask[t+1])[backward_actions[t]]
// (for the hypergrid stop step the only valid backward action is "undo stop", so log PB_t = 0).
// A replay batch of N independent transitions is a block with T1 = 2 and B = N.
// Policy heads evaluated on all T1*B observations share the [T1, B, ...] layout:
//   forward_logits [T1, B, A], backward_logits [T1, B, Ab], log_flow [T1, B], log_z scalar.
#pragma once
