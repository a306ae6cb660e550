// Counter-based random numbers (Philox4x32-10) and the masked categorical sampler of rollouts.
//
// Every draw is a pure function of (seed, step, slot, row): Philox4x32-10 with
//   key     = (seed low 32 bits, seed high 32 bits)
//   counter = (row, slot, step low 32 bits, step high 32 bits)
// so a batch gives the same numbers whatever the thread split, and a CUDA kernel can draw the
// same ones. Of the four output words, word 0 decides exploration (24-bit float uniform
// u_e = (w0 >> 8) * 2^-24, explore iff u_e < epsilon) and words 1-2 drive the categorical draw
// (53-bit double uniform u = ((w1 << 21) | (w2 >> 11)) * 2^-53); word 3 is unused.
#pragma once
#include <cstdint>

namespace gfn4j {

// Raw Philox4x32-10 on n independent (counter, key) pairs: counters [n, 4], keys [n, 2],
// out [n, 4] (the known-answer test entry point).
int32_t philox4x32_10(int64_t n, const uint32_t* counters, const uint32_t* keys,
                      uint32_t* out) noexcept;

// Samples one action per row of logits [B, A] under the invalid mask [B, A] (1 = forbidden).
// With probability epsilon a row explores (its logits are replaced by zeros: uniform over the
// valid actions, as gfnx), otherwise it samples softmax(logits / temperature) over the valid
// actions by inverse CDF on cumulative weights computed with a deterministic exp, so the Java
// twin (org.gfn4j.sample) returns identical actions. log_prob[b] (may be null) is the
// log-probability of the sampled action under the policy itself: the masked log_softmax of the
// raw logits at temperature 1 without exploration (what the objectives evaluate). A row with
// every action invalid (padding) gets action 0 and log_prob 0. kErrArgument for bad sizes, a
// NaN or +inf valid logit, or a row whose valid logits are all -inf; nothing is written then.
int32_t sample_masked(int64_t batch, int32_t num_actions, const float* logits,
                      const uint8_t* invalid, float epsilon, float temperature, int64_t seed,
                      int64_t step, int32_t slot, int32_t* actions, float* log_prob) noexcept;

}  // namespace gfn4j
