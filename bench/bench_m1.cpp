// The bed model "M1" on the engine, beside a bare hand-written loop of the same model.
//
// M1: Poisson arrivals 100 a day, lognormal stays (mean 5 days, sd 5 days), 560 beds, a FIFO
// line for a bed, 1,000 simulated days from empty. The engine runs it as a QueueingStation;
// the yardstick is one array binary heap of (time, seq, type, id), one pcg64 generator and
// inline samplers, with no engine class at all: what this machine can do with the model when
// nothing is general. The engine must reach at least two thirds of the yardstick's events
// per second; BM_M1_EngineOverYardstick reports that ratio, timing both in the same process.
//
// Short mode for CI: bench_m1 --benchmark_min_time=0.05
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <numbers>
#include <vector>

#include <benchmark/benchmark.h>
#include <pcg_random.hpp>

#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/queueing_station.hpp"

namespace {

constexpr double kArrivalsPerDay = 100.0;
constexpr double kStayMeanDays = 5.0;
constexpr double kStaySdDays = 5.0;
constexpr std::int64_t kBeds = 560;
constexpr std::int64_t kHorizonDays = 1000;
constexpr std::uint64_t kSeed = 20260101;

bedflow::engine::QueueingStationConfig m1_config(std::uint64_t replication) {
  using namespace bedflow::engine;
  QueueingStationConfig config;
  config.arrivals_per_day = kArrivalsPerDay;
  config.servers = kBeds;
  config.service = DistributionParams::lognormal_mean_sd(kStayMeanDays, kStaySdDays);
  config.rule = WaitingRule::fifo_line;
  config.horizon = kHorizonDays * kDay;
  config.seed = kSeed;
  config.replication = replication;
  return config;
}

// ---- The yardstick: no engine classes below this line until the benchmarks. ----

struct BareEvent {
  std::int64_t time;
  std::uint64_t seq;
  std::uint32_t type;
  std::uint32_t id;
};

inline bool bare_before(const BareEvent& a, const BareEvent& b) {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

class BareBinaryHeap {
 public:
  bool empty() const { return heap_.empty(); }
  const BareEvent& top() const { return heap_.front(); }
  void push(BareEvent e) {
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!bare_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }
  BareEvent pop() {
    const BareEvent result = heap_.front();
    const BareEvent last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n > 0) {
      std::size_t i = 0;
      while (true) {
        std::size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && bare_before(heap_[child + 1], heap_[child])) ++child;
        if (!bare_before(heap_[child], last)) break;
        heap_[i] = heap_[child];
        i = child;
      }
      heap_[i] = last;
    }
    return result;
  }

 private:
  std::vector<BareEvent> heap_;
};

struct BareResult {
  std::uint64_t events = 0;
  std::uint64_t arrived = 0;
  std::uint64_t discharged = 0;
  double total_wait_days = 0.0;
};

