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
#include "bench_main.hpp"
#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/radix_event_queue.hpp"
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

// A queue holding `pending` events; step() pops the earliest and pushes it back later.
template <class Queue>
class HoldModel {
 public:
  explicit HoldModel(std::size_t pending) : increments_(exponential_increments(7)) {
    queue_.reserve(pending);
    for (std::size_t i = 0; i < pending; ++i) {
      queue_.push(increment(), Priority::release, 0, static_cast<std::uint32_t>(i));
    }
  }
  void step() {
    const Event event = queue_.pop();
    queue_.push(event.time + increment(), Priority::release, event.type, event.subject);
  }
  std::size_t size() const { return queue_.size(); }

 private:
  Time increment() { return increments_[next_++ & (kIncrementTableSize - 1)]; }
  std::vector<Time> increments_;
  Queue queue_;
  std::size_t next_ = 0;
};

template <class Queue>
void BM_Hold(benchmark::State& state) {
  HoldModel<Queue> hold(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) hold.step();
  benchmark::DoNotOptimize(hold.size());
  // One hold step is one event processed (one pop and one push).
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK_TEMPLATE(BM_Hold, BinaryHeapQueue)->Arg(1000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_Hold, QuaternaryHeapQueue)->Arg(1000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_Hold, RadixEventQueue)->Arg(1000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_Hold, ReferenceQueue)->Arg(1000)->Arg(100000);

// The production queue's hold model with 100,000 pending events, 500,000 steps per round,
// against the bare M1 loop timed alternately: the gate's figure for the kernel alone.
void BM_HoldOverYardstick(benchmark::State& state) {
  constexpr std::size_t kPending = 100000, kSteps = 500000;
  HoldModel<RadixEventQueue> hold(kPending);
  bedflow::bench::measure_against_bare_loop(
      state,
      [&](std::uint64_t) {
        for (std::size_t k = 0; k < kSteps; ++k) hold.step();
        benchmark::DoNotOptimize(hold.size());
        return std::uint64_t{kSteps};
      },
      bedflow::bench::BareM1{});
}
BENCHMARK(BM_HoldOverYardstick)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return bedflow::bench::run_benchmarks(argc, argv); }
