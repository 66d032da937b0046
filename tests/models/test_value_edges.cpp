// Values that used to come out wrong or silent at the edges: a census whose row order changed
// the start, gridlocks that ended the run without a word, unlimited capacity reported as a
// share and a 1e18 series, and loops whose exit is almost never taken.
#include <algorithm>
#include <cmath>

#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

// One acute service (unlimited) feeding `community` (2 places, stays fixed at 100 days) on
// pathway P2; no arrivals. The census: 2 patients filling `community`, 5 medically fit acute
// patients on P2.
Scenario two_places_five_fit(ServiceKind kind, bool acute_rows_first) {
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(4.0));
  s.run.horizon_days = 5;
  s.cohorts[0].discharge_pathway = {0.0, 0.0, 1.0, 0.0};
  s.services.push_back(
      limited_service("intermediate_care", kind, 2, DistributionParams::fixed(100.0)));
  s.discharge_pathways[2] = {"intermediate_care", DistributionParams::fixed(0.0)};
  std::vector<CensusEntry> community(2, {"intermediate_care", "general", 3.0, false});
  std::vector<CensusEntry> fit(5, {"acute", "general", 9.0, true});
  s.census = acute_rows_first ? fit : community;
  const auto& second = acute_rows_first ? community : fit;
  s.census.insert(s.census.end(), second.begin(), second.end());
  return s;
}

TEST_CASE("census occupants hold their places first: fit patients queue, whatever the order",
          "[census][edges]") {
  for (const ServiceKind kind : {ServiceKind::beds, ServiceKind::caseload}) {
    for (const bool acute_first : {false, true}) {
      INFO("kind " << static_cast<int>(kind) << ", acute rows first " << acute_first);
      const ReplicationResult r = simulate_replication(two_places_five_fit(kind, acute_first), 3, 0);
      const auto& occupancy = series(r, "intermediate_care", "occupancy").values;
      const auto& delayed = series(r, "system", "delayed_P2").values;
      REQUIRE(occupancy.size() == 6);
      for (std::size_t day = 0; day < occupancy.size(); ++day) {
        CHECK(occupancy[day] == 2.0);
        CHECK(delayed[day] == 5.0);
      }
      CHECK(scalar(r, "delayed_bed_days") == Approx(25.0).epsilon(1e-12));
    }
  }
}

