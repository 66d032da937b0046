// Random ward closures: closures begin as a Poisson process (thinned by a profile), so the
// number of beds closed is an M/G/infinity occupancy: mean = closure rate x beds per closure x
// mean duration, whatever the duration's distribution. Closed beds cut the open base, which
// the escalation ladder sees, and leave the commissioned capacity (costs) alone.
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

// A ward of 10,000 beds (closures never clip) with closures of `beds` places for gamma
// durations (mean 6 days, sd 4: not exponential), observed for 400 days after 60 of warm-up.
Scenario closing_ward(double rate_per_day, DistributionParams beds) {
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 60;
  s.run.horizon_days = 460;
  Service ward = limited_service("ward", ServiceKind::beds, 10000,
                                 DistributionParams::exponential(5.0));
  ward.closures = Closures{rate_per_day, "", std::move(beds),
                           DistributionParams::gamma_mean_sd(6.0, 4.0)};
  s.services.push_back(ward);
  return s;
}

void check_ci99(const std::vector<double>& values, double expected, const char* what) {
  const auto ci = engine::confidence_interval(values, 0.99);
  INFO(what << ": " << ci.mean << " +- " << ci.half_width << " (99%), expected " << expected);
  CHECK(ci.half_width > 0.0);
  CHECK(ci.lower() <= expected);
  CHECK(expected <= ci.upper());
}

TEST_CASE("mean beds closed = closure rate x beds per closure x mean duration (M/G/infinity)",
          "[closures]") {
  struct Case {
    const char* name;
    Scenario scenario;
    double rate;       // closures a day, averaged over the week
    double mean_beds;  // of the rounded draw
  };
  // Weekly profile: closures begin on weekdays only, at twice the base rate (mean 10/7).
  Scenario weekly = closing_ward(0.5, DistributionParams::fixed(4.0));
  weekly.profiles = {{"weekdays", Profile::Kind::weekly, {2, 2, 2, 2, 2, 0, 0}, {}, {}}};
  weekly.services[1].closures->profile = "weekdays";
  // Beds drawn from {2, 3, 7} (whole numbers: the rounding changes nothing), mean 4.
  const DistributionParams drawn = DistributionParams::empirical_samples({2.0, 3.0, 7.0});
  std::vector<Case> cases;
  cases.push_back({"fixed 4 beds", closing_ward(0.5, DistributionParams::fixed(4.0)), 0.5, 4.0});
  cases.push_back({"drawn beds", closing_ward(0.5, drawn), 0.5, 4.0});
  cases.push_back({"weekly profile", weekly, 0.5 * 10.0 / 7.0, 4.0});
  for (const auto& c : cases) {
    std::vector<double> closed, begun;
    for (std::uint32_t rep = 0; rep < 20; ++rep) {
      const ReplicationResult r = simulate_replication(c.scenario, 41, rep);
      closed.push_back(scalar(r, "beds_closed_mean_ward"));
      begun.push_back(scalar(r, "closures_ward"));
    }
    INFO(c.name);
    check_ci99(closed, c.rate * c.mean_beds * 6.0, "beds_closed_mean_ward");
    check_ci99(begun, c.rate * 400.0, "closures_ward");
  }
}

TEST_CASE("closed beds cut the open base, the ladder sees the reduced base, costs do not change",
          "[closures]") {
  // 20 beds until 2027-01-03 (day 90), 10 from then; closures of 5 beds for 10 days on
  // average, at 0.2 a day: often two or three at once.
  Scenario s = basic_scenario(12.0, DistributionParams::exponential(1.5));
  s.run.horizon_days = 300;
  s.outputs.timeseries_every_hours = 6;
  Service& acute = s.services[0];
  acute.capacity = {20, {{Date{2027, 1, 3}, 10}}};
  acute.escalation = {{4, 0.95, 0.85}};
  acute.costs.place_day = 300.0;
  acute.closures = Closures{0.2, "", DistributionParams::fixed(5.0),
                            DistributionParams::exponential(10.0)};
  Scenario open = s;
  open.services[0].closures.reset();
  const ReplicationResult r = simulate_replication(s, 9, 0);
  const ReplicationResult o = simulate_replication(open, 9, 0);

  const auto& closed = series(r, "acute", "beds_closed").values;
  const auto& capacity = series(r, "acute", "capacity").values;
  const auto& escalation = series(r, "acute", "escalation_beds_open").values;
  REQUIRE(closed.size() == capacity.size());
  double most = 0.0;
  bool clipped = false;
  for (std::size_t k = 0; k < closed.size(); ++k) {
    const double schedule = static_cast<double>(k) * 0.25 >= 90.0 ? 10.0 : 20.0;
    INFO("sample " << k);
    CHECK(closed[k] <= schedule);  // closures never close beds that do not exist
    CHECK(capacity[k] == std::max(0.0, schedule - closed[k]) + escalation[k]);
    most = std::max(most, closed[k]);
    clipped = clipped || closed[k] == schedule;
  }
  CHECK(most >= 10.0);  // closures overlapped
  CHECK(clipped);       // and once closed every bed of the schedule (open base 0)
  // The ladder measures occupancy against the reduced base: it opens more often.
  CHECK(scalar(r, "escalation_beds_mean_open") > scalar(o, "escalation_beds_mean_open"));
  CHECK(scalar(r, "ed_mean_wait_hours") > scalar(o, "ed_mean_wait_hours"));
  // Closed beds are still paid for; arrivals are the same patients (closures draw from
  // their own streams).
  CHECK(scalar(r, "cost_capacity_acute") == scalar(o, "cost_capacity_acute"));
  CHECK(scalar(r, "arrivals_emergency") == scalar(o, "arrivals_emergency"));
  CHECK(scalar(r, "patients_arrived") ==
        scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
}

TEST_CASE("patients in a bay being closed are in base beds, not escalation beds",
          "[closures][escalation]") {
  // Closures of 5 of 20 beds, no escalation ladder: a bay that closes while occupied holds
  // its patients until they leave, above the reduced base. None of them is in an escalation
  // bed, and every occupied bed-day is an acute (base) bed-day.
  Scenario s = basic_scenario(12.0, DistributionParams::exponential(1.5));
  s.run.horizon_days = 300;
  Service& acute = s.services[0];
  acute.capacity = {20, {}};
  acute.closures = Closures{0.2, "", DistributionParams::fixed(5.0),
                            DistributionParams::exponential(10.0)};
  const ReplicationResult r = simulate_replication(s, 9, 0);
  REQUIRE(scalar(r, "beds_closed_mean_acute") > 1.0);
  CHECK(scalar(r, "escalation_beds_mean_open") == 0.0);
  CHECK(scalar(r, "escalation_bed_days") == 0.0);
  // Beds of a closing bay stay open while patients are in them: never fuller than full.
  CHECK(scalar(r, "acute_occupancy_share") <= 1.0);
  CHECK(scalar(r, "acute_occupancy_share") > 0.9);
  const double days = r.window.days();
  CHECK(scalar(r, "acute_bed_days") ==
        Approx(scalar(r, "acute_mean_occupancy") * days).epsilon(1e-9));
}

}  // namespace
}  // namespace bedflow::model::testing
