// Whole-network flow: conservation of patients, M/G/infinity occupancies, reproducibility
// and common random numbers.
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

// A network where every service has unlimited capacity, so each is an M/G/infinity station
// fed by a Poisson stream thinned by independent routing choices.
Scenario infinite_network() {
  Scenario s = basic_scenario(40.0, DistributionParams::gamma_mean_sd(3.0, 2.0));
  s.run.warmup_days = 120;
  s.run.horizon_days = 320;
  s.cohorts[0].discharge_pathway = {0.5, 0.3, 0.2, 0.0};
  s.arrivals[0].avoidable_share = {{"general", 0.25}};
  s.arrivals[0].alternatives = {"virtual_ward", "acute"};
  Service ward = unlimited_service("virtual_ward", ServiceKind::virtual_ward);
  ward.step_up = StepUp{DistributionParams::exponential(4.0), 0.2};
  Service reablement = unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::exponential(6.0));
  reablement.independent_at_91_days = 0.9;
  reablement.on_failure = "home_care";
  Service home_care = unlimited_service("home_care", ServiceKind::caseload,
                                        DistributionParams::exponential(5.0));
  Service intermediate = unlimited_service("intermediate_care", ServiceKind::beds,
                                           DistributionParams::uniform(4.0, 10.0));
  intermediate.then = {{kHome, 0.5}, {"reablement", 0.5}};
  s.services.push_back(ward);
  s.services.push_back(reablement);
  s.services.push_back(home_care);
  s.services.push_back(intermediate);
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(1.0)};
  s.discharge_pathways[2] = {"intermediate_care", DistributionParams::fixed(2.0)};
  return s;
}

void check_conserved(const ReplicationResult& r) {
  const double in = scalar(r, "patients_arrived") + scalar(r, "patients_inside_start");
  const double out = scalar(r, "patients_left") + scalar(r, "patients_inside_end");
  CHECK(in == out);
  CHECK(scalar(r, "patients_arrived") > 0.0);
}

TEST_CASE("patients are conserved through the whole network", "[flow]") {
  Scenario gridlocked = kent_medway_winter();  // downstream far too small: queues everywhere
  Scenario flowing = kent_medway_winter();
  flowing.services[3].capacity = {2000, {}};
  flowing.services[4].capacity.base = 4000;
  flowing.services[5].capacity.base = 1300;
  flowing.services[6].capacity.base = 1000;
  flowing.run.warmup_days = 0;
  flowing.census = {{"acute", "frail_elderly", 3.0, false}, {"acute", "frail_elderly", 9.0, true},
                    {"reablement", "adult_medical", 4.0, false},
                    {"virtual_ward", "frail_elderly", 1.0, false}};
  check_conserved(simulate_replication(gridlocked, 5, 0));
  const ReplicationResult r = simulate_replication(flowing, 5, 0);
  check_conserved(r);
  CHECK(scalar(r, "patients_inside_start") == 4.0);
  check_conserved(simulate_replication(infinite_network(), 5, 0));
}

TEST_CASE("with unlimited capacity each service's mean occupancy is its arrival rate times "
          "its mean stay (M/G/infinity)", "[flow]") {
  const Scenario s = infinite_network();
  const double lambda = 40.0;
  const double to_acute = lambda * (0.75 + 0.25 * 0.2);  // not avoidable, or escalated back
  const double to_reablement = to_acute * (0.3 + 0.2 * 0.5);
  struct Expectation {
    std::string measure;
    double value;
  };
  const std::vector<Expectation> expected = {
      // acute stay: treatment, then the assessment before leaving (unlimited places)
      {"occupancy_mean_acute", to_acute * (3.0 + 0.3 * 1.0 + 0.2 * 2.0)},
      {"occupancy_mean_virtual_ward", lambda * 0.25 * 4.0},
      {"occupancy_mean_reablement", to_reablement * 6.0},
      {"occupancy_mean_home_care", to_reablement * 0.1 * 5.0},
      {"occupancy_mean_intermediate_care", to_acute * 0.2 * 7.0},
      // Little's law on the medically fit still in a bed: rate x assessment time
      {"delayed_patients_mean_P1", to_acute * 0.3 * 1.0},
      {"delayed_patients_mean_P2", to_acute * 0.2 * 2.0},
  };
  std::vector<ReplicationResult> runs;
  for (std::uint32_t r = 0; r < 10; ++r) runs.push_back(simulate_replication(s, 99, r));
  for (const auto& e : expected) {
    std::vector<double> values;
    for (const auto& run : runs) values.push_back(scalar(run, e.measure));
    const auto ci = engine::confidence_interval(values, 0.999);
    INFO(e.measure << ": " << ci.mean << " +- " << ci.half_width << ", expected " << e.value);
    CHECK(ci.half_width > 0.0);
    CHECK(ci.lower() <= e.value);
    CHECK(e.value <= ci.upper());
  }
}