TEST_CASE("a census in any row order gives identical results", "[census][edges]") {
  // Random stays everywhere: any dependence on the row order would show in the draws.
  Scenario s = basic_scenario(20.0, DistributionParams::lognormal_mean_sd(5.0, 4.0));
  s.run.horizon_days = 30;
  s.cohorts[0].discharge_pathway = {0.6, 0.2, 0.2, 0.0};
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, 30,
                                       DistributionParams::gamma_mean_sd(12.0, 6.0)));
  s.services.push_back(limited_service("care_home", ServiceKind::beds, 15,
                                       DistributionParams::weibull(1.3, 20.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  s.discharge_pathways[2] = {"care_home", DistributionParams::fixed(0.0)};
  for (int i = 0; i < 60; ++i) {
    const double days = 0.5 * i;
    s.census.push_back({"acute", "general", days, i % 4 == 0});
    if (i % 2 == 0) s.census.push_back({"reablement", "general", days, false});
    if (i % 5 == 0) s.census.push_back({"care_home", "general", 3.0 * days, false});
  }
  Scenario reversed = s;
  std::reverse(reversed.census.begin(), reversed.census.end());
  Scenario rotated = s;
  std::rotate(rotated.census.begin(), rotated.census.begin() + 37, rotated.census.end());
  const ReplicationResult a = simulate_replication(s, 11, 2);
  for (const Scenario* other : {&reversed, &rotated}) {
    const ReplicationResult b = simulate_replication(*other, 11, 2);
    REQUIRE(a.scalars.size() == b.scalars.size());
    for (std::size_t i = 0; i < a.scalars.size(); ++i) {
      INFO(a.scalars[i].name);
      CHECK(a.scalars[i].value == b.scalars[i].value);
    }
    for (std::size_t i = 0; i < a.series.size(); ++i) CHECK(a.series[i].values == b.series[i].values);
  }
}

// Two community services of 2 places each whose patients route to each other (half of
// them) or home, fed by a busy acute service.
Scenario mutual_routes(ServiceKind kind) {
  Scenario s = basic_scenario(40.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 120;
  s.cohorts[0].discharge_pathway = {0.0, 0.5, 0.5, 0.0};
  Service a = limited_service("ward_a", kind, 2, DistributionParams::exponential(3.0));
  Service b = limited_service("ward_b", kind, 2, DistributionParams::exponential(3.0));
  a.then = {{"ward_b", 0.5}, {kHome, 0.5}};
  b.then = {{"ward_a", 0.5}, {kHome, 0.5}};
  s.services.push_back(a);
  s.services.push_back(b);
  s.discharge_pathways[1] = {"ward_a", DistributionParams::fixed(0.0)};
  s.discharge_pathways[2] = {"ward_b", DistributionParams::fixed(0.0)};
  return s;
}

double gridlock_day(const std::string& warning) {
  const std::string lead = "gridlock from day ";
  REQUIRE(warning.rfind(lead, 0) == 0);
  return std::stod(warning.substr(lead.size()));
}

TEST_CASE("a gridlock is reported with its services and day, and nothing moves after it",
          "[gridlock][edges]") {
  for (const ServiceKind kind : {ServiceKind::beds, ServiceKind::caseload}) {
    INFO("kind " << static_cast<int>(kind));
    const Scenario s = mutual_routes(kind);
    REQUIRE(check_network(s).empty());
    const ReplicationResult r = simulate_replication(s, 7, 0);
    REQUIRE(r.warnings.size() == 1);
    const std::string& w = r.warnings.front();
    INFO(w);
    CHECK(w.find("'ward_a', 'ward_b'") != std::string::npos);
    const double day = gridlock_day(w);
    CHECK(day >= 0.0);
    CHECK(day <= 120.0);
    // From the first whole day after it, both stay full for the rest of the run.
    const auto& a = series(r, "ward_a", "occupancy").values;
    const auto& b = series(r, "ward_b", "occupancy").values;
    for (auto k = static_cast<std::size_t>(std::ceil(day)); k < a.size(); ++k) {
      CHECK(a[k] == 2.0);
      CHECK(b[k] == 2.0);
    }
  }
}

TEST_CASE("a flowing system reports no gridlock", "[gridlock][edges]") {
  Scenario s = mutual_routes(ServiceKind::beds);
  for (auto& v : s.services) {
    if (v.kind != ServiceKind::acute) v.capacity.base = 200;  // room enough to never lock
  }
  CHECK(simulate_replication(s, 7, 0).warnings.empty());
  CHECK(simulate_replication(kent_medway_flowing(), 7, 0).warnings.empty());
}

bool has_series(const ReplicationResult& r, const std::string& group, const std::string& measure) {
  return std::any_of(r.series.begin(), r.series.end(), [&](const TimeSeries& t) {
    return t.group == group && t.measure == measure;
  });
}
bool has_scalar(const ReplicationResult& r, const std::string& name) {
  return std::any_of(r.scalars.begin(), r.scalars.end(),
                     [&](const ScalarMeasure& m) { return m.name == name; });
}

TEST_CASE("unlimited capacity has no occupancy share and no capacity series", "[unlimited][edges]") {
  Scenario s = basic_scenario(10.0, DistributionParams::exponential(3.0));
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  s.services.push_back(unlimited_service("virtual_ward", ServiceKind::virtual_ward,
                                         DistributionParams::exponential(5.0)));
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, 40,
                                       DistributionParams::exponential(5.0)));
  s.services.back().then = {{"virtual_ward", 0.2}, {kHome, 0.8}};
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  const ReplicationResult r = simulate_replication(s, 1, 0);
  CHECK_FALSE(has_scalar(r, "acute_occupancy_share"));
  CHECK_FALSE(has_series(r, "acute", "capacity"));
  CHECK_FALSE(has_series(r, "virtual_ward", "capacity"));
  CHECK(has_series(r, "virtual_ward", "occupancy"));
  CHECK(has_series(r, "reablement", "capacity"));
  for (const auto& t : r.series) {
    for (const double v : t.values) CHECK(v < 1e12);  // no stand-in for "unlimited" leaks out
  }
  // The same acute service with a number of beds has both again.
  s.services[0].capacity.base = 100;
  const ReplicationResult limited = simulate_replication(s, 1, 0);
  CHECK(scalar(limited, "acute_occupancy_share") > 0.0);
  CHECK(series(limited, "acute", "capacity").values.front() == 100.0);
}

TEST_CASE("a schedule unlimited on some dates samples no number of places there",
          "[unlimited][edges]") {
  Scenario s = basic_scenario(10.0, DistributionParams::exponential(3.0));
  s.run.horizon_days = 10;
  s.services[0].capacity.base = 50;
  s.services[0].capacity.changes = {{Date{2026, 10, 8}, kUnlimitedCapacity},   // day 3
                                    {Date{2026, 10, 11}, 60}};                 // day 6
  const ReplicationResult r = simulate_replication(s, 1, 0);
  const auto& capacity = series(r, "acute", "capacity").values;
  REQUIRE(capacity.size() == 11);  // daily samples at days 0..10
  for (std::size_t day = 0; day < capacity.size(); ++day) {
    INFO("day " << day);
    if (day < 3) CHECK(capacity[day] == 50.0);
    if (day >= 3 && day < 6) CHECK(std::isnan(capacity[day]));
    if (day >= 6) CHECK(capacity[day] == 60.0);
  }
  CHECK_FALSE(has_scalar(r, "acute_occupancy_share"));
}

TEST_CASE("expected community stays solve the routing chain", "[network][edges]") {
  // ward_a -> ward_b with 0.5, ward_b -> ward_a with 0.5: from ward_a, N = (I - Q)^-1 gives
  // 1 / 0.75 stays in ward_a and 0.5 / 0.75 in ward_b, 2 in all.
  Scenario s = mutual_routes(ServiceKind::beds);
  auto stays = expected_community_stays(s);
  REQUIRE(stays.size() == 2);
  for (const auto& e : stays) CHECK(e.stays == Approx(2.0).epsilon(1e-12));
  CHECK(check_network(s).empty());
  // Exits of 1e-12: about 1e12 stays per patient; refused by the network check.
  s.services[1].then = {{"ward_b", 1.0 - 1e-12}, {kHome, 1e-12}};
  s.services[2].then = {{"ward_a", 1.0}};
  stays = expected_community_stays(s);
  REQUIRE(stays.size() == 2);
  for (const auto& e : stays) CHECK(e.stays > 1e11);
  const auto problems = check_network(s);
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.front().message.find("go round its loop") != std::string::npos);
}

