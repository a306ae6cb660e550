// GFlowNet objectives over a trajectory block (gfn4j/trajectory.h): loss value and its exact
// gradient with respect to every policy head, with gfnx's scale conventions.
//
// Heads share the block's time-major layout: forward_logits [T1, B, A], backward_logits
// [T1, B, Ab], log_flow [T1, B], log_z a scalar. log PF / log PB are masked log-softmaxes
// (invalid actions excluded), evaluated exactly as trajectory.h states. Target-network heads
// (target_*) enter only stop-gradient terms; a null target head means "use the online head",
// still without gradient. delta_score [T1, B] (null = zeros) is the per-transition score
// difference Delta(s_t -> s_{t+1}) of FL-DB and MDB. With uniform_backward != 0 the backward
// logits are taken as zeros (log PB = -log #valid backward actions), backward_logits may be null
// and receives no gradient. Losses ("real" transitions have pad[t+1] == 0):
//   kTB      mean_b (logZ + sum_t logPF - sum_t logPB - logR)^2
//   kDB      sum_real 1/2 (logF(s) + logPF - logPB - (done ? logR : logF(s')))^2 / #real
//   kSubTB   mean_b sum_{i<j} lambda^(j-i) err_ij^2 / sum lambda^(j-i), logF(terminal) := logR
//   kFLDB    sum_real huber(logF(s) + logPF - sg[logPB' + (done ? 0 : logF'(s')) + delta]) / #real
//   kMDB     sum_{real, not done} huber(logPF'(stop|s') + logPF(s'|s) - logPF(stop|s) - logPB'
//            - delta) / #(real, not done)
//   kSoftDQN sum_real w huber(V(s) + temperature logsoftmax(adv)(a) - y) / #real,
//            y = (done ? logR : logPB'(s|s') + V'(s') [+ double]) + munchausen_alpha
//            clip(temperature logsoftmax(adv')(a), munchausen_l0, 0), w = leaf_coeff on done
//            transitions; adv = forward_logits, V = log_flow (dueling head, so the policy is
//            softmax(adv) = softmax(Q / temperature)); with double_dqn the next-state value adds
//            -temperature KL(softmax(adv(s')) || softmax(adv'(s'))) (online head constant);
//            logPB' is uniform, or the (target) backward head as a constant (a PB fitted apart)
// (primes: target network). huber has delta = 1. A loss whose normaliser is zero is 0.
// weights [T1, B] (null = ones; finite, >= 0) multiply each transition's term (transition t at
// cell t; TB and SubTB weight trajectory b by weights[0, b]); normalisers are unchanged.
// td_errors [T1, B] (may be null) receives every transition's residual (the loss's err at cell t
// for DB, FL-DB, MDB and soft-DQN, the trajectory residual at cell 0 for TB, 0 elsewhere).
// Gradients are float buffers of the heads' shapes; every element is written (zero where the
// loss does not depend on it); a null gradient buffer is skipped. d_log_z is zero except for TB.
#pragma once
#include <cstdint>

