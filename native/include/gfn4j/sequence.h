// Sequence environment kernels (gfnx sequence.py semantics): one call steps a whole batch.
//
// Four kinds share one state layout, structure of arrays over a batch of B states:
//   tokens   int32 [B, L]  character ids 0..nchar-1, PAD where empty, EOS once an
//                          autoregressive sequence stopped
//   terminal uint8 [B]     1 once the sequence is complete
//   pad      uint8 [B]     1 when the state was produced by a padding step
// The shape is passed as int32 [kSequenceShapeSize] = {kind, L, nchar, PAD, BOS, EOS, trailing}
// where `trailing` = 1 selects AMP's observation (tokens, then EOS or PAD) instead of BOS + tokens.
//
//   kind                  forward actions                     backward actions     terminal
//   kNonAutoregressive    pos*nchar + c: set empty word pos   L: clear word pos    no PAD left
//   kFixedAutoregressive  nchar: append c                     1: remove last       no PAD left
//   kPrependAppend        a < nchar: prepend a, else append   2: 0 first, 1 last   no PAD left
//                         a - nchar
//   kAutoregressive       nchar + 1: append c; nchar = stop   1: remove last       EOS or no PAD
//                         (writes EOS)
// Masks are invalid masks (1 = forbidden); only kNonAutoregressive masks anything (filled words
// forward, empty words backward; all-false when full or empty). A forward step from a terminal
// state and a backward step from the initial state copy the state and set pad. Outputs may alias
// inputs. Every kernel validates its whole batch before writing anything.
#pragma once
#include <cstdint>

namespace gfn4j {

enum SequenceKind : int32_t {
  kNonAutoregressive = 0,
  kFixedAutoregressive = 1,
  kPrependAppend = 2,
  kAutoregressive = 3,
};

constexpr int32_t kSequenceShapeSize = 7;

int32_t sequence_reset(const int32_t* shape, int64_t batch, int32_t* tokens, uint8_t* terminal,
                       uint8_t* pad) noexcept;

// Dynamics only: the caller asks a reward module for the rows that became terminal. A masked
// action gives kErrInvalidAction and an out-of-range one kErrActionRange; an ill-formed state
// kErrArgument.
int32_t sequence_step(const int32_t* shape, int64_t batch, const int32_t* tokens, const uint8_t* terminal,
                      const int32_t* actions, int32_t* tokens_out, uint8_t* terminal_out,
                      uint8_t* pad_out) noexcept;

// done[b] = 1 when the resulting state is the initial state (all PAD).
int32_t sequence_backward_step(const int32_t* shape, int64_t batch, const int32_t* tokens,
                               const uint8_t* terminal, const int32_t* actions, int32_t* tokens_out,
                               uint8_t* terminal_out, uint8_t* pad_out, uint8_t* done) noexcept;

// invalid [B, numActions] and [B, numBackwardActions].
int32_t sequence_forward_mask(const int32_t* shape, int64_t batch, const int32_t* tokens, uint8_t* invalid) noexcept;
int32_t sequence_backward_mask(const int32_t* shape, int64_t batch, const int32_t* tokens, uint8_t* invalid) noexcept;

// obs [B, L+1]: BOS then the tokens, or (trailing) the tokens then PAD if the last one is PAD or
// EOS, else EOS.
int32_t sequence_observe(const int32_t* shape, int64_t batch, const int32_t* tokens, int32_t* obs) noexcept;

// obs [B, L*classes] float32: one-hot of each token over `classes` ids (ids >= classes, such as
// PAD in TFBind8, give a zero block), the input gfnx's MLP policies compute from the tokens.
int32_t sequence_observe_one_hot(const int32_t* shape, int32_t classes, int64_t batch, const int32_t* tokens,
                                 float* obs) noexcept;

// Backward action undoing each forward transition tokens --actions--> next, and the forward
// action redoing each backward transition tokens --backward_actions--> prev (0 for padding rows).
int32_t sequence_backward_actions(const int32_t* shape, int64_t batch, const int32_t* actions,
                                  int32_t* out) noexcept;
int32_t sequence_forward_actions(const int32_t* shape, int64_t batch, const int32_t* tokens,
                                 const uint8_t* terminal, const int32_t* backward_actions, int32_t* out) noexcept;

// Rewards of complete sequences, row rows[i] of tokens [*, L] (rows may be null: row i).
// Bitseq: out[i] = -beta * min_m Hamming(bits(x), m) / (L*k), each word written as k bits most
// significant first; modes are packed 64 bits per word, words_per_mode = ceil(L*k / 64).
int32_t bitseq_log_reward(int32_t length, int32_t k, int32_t num_modes, const uint64_t* modes, double beta,
                          int64_t count, const int32_t* tokens, const int32_t* rows, double* out) noexcept;

// Table: out[i] = log_table[sum_j tokens[j] * nchar^(L-1-j)] (first token most significant).
int32_t sequence_table_log_reward(int32_t length, int32_t nchar, const double* log_table, int64_t table_size,
                                  int64_t count, const int32_t* tokens, const int32_t* rows, double* out) noexcept;

}  // namespace gfn4j