BareResult run_bare_m1(std::uint64_t seed) {
  constexpr std::uint32_t kArrive = 0, kLeave = 1;
  constexpr double kTicksPerDay = 86400.0;
  pcg64 generator(seed);
  auto uniform01 = [&generator] {
    return (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53;
  };
  auto ticks = [](double days) { return static_cast<std::int64_t>(std::nearbyint(days * kTicksPerDay)); };
  const double sigma2 = std::log1p((kStaySdDays * kStaySdDays) / (kStayMeanDays * kStayMeanDays));
  const double mu = std::log(kStayMeanDays) - 0.5 * sigma2;
  const double sigma = std::sqrt(sigma2);
  auto stay = [&] {
    const double u1 = uniform01();
    const double u2 = uniform01();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    return ticks(std::exp(mu + sigma * z));
  };
  auto interarrival = [&] { return ticks(-std::log(uniform01()) / kArrivalsPerDay); };

  // The FIFO line holds arrival times in a power-of-two ring.
  std::vector<std::int64_t> line(1024);
  std::size_t head = 0, waiting = 0;

  BareBinaryHeap heap;
  std::uint64_t seq = 0;
  std::int64_t free_beds = kBeds;
  const std::int64_t horizon = kHorizonDays * static_cast<std::int64_t>(kTicksPerDay);
  BareResult r;
  heap.push({interarrival(), seq++, kArrive, 0});
  while (!heap.empty() && heap.top().time <= horizon) {
    const BareEvent e = heap.pop();
    ++r.events;
    if (e.type == kArrive) {
      heap.push({e.time + interarrival(), seq++, kArrive, 0});
      const auto id = static_cast<std::uint32_t>(r.arrived++);
      if (free_beds > 0 && waiting == 0) {
        --free_beds;
        heap.push({e.time + stay(), seq++, kLeave, id});
      } else {
        if (waiting == line.size()) {
          std::vector<std::int64_t> bigger(line.size() * 2);
          for (std::size_t i = 0; i < waiting; ++i) bigger[i] = line[(head + i) & (line.size() - 1)];
          line.swap(bigger);
          head = 0;
        }
        line[(head + waiting++) & (line.size() - 1)] = e.time;
      }
    } else {
      ++r.discharged;
      ++free_beds;
      if (waiting > 0) {
        const std::int64_t arrived = line[head];
        head = (head + 1) & (line.size() - 1);
        --waiting;
        --free_beds;
        r.total_wait_days += static_cast<double>(e.time - arrived) / kTicksPerDay;
        heap.push({e.time + stay(), seq++, kLeave, e.id});
      }
    }
  }
  return r;
}

// ---- Benchmarks ----

template <class Queue>
void BM_M1_Engine(benchmark::State& state) {
  std::uint64_t events = 0, patients = 0, replication = 0;
  std::size_t peak_slots = 0;
  for (auto _ : state) {
    const auto result = bedflow::engine::run_queueing_station<Queue>(m1_config(replication++));
    benchmark::DoNotOptimize(result);
    events += result.events_processed;
    patients += result.arrived;
    peak_slots = std::max(peak_slots, result.peak_slots);
  }
  // Memory follows the patients inside (a few hundred), not the ~100,000 simulated.
  state.counters["peak_patient_slots"] = static_cast<double>(peak_slots);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["patients_per_second"] =
      benchmark::Counter(static_cast<double>(patients), benchmark::Counter::kIsRate);
}
BENCHMARK_TEMPLATE(BM_M1_Engine, bedflow::engine::BinaryHeapQueue)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_M1_Engine, bedflow::engine::QuaternaryHeapQueue)
    ->Unit(benchmark::kMillisecond);

void BM_M1_Yardstick(benchmark::State& state) {
  std::uint64_t events = 0, patients = 0, seed = kSeed;
  for (auto _ : state) {
    const BareResult result = run_bare_m1(seed++);
    benchmark::DoNotOptimize(result);
    events += result.events;
    patients += result.arrived;
  }
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["patients_per_second"] =
      benchmark::Counter(static_cast<double>(patients), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_M1_Yardstick)->Unit(benchmark::kMillisecond);

// CPU time of the calling thread: unlike wall time it does not count the moments another
// process holds the core, so the ratio below stays meaningful on a busy machine.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Runs the engine (4-ary heap, the production queue) and the yardstick alternately, timing
// each, so both rates come from the same moments of machine load.
void BM_M1_EngineOverYardstick(benchmark::State& state) {
  double engine_seconds = 0.0, bare_seconds = 0.0;
  std::uint64_t engine_events = 0, bare_events = 0, round = 0;
  for (auto _ : state) {
    const double t0 = thread_cpu_seconds();
    const auto engine = bedflow::engine::run_queueing_station<bedflow::engine::QuaternaryHeapQueue>(
        m1_config(round));
    const double t1 = thread_cpu_seconds();
    const BareResult bare = run_bare_m1(kSeed + round);
    const double t2 = thread_cpu_seconds();
    benchmark::DoNotOptimize(engine);
    benchmark::DoNotOptimize(bare);
    ++round;
    engine_events += engine.events_processed;
    bare_events += bare.events;
    engine_seconds += t1 - t0;
    bare_seconds += t2 - t1;
  }
  const double engine_rate = static_cast<double>(engine_events) / engine_seconds;
  const double bare_rate = static_cast<double>(bare_events) / bare_seconds;
  state.counters["engine_events_per_second"] = engine_rate;
  state.counters["yardstick_events_per_second"] = bare_rate;
  state.counters["engine_over_yardstick"] = engine_rate / bare_rate;
}
BENCHMARK(BM_M1_EngineOverYardstick)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
