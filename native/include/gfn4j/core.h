// Status codes, version and process-wide settings shared by every gfn4j kernel.
#pragma once
#include <cstdint>

namespace gfn4j {

// Every kernel is noexcept and returns one of these; Java maps a negative code to an exception.
enum Status : int32_t {
  kOk = 0,
  kErrArgument = -1,       // null pointer, non-positive size or inconsistent shape
  kErrActionRange = -2,    // an action id outside [0, numActions)
  kErrInvalidAction = -3,  // an action id forbidden by the invalid mask of its state
  kErrInternal = -4,       // a C++ exception was caught at the boundary
  kErrCuda = -5,           // a CUDA runtime call failed
};

// Bumped whenever a kernel signature changes; Java refuses a library with another version.
int32_t abi_version() noexcept;

// 1 when libcuda.so.1 can be dlopen'ed (an NVIDIA driver exists), else 0. Loads nothing else.
int32_t cuda_driver_present() noexcept;

// Worker threads used across a batch (the calling thread included). n <= 0 restores the default
// (GFN4J_NUM_THREADS or the hardware concurrency). Returns the value now in force.
int32_t set_num_threads(int32_t n) noexcept;
int32_t num_threads() noexcept;

}  // namespace gfn4j
