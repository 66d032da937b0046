// Costs as finance teams count them: commissioned capacity (every place paid for, used or
// not, following the capacity schedule), escalation beds while open, and activity; their sum
// cost_total; delayed discharges priced as an "of which" at the full cost of a bed-day.
#include <string>
#include <vector>

#include "bedflow/results/observed_window.hpp"
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

Date day_after(const Date& start, std::int64_t days) {
  return engine::civil_from_days(engine::days_from_civil(start) + days);
}

// Relative agreement to 1e-9 (exact arithmetic in the model, so this is generous).
bool close(double actual, double expected) {
  const double scale = std::max(std::abs(expected), 1.0);
  return std::abs(actual - expected) <= 1e-9 * scale;
}

// The sum of every cost_* measure except cost_total, in the order reported.
double sum_of_components(const ReplicationResult& r) {
  double sum = 0.0;
  for (const auto& s : r.scalars) {
    if (s.name.rfind("cost_", 0) == 0 && s.name != "cost_total") sum += s.value;
  }
  return sum;
}

// An acute service and a reablement caseload whose capacity changes on `change_day`.
Scenario scheduled_scenario(double warmup_days, std::int64_t change_day) {
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(3.0));
  s.run.horizon_days = 100;
  s.run.warmup_days = warmup_days;
  s.cohorts[0].discharge_pathway = {0.6, 0.4, 0.0, 0.0};
  Service reablement = limited_service("reablement", ServiceKind::caseload, 60,
                                       DistributionParams::exponential(10.0));
  reablement.capacity.changes = {{day_after(s.run.start, change_day), 90}};
  reablement.costs = {125.0, 7.0, 0.0, 0.0};
  s.services.push_back(reablement);
  s.services[0].capacity.base = 200;
  s.services[0].costs = {300.0, 95.0, 0.0, 425.0};
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  return s;
}

TEST_CASE("capacity cost is the place cost times the integral of the capacity schedule",
          "[costs]") {
  struct Case {
    double warmup;
    std::int64_t change_day;
    double expected_place_days;  // integral of reablement capacity over the window
  };
  const std::vector<Case> cases{
      {0.0, 40, 60.0 * 40 + 90.0 * 60},     // no warm-up, change inside the window
      {20.0, 40, 60.0 * 20 + 90.0 * 60},    // the change after the warm-up
      {70.0, 40, 90.0 * 30},                // the warm-up crosses the change
      {40.0, 40, 90.0 * 60},                // the change exactly at the end of warm-up
      {0.0, -5, 90.0 * 100},                // a change dated before the start
      {10.0, 150, 60.0 * 90},               // a change after the end of the run
  };
  for (const auto& c : cases) {
    INFO("warm-up " << c.warmup << ", change on day " << c.change_day);
    const Scenario s = scheduled_scenario(c.warmup, c.change_day);
    for (std::uint32_t rep = 0; rep < 2; ++rep) {
      const ReplicationResult r = simulate_replication(s, 5, rep);
      CHECK(close(scalar(r, "cost_capacity_reablement"), 125.0 * c.expected_place_days));
      CHECK(close(scalar(r, "cost_capacity_acute"), 300.0 * 200.0 * (100.0 - c.warmup)));
      // Activity is the occupied place-days: the mean occupancy over the window.
      const double days = 100.0 - c.warmup;
      CHECK(close(scalar(r, "cost_activity_reablement"),
                  7.0 * scalar(r, "occupancy_mean_reablement") * days));
      CHECK(close(scalar(r, "cost_activity_acute"),
                  95.0 * scalar(r, "acute_mean_occupancy") * days));
      CHECK(close(scalar(r, "cost_escalation_acute"), 0.0));  // no escalation levels
      CHECK(close(scalar(r, "cost_total"), sum_of_components(r)));
    }
  }
}

TEST_CASE("capacity cost follows the series of capacity sampled on each day", "[costs]") {
  // Daily samples of a step function changing at midnight integrate it exactly (left sums).
  const Scenario s = scheduled_scenario(30.0, 55);
  const ReplicationResult r = simulate_replication(s, 8, 0);
  const auto& capacity = series(r, "reablement", "capacity").values;
  REQUIRE(capacity.size() == 71);  // days 30..100
  double place_days = 0.0;
  for (std::size_t k = 0; k + 1 < capacity.size(); ++k) place_days += capacity[k];
  CHECK(place_days == 60.0 * 25 + 90.0 * 45);
  CHECK(close(scalar(r, "cost_capacity_reablement"), 125.0 * place_days));
}

TEST_CASE("escalation place cost is paid per open escalation bed per day", "[costs]") {
  // Stays far longer than the run: the ward fills in hours and never empties, so the one
  // escalation level opens during the warm-up and stays open: 5 beds x 50 observed days.
  Scenario s = basic_scenario(50.0, DistributionParams::fixed(10000.0));
  s.run.horizon_days = 60;
  s.run.warmup_days = 10;
  s.services[0].capacity.base = 5;
  s.services[0].escalation = {{5, 0.5, 0.1}};
  s.services[0].costs = {300.0, 95.0, 0.0, 425.0};
  const ReplicationResult r = simulate_replication(s, 3, 0);
  CHECK(scalar(r, "escalation_beds_mean_open") == 5.0);
  CHECK(close(scalar(r, "cost_escalation_acute"), 425.0 * 5.0 * 50.0));
  CHECK(close(scalar(r, "cost_capacity_acute"), 300.0 * 5.0 * 50.0));
  CHECK(close(scalar(r, "cost_activity_acute"), 95.0 * 10.0 * 50.0));  // all 10 beds full

  // Opening and closing under ordinary pressure: the cost is the integral of open beds,
  // which escalation_beds_mean_open reports as a mean over the window.
  Scenario busy = basic_scenario(18.0, DistributionParams::exponential(1.0));
  busy.services[0].capacity.base = 20;
  busy.services[0].escalation = {{10, 0.9, 0.6}};
  busy.services[0].costs = {300.0, 95.0, 0.0, 425.0};
  busy.run.horizon_days = 60;
  busy.run.warmup_days = 5;
  const ReplicationResult b = simulate_replication(busy, 2, 0);
  const double open = scalar(b, "escalation_beds_mean_open");
  REQUIRE(open > 0.0);
  REQUIRE(open < 10.0);
  CHECK(close(scalar(b, "cost_escalation_acute"), 425.0 * open * 55.0));
}

