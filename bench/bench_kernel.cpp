// The classic hold model on each event-queue implementation.
//
// N events are pending; each step pops the earliest and pushes one at its time plus an
// exponential increment, so the queue size stays N and the time distribution of pending
// events reaches its steady state. The increments are drawn before timing into a table, so
// the figures are the queue's cost, not the random-number generator's. The integer times
// (seconds, mean one day) give occasional exact ties, as in real runs.
//
// Short mode for CI: bench_kernel --benchmark_min_time=0.05
#include <cmath>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "bare_loop.hpp"
#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/reference_queue.hpp"
#include "bedflow/engine/time.hpp"

namespace {

using namespace bedflow::engine;

constexpr std::size_t kIncrementTableSize = std::size_t{1} << 16;  // a power of two

std::vector<Time> exponential_increments(std::uint64_t seed) {
  RandomStream stream(seed, 0, stream_id("hold/increments"));
  std::vector<Time> table(kIncrementTableSize);
  for (Time& t : table) t = from_days(-std::log(stream.uniform01()));
  return table;
}

template <class Queue>
void BM_Hold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const std::vector<Time> increments = exponential_increments(7);
  Queue queue;
  queue.reserve(pending);
  std::size_t next = 0;
  for (std::size_t i = 0; i < pending; ++i) {
    queue.push(increments[next++ & (kIncrementTableSize - 1)], Priority::release, 0,
               static_cast<std::uint32_t>(i));
  }
  for (auto _ : state) {
    const Event event = queue.pop();
    queue.push(event.time + increments[next++ & (kIncrementTableSize - 1)], Priority::release,
               event.type, event.subject);
  }
  benchmark::DoNotOptimize(queue.size());
  // One hold step is one event processed (one pop and one push).
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK_TEMPLATE(BM_Hold, BinaryHeapQueue)->Arg(1000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_Hold, QuaternaryHeapQueue)->Arg(1000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_Hold, ReferenceQueue)->Arg(1000)->Arg(100000);

// The production queue's hold model with 100,000 pending events, 500,000 steps per round,
// against the bare M1 loop timed alternately: the gate's figure for the kernel alone.
void BM_HoldOverYardstick(benchmark::State& state) {
  constexpr std::size_t kPending = 100000, kSteps = 500000;
  const std::vector<Time> increments = exponential_increments(7);
  QuaternaryHeapQueue queue;
  queue.reserve(kPending);
  std::size_t next = 0;
  for (std::size_t i = 0; i < kPending; ++i) {
    queue.push(increments[next++ & (kIncrementTableSize - 1)], Priority::release, 0,
               static_cast<std::uint32_t>(i));
  }
  bedflow::bench::measure_against_bare_loop(
      state,
      [&](std::uint64_t) {
        for (std::size_t k = 0; k < kSteps; ++k) {
          const Event event = queue.pop();
          queue.push(event.time + increments[next++ & (kIncrementTableSize - 1)],
                     Priority::release, event.type, event.subject);
        }
        benchmark::DoNotOptimize(queue.size());
        return std::uint64_t{kSteps};
      },
      bedflow::bench::BareM1{});
}
BENCHMARK(BM_HoldOverYardstick)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
