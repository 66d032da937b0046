#pragma once
// Freed memory kept in the process for the next replication.
//
// A replication allocates its event queue, its records and its measures, fills them and
// frees them all when it ends; the next replication on the thread allocates the same sizes
// again. By default glibc hands the free memory at the top of a heap back to the kernel
// once more than 128 KiB of it is free, and serves blocks over a moving threshold (128 KiB
// at first) by fresh mappings, so each replication touched new pages and paid a page fault
// per 4 KiB: on a virtual machine here 12 us each, about 500 per replication of the M1 bed
// model at 5,600 beds, a fifth of its time. keep_freed_memory() raises both limits, so
// freed blocks up to kLargestReusedBlock are reused in place.
//
// Cost: the resident size stays near its peak instead of falling between replications.
// Call once, at the start of main(), before any thread starts. Returns false, having
// changed nothing, when the C library has no such settings (not glibc, or a sanitizer's
// allocator): nothing is wrong then, replications only fault more.
#include <cstddef>

namespace bedflow::engine {

// glibc's largest allowed mapping threshold on 64-bit hosts (HEAP_MAX_SIZE / 2).
inline constexpr std::size_t kLargestReusedBlock = std::size_t{32} << 20;

bool keep_freed_memory() noexcept;

}  // namespace bedflow::engine
