#pragma once
// The benchmarks' main(): the process set up as `bedflow` sets itself up (freed memory kept
// for the next replication, bedflow/engine/memory_reuse.hpp), so that each case measures
// what a user's run does, then Google Benchmark's usual steps.
#include <benchmark/benchmark.h>

#include "bedflow/engine/memory_reuse.hpp"

namespace bedflow::bench {

inline int run_benchmarks(int argc, char** argv) {
  engine::keep_freed_memory();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace bedflow::bench