TEST_CASE("a reablement loop through on_failure counts its failures", "[network][edges]") {
  // reablement -> (not independent, 0.3) home_care -> (then 1.0) reablement: 1 / 0.7 stays
  // in reablement and 0.3 / 0.7 in home care from reablement, 1 / 0.7 in all from home care.
  Scenario s = basic_scenario(10.0, DistributionParams::exponential(3.0));
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  Service reablement = limited_service("reablement", ServiceKind::caseload, 40,
                                       DistributionParams::exponential(5.0));
  reablement.independent_at_91_days = 0.7;
  reablement.on_failure = "home_care";
  Service home_care = limited_service("home_care", ServiceKind::caseload, 40,
                                      DistributionParams::exponential(5.0));
  home_care.then = {{"reablement", 1.0}};
  s.services.push_back(reablement);
  s.services.push_back(home_care);
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  const auto stays = expected_community_stays(s);
  REQUIRE(stays.size() == 2);
  for (const auto& e : stays) {
    INFO(e.service);
    CHECK(e.stays == Approx(e.service == "reablement" ? 1.3 / 0.7 : 2.0 / 0.7).epsilon(1e-12));
  }
  s.services[1].independent_at_91_days = 1e-9;  // hardly anyone ever leaves the loop
  CHECK_FALSE(check_network(s).empty());
}

}  // namespace
}  // namespace bedflow::model::testing
