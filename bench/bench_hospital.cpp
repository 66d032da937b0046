// One replication of a Kent-and-Medway-sized winter (mirrors the design notes' example,
// ../shared/design/scenario-example.yaml, built in C++ so the benchmark measures the model
// alone): about 700 admissions a day, 3,100 acute beds with two escalation levels, urgent
// community response, virtual ward (step-up and step-down), reablement, home care,
// intermediate care and care homes, 182 days. Target: under a second per replication.
// Short mode for CI: bench_hospital --benchmark_min_time=0.05
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "bare_loop.hpp"
#include "bench_main.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/scenario/load.hpp"
#include "kent_medway_example.hpp"

namespace {

namespace m = bedflow::model;
using m::examples::kent_medway_flowing;
using m::examples::kent_medway_winter;

constexpr std::uint64_t kSeed = 20261122;

void run_replications(benchmark::State& state, const m::Scenario& scenario) {
  std::uint32_t replication = 0;
  double events = 0.0, patients = 0.0, seconds = 0.0;
  for (auto _ : state) {
    const m::ReplicationResult result =
        m::simulate_replication(scenario, kSeed, replication++);
    benchmark::DoNotOptimize(result.scalars.data());
    events += static_cast<double>(result.events_processed);
    seconds += result.wall_seconds;
    for (const auto& scalar : result.scalars) {
      if (scalar.name == "patients_arrived") patients += scalar.value;
    }
  }
  // Rates are per second of the benchmark's CPU time (one thread, so CPU time is the time
  // the replications took on one core, whatever else the machine is doing); the wall-clock
  // seconds per replication are reported beside them.
  state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  // Patients arriving in the observed period.
  state.counters["patients_per_s"] = benchmark::Counter(patients, benchmark::Counter::kIsRate);
  state.counters["replications_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["wall_s_per_replication"] =
      benchmark::Counter(seconds / static_cast<double>(state.iterations()));
  state.counters["events_per_replication"] =
      benchmark::Counter(events / static_cast<double>(state.iterations()));
}

void BM_KentMedwayExample(benchmark::State& state) { run_replications(state, kent_medway_winter()); }
void BM_KentMedwayFlowing(benchmark::State& state) { run_replications(state, kent_medway_flowing()); }
BENCHMARK(BM_KentMedwayExample)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KentMedwayFlowing)->Unit(benchmark::kMillisecond);

// The winter replication against the bare M1 loop, timed alternately: the gate's figure.
void BM_KentMedwayOverYardstick(benchmark::State& state) {
  const m::Scenario scenario = kent_medway_winter();
  bedflow::bench::measure_against_bare_loop(
      state,
      [&](std::uint64_t round) {
        const auto result =
            m::simulate_replication(scenario, kSeed, static_cast<std::uint32_t>(round));
        benchmark::DoNotOptimize(result.scalars.data());
        return result.events_processed;
      },
      bedflow::bench::BareM1{});
}
BENCHMARK(BM_KentMedwayOverYardstick)->Unit(benchmark::kMillisecond);

// BEDFLOW_BENCH_SCENARIOS=a.yaml:b.yaml adds a case per file, BM_Scenario/<stem>: one
// replication of the user's own scenario against the bare loop (tools/bench_gate.py
// --scenario sets it), so a user's CI can gate on its own scenarios.
void register_user_scenarios() {
  const char* list = std::getenv("BEDFLOW_BENCH_SCENARIOS");
  if (list == nullptr) return;
  std::stringstream paths(list);
  std::string path;
  while (std::getline(paths, path, ':')) {
    if (path.empty()) continue;
    auto scenario = std::make_shared<m::Scenario>(bedflow::scenario::load_scenario(path).scenario);
    const std::string name = "BM_Scenario/" + std::filesystem::path(path).stem().string();
    benchmark::RegisterBenchmark(name.c_str(), [scenario](benchmark::State& state) {
      bedflow::bench::measure_against_bare_loop(
          state,
          [&](std::uint64_t round) {
            const auto result =
                m::simulate_replication(*scenario, kSeed, static_cast<std::uint32_t>(round));
            benchmark::DoNotOptimize(result.scalars.data());
            return result.events_processed;
          },
          bedflow::bench::BareM1{});
    })->Unit(benchmark::kMillisecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    register_user_scenarios();
  } catch (const std::exception& error) {
    std::cerr << "bench_hospital: BEDFLOW_BENCH_SCENARIOS: " << error.what() << "\n";
    return 2;
  }
  return bedflow::bench::run_benchmarks(argc, argv);
}
