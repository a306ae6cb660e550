// A small persistent thread pool: one parallel_for per batch kernel, run inline when the batch is
// too small for threads to pay.
#pragma once
#include <cstdint>
#include <functional>

namespace gfn4j {

// Calls fn(begin, end) over disjoint ranges covering [0, n). A range holds at least `grain`
// items, so n < 2 * grain runs on the calling thread alone. Nested calls run inline.
void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& fn);

// Wraps a kernel body so that no C++ exception escapes into JNI.
template <typename F>
int32_t guarded(F&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return -4;  // kErrInternal
  }
}

}  // namespace gfn4j
