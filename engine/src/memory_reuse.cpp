#include "bedflow/engine/memory_reuse.hpp"

#include <cstdlib>  // defines __GLIBC__ when the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bedflow::engine {

bool keep_freed_memory() noexcept {
#if defined(__GLIBC__)
  // Trimming only once a gigabyte is free at a heap's top: in practice, never during a run.
  const bool trim = mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1;
  const bool map = mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargestReusedBlock)) == 1;
  return trim && map;
#else
  return false;
#endif
}

}  // namespace bedflow::engine
