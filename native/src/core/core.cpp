// Library identity and the driver probe that keeps CPU-only machines from mapping CUDA code.
#include <dlfcn.h>

#include "gfn4j/core.h"

namespace gfn4j {

int32_t abi_version() noexcept { return 1; }

int32_t cuda_driver_present() noexcept {
  void* handle = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
  if (handle == nullptr) return 0;
  dlclose(handle);
  return 1;
}

}  // namespace gfn4j