TEST_CASE("cost components sum to cost_total on every replication", "[costs]") {
  const Scenario s = kent_medway_flowing();
  for (std::uint32_t rep = 0; rep < 4; ++rep) {
    const ReplicationResult r = simulate_replication(s, 17, rep);
    INFO("replication " << rep);
    const double total = scalar(r, "cost_total");
    CHECK(total > 0.0);
    CHECK(close(total, sum_of_components(r)));
    // Every service has a capacity and an activity part; acute services an escalation part.
    std::size_t parts = 0;
    for (const auto& m : r.scalars) {
      if (m.name.rfind("cost_", 0) == 0 && m.name != "cost_total") {
        ++parts;
        CHECK(m.unit == "GBP");
        CHECK(m.accumulation == Accumulation::total);
        CHECK(m.value >= 0.0);
      }
    }
    CHECK(parts == 2 * s.services.size() + 1);
  }
}

TEST_CASE("each component is its unit cost times what it counts", "[costs]") {
  const Scenario s = kent_medway_flowing();
  const ReplicationResult r = simulate_replication(s, 9, 0);
  const double days = s.run.horizon_days - s.run.warmup_days;
  auto unit = [&](const std::string& name) -> const ServiceCosts& {
    for (const auto& service : s.services) {
      if (service.name == name) return service.costs;
    }
    FAIL("no service " << name);
    throw std::logic_error("unreachable");
  };
  for (const char* name : {"virtual_ward", "reablement", "home_care", "intermediate_care_beds",
                           "care_home"}) {
    INFO(name);
    CHECK(close(scalar(r, std::string("cost_activity_") + name),
                unit(name).occupied_day * scalar(r, std::string("occupancy_mean_") + name) * days));
  }
  CHECK(close(scalar(r, "cost_activity_urgent_community_response"),
              unit("urgent_community_response").visit * scalar(r, "ucr_visits")));
  CHECK(close(scalar(r, "cost_capacity_urgent_community_response"),
              unit("urgent_community_response").place_day * 90.0 * days));
  // The virtual ward grows from 300 to 380 places on 2026-12-01 (day 61); the window is
  // days 42..182.
  CHECK(close(scalar(r, "cost_capacity_virtual_ward"),
              unit("virtual_ward").place_day * (300.0 * 19 + 380.0 * 121)));
  CHECK(close(scalar(r, "cost_capacity_home_care"), unit("home_care").place_day * 4000.0 * days));
  // Delayed discharges: an "of which", priced at the acute bed-day's full cost.
  const ServiceCosts& acute = unit("acute");
  CHECK(scalar(r, "delayed_bed_days") > 0.0);
  CHECK(close(scalar(r, "delayed_discharge_cost"),
              scalar(r, "delayed_bed_days") * (acute.place_day + acute.occupied_day)));
  CHECK(scalar(r, "delayed_discharge_cost") <
        scalar(r, "cost_capacity_acute") + scalar(r, "cost_activity_acute"));
}

TEST_CASE("a window total per year is the total times 365 over the window's days", "[costs]") {
  const Scenario s = scheduled_scenario(30.0, 55);
  const ReplicationResult r = simulate_replication(s, 4, 0);
  REQUIRE(r.window.days() == 70.0);
  const double yearly = scalar(r, "cost_capacity_reablement") * results::per_year_factor(r.window);
  CHECK(close(yearly, 125.0 * (60.0 * 25 + 90.0 * 45) * 365.0 / 70.0));
  // A service that never changes: a year of its places at its place cost.
  CHECK(close(scalar(r, "cost_capacity_acute") * results::per_year_factor(r.window),
              300.0 * 200.0 * 365.0));
}

TEST_CASE("more reablement places cost more to commission", "[costs]") {
  std::vector<double> capacity_cost, total;
  for (const std::int64_t places : {1300, 1600, 2000}) {
    Scenario s = kent_medway_flowing();
    s.services[3].capacity = {places, {}};
    const ReplicationResult r = simulate_replication(s, 31, 0);
    const double days = s.run.horizon_days - s.run.warmup_days;
    CHECK(close(scalar(r, "cost_capacity_reablement"),
                125.0 * static_cast<double>(places) * days));
    capacity_cost.push_back(scalar(r, "cost_capacity_reablement"));
    total.push_back(scalar(r, "cost_total"));
  }
  CHECK(capacity_cost[0] < capacity_cost[1]);
  CHECK(capacity_cost[1] < capacity_cost[2]);
  // The places are part of the total: what they save elsewhere (activity, escalation beds)
  // is weighed against what they cost, 125 x 700 x 140 = GBP 12.25m over the window.
  CHECK(close(capacity_cost[2] - capacity_cost[0], 125.0 * 700.0 * 140.0));
  for (std::size_t k = 0; k < total.size(); ++k) CHECK(total[k] > capacity_cost[k]);
}

}  // namespace
}  // namespace bedflow::model::testing
