// One replication of a Kent-and-Medway-sized winter (mirrors the design notes' example,
// ../shared/design/scenario-example.yaml, built in C++ so the benchmark measures the model
// alone): about 700 admissions a day, 3,100 acute beds with two escalation levels, urgent
// community response, virtual ward (step-up and step-down), reablement, home care,
// intermediate care and care homes, 182 days. Target: under a second per replication.
// Short mode for CI: bench_hospital --benchmark_min_time=0.05
#include <benchmark/benchmark.h>

#include <cstdint>

#include "bedflow/models/simulate.hpp"

namespace {

using bedflow::engine::Date;
using bedflow::engine::DistributionParams;
namespace m = bedflow::model;

m::Scenario kent_medway_winter() {
  m::Scenario s;
  s.run.name = "kent-medway-winter";
  s.run.start = Date{2026, 10, 1};
  s.run.horizon_days = 182;
  s.run.warmup_days = 42;
  s.run.seed = 20261122;

  m::Profile weekday{"weekday_emergency", m::Profile::Kind::weekly,
                     {1.10, 1.03, 1.00, 0.99, 1.00, 0.94, 0.94}, {}, m::Profile::Interpolation::linear};
  m::Profile hour{"hour_emergency", m::Profile::Kind::daily,
                  {0.55, 0.45, 0.40, 0.38, 0.38, 0.42, 0.55, 0.80, 1.15, 1.40, 1.50, 1.52,
                   1.48, 1.42, 1.38, 1.35, 1.32, 1.28, 1.20, 1.10, 1.00, 0.90, 0.78, 0.65},
                  {}, m::Profile::Interpolation::linear};
  m::Profile winter{"winter_surge", m::Profile::Kind::dated, {},
                    {{Date{2026, 10, 1}, 1.00}, {Date{2026, 12, 10}, 1.08},
                     {Date{2027, 1, 5}, 1.15}, {Date{2027, 2, 15}, 1.05},
                     {Date{2027, 3, 31}, 1.00}},
                    m::Profile::Interpolation::linear};
  s.profiles = {weekday, hour, winter};

  m::Cohort frail;
  frail.name = "frail_elderly";
  frail.acute_los_days = DistributionParams::lognormal_log(0.469, 1.692);
  frail.los_multiplier_profile = "winter_surge";
  frail.discharge_pathway = {0.50, 0.32, 0.12, 0.06};
  frail.readmission = {30, 0.16, {{"reablement", 0.10}}};
  m::Cohort adult;
  adult.name = "adult_medical";
  adult.acute_los_days = DistributionParams::lognormal_log(-0.868, 1.689);
  adult.discharge_pathway = {0.92, 0.06, 0.015, 0.005};
  adult.readmission = {30, 0.08, {}};
  m::Cohort elective;
  elective.name = "elective_surgical";
  elective.acute_los_days = DistributionParams::gamma_mean_sd(3.2, 2.5);
  elective.discharge_pathway = {0.95, 0.05, 0.0, 0.0};
  s.cohorts = {frail, adult, elective};

  m::ArrivalStream emergency;
  emergency.name = "emergency";
  emergency.rate_per_day = 560;
  emergency.profiles = {"weekday_emergency", "hour_emergency", "winter_surge"};
  emergency.cohort_mix = {{"frail_elderly", 0.40}, {"adult_medical", 0.60}};
  emergency.avoidable_share = {{"frail_elderly", 0.20}, {"adult_medical", 0.08}};
  emergency.alternatives = {"urgent_community_response", "virtual_ward", "acute"};
  emergency.admit_to = "acute";
  m::ArrivalStream planned;
  planned.name = "elective";
  planned.rate_per_day = 150;
  planned.weekdays_only = true;
  planned.cohort_mix = {{"elective_surgical", 1.0}};
  planned.admit_to = "acute";
  planned.cancel_when_occupancy_above = 0.97;
  s.arrivals = {emergency, planned};

  m::Service acute;
  acute.name = "acute";
  acute.kind = m::ServiceKind::acute;
  acute.capacity.base = 3100;
  acute.escalation = {{80, 0.95, 0.92}, {120, 0.98, 0.94}};
  m::Service ucr;
  ucr.name = "urgent_community_response";
  ucr.kind = m::ServiceKind::urgent_community_response;
  ucr.urgent_response = m::UrgentResponse{};
  ucr.urgent_response->capacity_per_day = 90;
  ucr.urgent_response->success_probability = 0.75;
  m::Service vw;
  vw.name = "virtual_ward";
  vw.kind = m::ServiceKind::virtual_ward;
  vw.capacity = {300, {{Date{2026, 12, 1}, 380}}};
  vw.step_up = m::StepUp{DistributionParams::lognormal_mean_sd(5.0, 3.0), 0.12};
  vw.step_down = m::StepDown{3.0, {"frail_elderly", "adult_medical"},
                             DistributionParams::lognormal_mean_sd(4.0, 2.5)};
  m::Service reablement;
  reablement.name = "reablement";
  reablement.kind = m::ServiceKind::caseload;
  reablement.capacity = {650, {{Date{2027, 1, 1}, 720}}};
  reablement.los_days = DistributionParams::lognormal_mean_sd(19, 12);
  reablement.independent_at_91_days = 0.80;
  reablement.on_failure = "home_care";
  m::Service home_care;
  home_care.name = "home_care";
  home_care.kind = m::ServiceKind::caseload;
  home_care.capacity.base = 2400;
  home_care.los_days = DistributionParams::exponential(180);
  m::Service intermediate;
  intermediate.name = "intermediate_care_beds";
  intermediate.kind = m::ServiceKind::beds;
  intermediate.capacity.base = 420;
  intermediate.los_days = DistributionParams::lognormal_mean_sd(38, 25);
  intermediate.then = {{"home", 0.6}, {"reablement", 0.25}, {"care_home", 0.15}};
  m::Service care_home;
  care_home.name = "care_home";
  care_home.kind = m::ServiceKind::beds;
  care_home.capacity.base = 260;
  care_home.los_days = DistributionParams::lognormal_mean_sd(45, 40);
  s.services = {acute, ucr, vw, reablement, home_care, intermediate, care_home};

  s.discharge_pathways[0] = {"home", DistributionParams::fixed(0)};
  s.discharge_pathways[1] = {"reablement", DistributionParams::triangular(0.5, 1, 3)};
  s.discharge_pathways[2] = {"intermediate_care_beds", DistributionParams::triangular(1, 2, 5)};
  s.discharge_pathways[3] = {"care_home", DistributionParams::triangular(2, 4, 10)};
  s.costs = {395, 520, 220, 180, 125, 95, 150, 164};
  s.outputs.timeseries_every_hours = 24;
  return s;
}

// The same system with community capacity large enough for patients to flow (the example's
// capacities gridlock: queues hold patients still, which makes a run cheaper, so both are
// measured).
m::Scenario kent_medway_flowing() {
  m::Scenario s = kent_medway_winter();
  s.services[3].capacity = {2000, {}};  // reablement
  s.services[4].capacity.base = 4000;   // home care
  s.services[5].capacity.base = 1300;   // intermediate care
  s.services[6].capacity.base = 1000;   // care home
  return s;
}

void run_replications(benchmark::State& state, const m::Scenario& scenario) {
  std::uint32_t replication = 0;
  double events = 0.0, patients = 0.0, seconds = 0.0;
  for (auto _ : state) {
    const m::ReplicationResult result =
        m::simulate_replication(scenario, scenario.run.seed, replication++);
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

}  // namespace

BENCHMARK_MAIN();
