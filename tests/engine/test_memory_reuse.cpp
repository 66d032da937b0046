// Freed memory kept for reuse: a block freed and allocated again is not faulted in afresh.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "bedflow/engine/memory_reuse.hpp"

namespace {

long minor_faults_so_far() {
  rusage usage{};
  REQUIRE(getrusage(RUSAGE_SELF, &usage) == 0);
  return usage.ru_minflt;
}

// memset through a pointer the compiler cannot see through: a malloc, memset and free it
// could see would be dropped as a whole, and there would be nothing to measure.
void* (*volatile opaque_memset)(void*, int, std::size_t) = std::memset;

// Allocates `bytes`, writes every byte, frees it; returns the minor page faults it took.
long faults_to_fill_a_fresh_block(std::size_t bytes) {
  const long before = minor_faults_so_far();
  void* block = std::malloc(bytes);
  REQUIRE(block != nullptr);
  opaque_memset(block, 0x5a, bytes);
  std::free(block);
  return minor_faults_so_far() - before;
}

}  // namespace

TEST_CASE("a freed block of a replication's size is reused without page faults",
          "[memory_reuse]") {
  if (!bedflow::engine::keep_freed_memory()) {
    WARN("this C library (or a sanitizer's allocator) has no trim or mapping thresholds: "
         "nothing to check");
    return;
  }
  // 8 MiB: over glibc's default thresholds (128 KiB), under kLargestReusedBlock, and 2,048
  // pages, so that faulting it in afresh could not pass for reuse.
  constexpr std::size_t kBytes = std::size_t{8} << 20;
  static_assert(kBytes < bedflow::engine::kLargestReusedBlock);
  const long first = faults_to_fill_a_fresh_block(kBytes);
  const long second = faults_to_fill_a_fresh_block(kBytes);
  INFO("faults filling it the first time " << first << ", the second time " << second);
  // The first fill may reuse memory an earlier test freed; the second must, all but a few
  // pages (the allocator's own bookkeeping, a page or two of a neighbouring block).
  CHECK(second < 16);
}
