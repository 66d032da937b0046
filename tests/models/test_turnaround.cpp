// Bed turnaround: a place a patient has left stays unavailable for a while, neither occupied
// nor free. Against closed forms: a loss system with turnaround t is Erlang B with the
// service time stay + t (insensitivity), and the mean number of beds in turnaround is the
// rate of departures x the mean turnaround (Little).
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

constexpr std::uint32_t kTurnaroundReplications = 20;


TEST_CASE("a loss system with a fixed turnaround is Erlang B with the stay + turnaround",
          "[turnaround][erlang]") {
  // Every arrival is avoidable and offered to a step-up virtual ward of 10 places; when none
  // is available (occupied or in turnaround) it is admitted instead. Each accepted patient
  // holds its place for its stay (lognormal, mean 1 day) and then the place is prepared for
  // 6 hours: an M/G/10/10 system with mean service 1.25 days, offered 8 x 1.25 = 10 Erlangs.
  const double rate = 8.0, stay = 1.0, turnaround_days = 0.25;
  const int places = 10;
  Scenario s = basic_scenario(rate, DistributionParams::exponential(1.0));
  s.run.warmup_days = 20;
  s.run.horizon_days = 420;
  s.arrivals[0].avoidable_share = {{"general", 1.0}};
  s.arrivals[0].alternatives = {"virtual_ward", "acute"};
  Service ward = limited_service("virtual_ward", ServiceKind::virtual_ward, places);
  ward.step_up = StepUp{DistributionParams::lognormal_mean_sd(stay, 0.8), 0.0};
  ward.turnaround_hours = DistributionParams::fixed(turnaround_days * 24.0);
  s.services.push_back(ward);

  std::vector<double> blocking, in_turnaround, occupied;
  for (std::uint32_t r = 0; r < kTurnaroundReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 71, r);
    blocking.push_back(scalar(result, "admissions_emergency") /
                       scalar(result, "arrivals_emergency"));
    in_turnaround.push_back(scalar(result, "turnaround_beds_mean_virtual_ward"));
    occupied.push_back(scalar(result, "occupancy_mean_virtual_ward"));
  }
  const double expected = erlang_b(places, rate * (stay + turnaround_days));
  check_in_ci(blocking, expected);
  // The test tells turnaround apart from none: B(10, 8) is outside the interval.
  const auto ci = ci99(blocking);
  CHECK(erlang_b(places, rate * stay) < ci.lower());
  // Little on the accepted patients: rate x (1 - B) x each part of the time a place is held.
  check_in_ci(in_turnaround, rate * (1.0 - expected) * turnaround_days);
  check_in_ci(occupied, rate * (1.0 - expected) * stay);
}

TEST_CASE("on an M/M/c ward with ample beds the beds in turnaround are rate x turnaround",
          "[turnaround][little]") {
  // 50 admissions a day, exponential stays of 2 days, exponential turnaround of 6 hours on
  // 200 beds (never all taken: 100 occupied and 12.5 in turnaround on average). Beds in
  // turnaround are not occupied: occupancy, bed-days and the cost of use leave them out.
  const double rate = 50.0, stay = 2.0, turnaround_days = 0.25, observed = 200.0;
  Scenario s = basic_scenario(rate, DistributionParams::exponential(stay));
  s.run.warmup_days = 20;
  s.run.horizon_days = 20 + observed;
  s.services[0].capacity.base = 200;
  s.services[0].costs.occupied_day = 100.0;
  s.services[0].turnaround_hours = DistributionParams::exponential(turnaround_days * 24.0);
  std::vector<double> in_turnaround, occupied;
  for (std::uint32_t r = 0; r < kTurnaroundReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 83, r);
    in_turnaround.push_back(scalar(result, "turnaround_beds_mean_acute"));
    occupied.push_back(scalar(result, "acute_mean_occupancy"));
    const double occupancy = scalar(result, "acute_mean_occupancy");
    CHECK(scalar(result, "occupancy_mean_acute") == occupancy);
    CHECK(scalar(result, "acute_bed_days") == Approx(occupancy * observed).epsilon(1e-9));
    CHECK(scalar(result, "cost_activity_acute") ==
          Approx(100.0 * occupancy * observed).epsilon(1e-9));
    CHECK(scalar(result, "acute_occupancy_share") == Approx(occupancy / 200.0).epsilon(1e-9));
    CHECK(scalar(result, "ed_mean_wait_hours") == 0.0);
    for (const double v : series(result, "acute", "occupancy").values) CHECK(v <= 200.0);
  }
  check_in_ci(in_turnaround, rate * turnaround_days);
  check_in_ci(occupied, rate * stay);
}

TEST_CASE("a bed in turnaround keeps the next patient waiting", "[turnaround]") {
  // One bed, a fixed 2-day stay and a fixed 12-hour turnaround, arrivals far faster than
  // the bed can take them: the bed is taken at the first arrival (within hours of day 0) and
  // then every 2.5 days, so 40 admissions in 100 days, and it is in turnaround a fifth of the
  // time.
  Scenario s = basic_scenario(20.0, DistributionParams::fixed(2.0));
  s.run.horizon_days = 100;
  s.services[0].capacity.base = 1;
  s.services[0].turnaround_hours = DistributionParams::fixed(12.0);
  const ReplicationResult r = simulate_replication(s, 3, 0);
  CHECK(scalar(r, "admissions_total") == 40.0);
  CHECK(scalar(r, "turnaround_beds_mean_acute") == Approx(0.2).margin(0.005));
  CHECK(scalar(r, "acute_mean_occupancy") == Approx(0.8).margin(0.005));
}

}  // namespace
}  // namespace bedflow::model::testing
