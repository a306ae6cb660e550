// The batch passes environment kernels share: a step validates every row before anything is
// written, so bad input leaves no partial output behind and one status rule holds for every
// kernel (outputs may alias inputs); a mask fills one row of entries per state.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstring>

#include "../core/parallel.h"
#include "gfn4j/core.h"

namespace gfn4j {

// The status of a batch whose row b has status check(b), checked in parallel tasks of `grain`
// rows. A malformed row (kErrArgument, kErrActionRange) overrides everything, so a bad buffer is
// never reported as a mere forbidden action; kErrInvalidAction stands only while nothing else is.
template <typename Check>
int32_t check_rows(int64_t batch, int64_t grain, const Check& check) {
  std::atomic<int32_t> status{kOk};
  parallel_for(batch, grain, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      const int32_t code = check(b);
      if (code == kOk) continue;
      if (code == kErrInvalidAction) {
        int32_t expected = kOk;
        status.compare_exchange_strong(expected, code);
      } else {
        status.store(code);
      }
    }
  });
  return status.load();
}

// Rows [begin, end) of `width` cells copied to the output, unless it is the input (in place):
// one copy of the range, after which a kernel changes only the cells an action moves.
inline void copy_rows(const int32_t* in, int32_t* out, int64_t begin, int64_t end, int64_t width) {
  if (out != in) std::memcpy(out + begin * width, in + begin * width, sizeof(int32_t) * (end - begin) * width);
}

// A whole step kernel body: check(b) over every row (tasks of 4 * grain rows, validation being
// cheap), then, if all pass, each task copies its rows to the output and calls apply(b, out_row).
template <typename Check, typename Apply>
int32_t check_then_apply(int64_t batch, int64_t grain, int32_t width, const int32_t* cells, int32_t* cells_out,
                         const Check& check, const Apply& apply) noexcept {
  return guarded([&] {
    const int32_t status = check_rows(batch, 4 * grain, check);
    if (status != kOk) return status;
    parallel_for(batch, grain, [&](int64_t begin, int64_t end) {
      copy_rows(cells, cells_out, begin, end, width);
      for (int64_t b = begin; b < end; ++b) apply(b, cells_out + b * width);
    });
    return static_cast<int32_t>(kOk);
  });
}

// A whole mask kernel body: fill(b, row, mask) over every state row, `count` mask entries a row.
template <typename Fill>
int32_t fill_masks(int64_t batch, int64_t grain, int32_t width, const int32_t* cells, int32_t count,
                   uint8_t* invalid, const Fill& fill) noexcept {
  if (batch < 0 || !cells || !invalid) return kErrArgument;
  return guarded([&] {
    parallel_for(batch, grain, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b) fill(b, cells + b * width, invalid + b * count);
    });
    return static_cast<int32_t>(kOk);
  });
}

}  // namespace gfn4j