TEST_CASE("the acute ward alone is an M/M/c queue: the mean ED wait is Erlang C's", "[flow]") {
  // Five beds, 4 arrivals a day, exponential one-day stays: offered load 4.
  Scenario s = basic_scenario(4.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 5;
  s.run.warmup_days = 50;
  s.run.horizon_days = 1050;
  const double load = 4.0, beds = 5.0;
  const double expected_hours = erlang_c(5, load) / (beds * 1.0 - load) * 24.0;
  const auto ci =
      engine::confidence_interval(over_replications(s, 10, "ed_mean_wait_hours"), 0.999);
  INFO(ci.mean << " +- " << ci.half_width << ", expected " << expected_hours);
  CHECK(ci.lower() <= expected_hours);
  CHECK(expected_hours <= ci.upper());
}

TEST_CASE("a stay multiplier profile scales acute stays by its factor at admission", "[flow]") {
  // Stays of patients admitted after 2026-11-04 are 1.5 times as long (step profile); the
  // observed period starts well after the change, so occupancy is 30 x 1.5 x 2 (M/G/inf).
  Scenario s = basic_scenario(30.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 60;
  s.run.horizon_days = 160;
  s.profiles = {{"winter", Profile::Kind::dated, {},
                 {{Date{2026, 10, 5}, 1.0}, {Date{2026, 11, 4}, 1.5}},
                 Profile::Interpolation::step}};
  s.cohorts[0].los_multiplier_profile = "winter";
  const auto ci =
      engine::confidence_interval(over_replications(s, 10, "acute_mean_occupancy"), 0.999);
  INFO(ci.mean << " +- " << ci.half_width);
  CHECK(ci.lower() <= 90.0);
  CHECK(90.0 <= ci.upper());
}

TEST_CASE("the same seed gives a bit-identical result, another seed does not", "[flow]") {
  const Scenario s = kent_medway_winter();
  const ReplicationResult a = simulate_replication(s, 2026, 3);
  const ReplicationResult b = simulate_replication(s, 2026, 3);
  REQUIRE(a.scalars.size() == b.scalars.size());
  for (std::size_t i = 0; i < a.scalars.size(); ++i) {
    INFO(a.scalars[i].name);
    CHECK(a.scalars[i].name == b.scalars[i].name);
    CHECK(a.scalars[i].value == b.scalars[i].value);  // exact, not approximate
  }
  REQUIRE(a.series.size() == b.series.size());
  for (std::size_t i = 0; i < a.series.size(); ++i) CHECK(a.series[i].values == b.series[i].values);
  CHECK(a.events_processed == b.events_processed);
  const ReplicationResult c = simulate_replication(s, 2026, 4);
  CHECK(scalar(c, "arrivals_emergency") != scalar(a, "arrivals_emergency"));
}

TEST_CASE("scenarios differing in a capacity draw the same patients (common random numbers)",
          "[flow]") {
  const Scenario base = kent_medway_winter();
  Scenario more = base;
  more.services[3].capacity = {1500, {}};  // reablement
  const ReplicationResult a = simulate_replication(base, 77, 0);
  const ReplicationResult b = simulate_replication(more, 77, 0);
  CHECK(scalar(a, "arrivals_emergency") == scalar(b, "arrivals_emergency"));
  CHECK(scalar(a, "arrivals_elective") == scalar(b, "arrivals_elective"));
  CHECK(scalar(a, "delayed_bed_days") != scalar(b, "delayed_bed_days"));
}

}  // namespace
}  // namespace bedflow::model::testing