namespace gfn4j {

enum ObjectiveKind : int32_t {
  kObjectiveTB = 0,
  kObjectiveDB = 1,
  kObjectiveSubTB = 2,
  kObjectiveFLDB = 3,
  kObjectiveMDB = 4,
  kObjectiveSoftDQN = 5,
  kObjectiveNDB = 6,      // non-acyclic DB, log scale, + reg * F
  kObjectiveNDBFlow = 7,  // non-acyclic DB, flow scale, + reg * F
  kObjectiveSDB = 8,      // stable DB (flow or log scale), + reg * F
};

// Block and heads as above; lambda is SubTB's, leaf_coeff soft-DQN's, stop_action MDB's;
// munchausen_alpha in [0, 1), munchausen_l0 <= 0 and temperature > 0 are soft-DQN's.
// Forward (and, where used, backward) actions of real transitions must be in range and valid
// under their masks (kErrActionRange / kErrInvalidAction, checked before anything is written).
int32_t objective_loss(int32_t kind, int64_t slots, int64_t batch, int32_t num_actions,
                       int32_t num_backward_actions, const int32_t* actions,
                       const int32_t* backward_actions, const uint8_t* forward_mask,
                       const uint8_t* backward_mask, const uint8_t* terminal, const uint8_t* pad,
                       const float* log_reward, const float* forward_logits,
                       const float* backward_logits, const float* log_flow, double log_z,
                       const float* target_forward_logits, const float* target_backward_logits,
                       const float* target_log_flow, const float* delta_score,
                       const float* weights, double lambda, double leaf_coeff, int32_t stop_action,
                       int32_t uniform_backward, double munchausen_alpha, double munchausen_l0,
                       double temperature, int32_t double_dqn, double* loss,
                       float* d_forward_logits, float* d_backward_logits, float* d_log_flow,
                       double* d_log_z, float* td_errors) noexcept;

// Objectives for state graphs with cycles (Morozov et al. 2025), per real transition s -> s',
// with a = log F(s) + log PF(s'|s) and c = log F(s') + log PB(s|s') (log F(s') := log R and
// log PB := 0 on exit, as above), and the regularised flow F_r = exp(log F(s)):
//   kNDB      (a - c)^2 + reg * F_r
//   kNDBFlow  (e^a - e^c)^2 + reg * F_r
//   kSDB      log(1 + eps |x|^alpha) * (1 + eta * F_r)^beta + reg * F_r, x = e^a - e^c
//             (log_scale = 0) or x = a - c (log_scale != 0)
// summed over real transitions and divided by their number. A transition whose backward action
// is return_action (>= 0) is the fixed first edge s0 -> s1: there log F(s0) := log_z (which gets
// the gradient), log PF := first_edge_log_pf (fixed) and F_r := F(s1); first_edge_log_pf_rows
// [B] (may be null) replaces first_edge_log_pf by one fixed value per trajectory (a non-uniform
// start distribution: log PF(s1 | s0) of that row's s1; each row has at most one first edge). Other arguments as
// objective_loss; the backward head is learned unless uniform_backward. weights [T1, B] (null =
// ones) multiply each transition's term; td_errors [T1, B] (may be null) receives each transition's
// residual (a - c for kNDB, e^a - e^c for kNDBFlow, x for kSDB; 0 elsewhere).
int32_t cycle_objective_loss(int32_t kind, int64_t slots, int64_t batch, int32_t num_actions,
                             int32_t num_backward_actions, const int32_t* actions,
                             const int32_t* backward_actions, const uint8_t* forward_mask,
                             const uint8_t* backward_mask, const uint8_t* terminal, const uint8_t* pad,
                             const float* log_reward, const float* forward_logits,
                             const float* backward_logits, const float* log_flow, double log_z,
                             const float* weights, double first_edge_log_pf, const float* first_edge_log_pf_rows,
                             int32_t return_action, double reg,
                             double alpha, double beta, double eps, double eta, int32_t log_scale, int32_t uniform_backward,
                             double* loss, float* d_forward_logits, float* d_backward_logits,
                             float* d_log_flow, double* d_log_z, float* td_errors) noexcept;

// Per-transition log PF_t and log PB_t [T1, B] (0 on padding transitions) and per-trajectory
// sums sum_log_pf, sum_log_pb and log_r = sum of log_reward over real transitions [B]. Any
// output may be null.
int32_t trajectory_log_probs(int64_t slots, int64_t batch, int32_t num_actions,
                             int32_t num_backward_actions, const int32_t* actions,
                             const int32_t* backward_actions, const uint8_t* forward_mask,
                             const uint8_t* backward_mask, const uint8_t* pad,
                             const float* log_reward, const float* forward_logits,
                             const float* backward_logits, int32_t uniform_backward,
                             float* log_pf, float* log_pb, double* sum_log_pf,
                             double* sum_log_pb, double* log_r) noexcept;

}  // namespace gfn4j
