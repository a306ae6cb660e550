# Optional CUDA kernels: a second static archive, compiled for fixed architectures (the build
# machine may have no GPU) and linked later with the static CUDA runtime.
include(CheckLanguage)
set(GFN4J_CUDA_BUILT OFF)
if(GFN4J_WITH_CUDA)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    enable_language(CUDA)
    set(CMAKE_CUDA_STANDARD 17)
    file(GLOB_RECURSE GFN4J_CUDA_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/native/cuda/*.cu)
    add_library(gfn4j_cuda STATIC ${GFN4J_CUDA_SOURCES})
    set_target_properties(gfn4j_cuda PROPERTIES
      CUDA_ARCHITECTURES "80-real;90"
      POSITION_INDEPENDENT_CODE ON
      CUDA_SEPARABLE_COMPILATION OFF)
    target_include_directories(gfn4j_cuda PUBLIC
      ${CMAKE_CURRENT_SOURCE_DIR}/native/include ${CMAKE_CURRENT_SOURCE_DIR}/native/cuda)
    target_compile_options(gfn4j_cuda PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:-O3 -Xcompiler=-fPIC>)
    set(GFN4J_CUDA_BUILT ON)
  else()
    message(STATUS "gfn4j: no CUDA compiler found, building the CPU core only")
  endif()
endif()
# Tells Maven whether the CUDA glue can be linked (read by the java module).
file(WRITE ${CMAKE_BINARY_DIR}/cuda_built.txt "${GFN4J_CUDA_BUILT}\n")
