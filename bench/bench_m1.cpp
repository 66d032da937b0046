// The bed model "M1" three ways, beside a bare hand-written loop of the same model
// (bench/bare_loop.hpp: what this machine can do with the model when nothing is general).
//
// M1: Poisson arrivals 100 a day, lognormal stays (mean 5 days, sd 5 days), 560 beds, a FIFO
// line for a bed, 1,000 simulated days from empty.
//  - the station: the engine's QueueingStation (BM_M1_Engine, BM_M1_EngineOverYardstick);
//  - the product path: scenarios/analytic/m1-bed-model.yaml loaded as `bedflow run` loads it
//    and run through the hospital model (BM_M1_ProductPath), at 560 beds and scaled to 5,600
//    and 56,000 beds (arrivals scaled alike, horizons shortened to keep ~100,000-300,000
//    patients), each against the bare loop at the same scale;
//  - the bare loop alone (BM_M1_Yardstick).
// Every *OverYardstick / ProductPath case reports `ratio_to_bare_loop`, timed alternately
// with the bare loop in the same process: the figure tools/bench_gate.py checks.
//
// Short mode for CI: bench_m1 --benchmark_min_time=0.05
#include <algorithm>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "bare_loop.hpp"
#include "bench_main.hpp"
#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/radix_event_queue.hpp"
#include "bedflow/engine/queueing_station.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/scenario/load.hpp"

namespace {

using bedflow::bench::BareM1;
using bedflow::bench::BareResult;

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
BENCHMARK_TEMPLATE(BM_M1_Engine, bedflow::engine::RadixEventQueue)->Unit(benchmark::kMillisecond);

void BM_M1_Yardstick(benchmark::State& state) {
  std::uint64_t events = 0, patients = 0, seed = kSeed;
  for (auto _ : state) {
    const BareResult result = bedflow::bench::run_bare_m1(BareM1{}, seed++);
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

// The engine's station (the radix heap, the production queue) against the bare loop.
void BM_M1_EngineOverYardstick(benchmark::State& state) {
  bedflow::bench::measure_against_bare_loop(
      state,
      [](std::uint64_t round) {
        const auto result =
            bedflow::engine::run_queueing_station<bedflow::engine::RadixEventQueue>(
                m1_config(round));
        benchmark::DoNotOptimize(result);
        return result.events_processed;
      },
      BareM1{});
}
BENCHMARK(BM_M1_EngineOverYardstick)->Unit(benchmark::kMillisecond);

// The hospital model from the M1 scenario file, `beds` = 560 x factor.
void BM_M1_ProductPath(benchmark::State& state) {
  const auto beds = state.range(0);
  const double factor = static_cast<double>(beds) / 560.0;
  const std::int64_t horizon = beds <= 560 ? 1000 : beds <= 5600 ? 100 : 30;
  const auto loaded = bedflow::scenario::load_scenario(
      std::string(BEDFLOW_SOURCE_DIR) + "/scenarios/analytic/m1-bed-model.yaml",
      {{"arrivals.emergency.rate_per_day", std::to_string(100.0 * factor)},
       {"services.acute.capacity", std::to_string(beds)},
       {"scenario.horizon_days", std::to_string(horizon)}});
  bedflow::bench::measure_against_bare_loop(
      state,
      [&](std::uint64_t round) {
        const auto result = bedflow::model::simulate_replication(
            loaded.scenario, kSeed, static_cast<std::uint32_t>(round));
        benchmark::DoNotOptimize(result.scalars.data());
        return result.events_processed;
      },
      BareM1::scaled(factor, horizon));
  state.counters["beds"] = static_cast<double>(beds);
}
BENCHMARK(BM_M1_ProductPath)->Arg(560)->Arg(5600)->Arg(56000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return bedflow::bench::run_benchmarks(argc, argv); }
