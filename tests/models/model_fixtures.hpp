#pragma once
// Scenarios built in C++ for the model's tests, and small helpers to read results.
//
// Invariants:
//  - Every scenario here is valid (passes check_network) unless a test breaks it on purpose.
//  - Helpers fail the test (not return a default) when a measure is missing.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/models/simulate.hpp"
#include "kent_medway_example.hpp"

namespace bedflow::model::testing {

using engine::Date;
using engine::DistributionParams;

inline double scalar(const ReplicationResult& result, const std::string& name) {
  for (const auto& s : result.scalars) {
    if (s.name == name) return s.value;
  }
  FAIL("measure '" << name << "' is missing");
  return 0.0;
}

inline const TimeSeries& series(const ReplicationResult& result, const std::string& group,
                                const std::string& measure) {
  for (const auto& s : result.series) {
    if (s.group == group && s.measure == measure) return s;
  }
  FAIL("series '" << group << "/" << measure << "' is missing");
  throw std::logic_error("unreachable");
}

// Values of one measure over replications 0..n-1.
inline std::vector<double> over_replications(const Scenario& scenario, std::uint32_t n,
                                             const std::string& name,
                                             std::uint64_t seed = 12345) {
  std::vector<double> values;
  for (std::uint32_t r = 0; r < n; ++r) {
    values.push_back(scalar(simulate_replication(scenario, seed, r), name));
  }
  return values;
}

// Two-sided normal quantile for a family of `cells` checks at family-wise level `alpha`.
inline double bonferroni_z(std::size_t cells, double alpha) {
  boost::math::normal standard;
  return boost::math::quantile(standard, 1.0 - alpha / (2.0 * static_cast<double>(cells)));
}

// Erlang B: the blocking of an M/G/c/c loss system with offered load a (insensitive to the
// stay's distribution), by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
inline double erlang_b(int servers, double offered) {
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered * b / (k + offered * b);
  return b;
}

// Erlang C: the probability that an arrival at an M/M/c queue with offered load a < c waits,
// from Erlang B: C = c B / (c - a (1 - B)).
inline double erlang_c(int servers, double offered) {
  const double b = erlang_b(servers, offered);
  const double c = static_cast<double>(servers);
  return c * b / (c - offered * (1.0 - b));
}

// 99% confidence interval of the replications' mean.
inline engine::ConfidenceInterval ci99(const std::vector<double>& values) {
  return engine::confidence_interval(values, 0.99);
}

// Asserts that `expected` lies in the 99% confidence interval of the replications' mean;
// `what` names the measure in the failure message.
inline void check_in_ci(const std::vector<double>& values, double expected,
                        const std::string& what = "mean") {
  const auto ci = ci99(values);
  INFO(what << ": " << ci.mean << " +- " << ci.half_width << " (99%), expected " << expected);
  CHECK(ci.half_width > 0.0);
  CHECK(ci.lower() <= expected);
  CHECK(expected <= ci.upper());
}

// An urgent community response service "ucr", 08:00-20:00, response triangular (0.25, 1, 4)
// hours (UrgentResponse's defaults), `per_day` visits a day.
inline Service urgent_response(std::int64_t per_day, double success) {
  Service s;
  s.name = "ucr";
  s.kind = ServiceKind::urgent_community_response;
  s.urgent_response = UrgentResponse{};
  s.urgent_response->capacity_per_day = per_day;
  s.urgent_response->success_probability = success;
  return s;
}

inline Service unlimited_service(std::string name, ServiceKind kind,
                                 std::optional<DistributionParams> los = std::nullopt) {
  Service s;
  s.name = std::move(name);
  s.kind = kind;
  s.capacity.base = kUnlimitedCapacity;
  s.los_days = std::move(los);
  return s;
}

inline Service limited_service(std::string name, ServiceKind kind, std::int64_t capacity,
                              std::optional<DistributionParams> los = std::nullopt) {
  Service s = unlimited_service(std::move(name), kind, std::move(los));
  s.capacity.base = capacity;
  return s;
}

// One cohort, one stationary emergency stream, one acute service of unlimited capacity,
// every pathway home with no assessment. Tests add what they examine.
inline Scenario basic_scenario(double rate_per_day, DistributionParams acute_los) {
  Scenario s;
  s.run.start = Date{2026, 10, 5};  // a Monday
  s.run.horizon_days = 100;
  s.run.warmup_days = 0;
  Cohort cohort;
  cohort.name = "general";
  cohort.acute_los_days = std::move(acute_los);
  s.cohorts = {cohort};
  ArrivalStream stream;
  stream.name = "emergency";
  stream.rate_per_day = rate_per_day;
  stream.cohort_mix = {{"general", 1.0}};
  stream.admit_to = "acute";
  s.arrivals = {stream};
  Service acute = unlimited_service("acute", ServiceKind::acute);
  s.services = {acute};
  for (auto& pathway : s.discharge_pathways) pathway = {kHome, DistributionParams::fixed(0.0)};
  return s;
}

// Demand from the community: `rate` a day of the one cohort, entering `service` directly.
inline ArrivalStream community_stream(std::string name, double rate, std::string service) {
  ArrivalStream stream;
  stream.name = std::move(name);
  stream.rate_per_day = rate;
  stream.cohort_mix = {{"general", 1.0}};
  stream.admit_to = std::move(service);
  return stream;
}

// A loss service on a discharge pathway: half the patients take pathway 2 to 4 intermediate
// care beds (exponential stays of 3 days, assessment 1 day) that turn people away to an
// unlimited reablement caseload (exponential stays of 5 days).
inline void add_loss_ward_on_pathway_2(Scenario& s) {
  s.cohorts[0].discharge_pathway = {0.5, 0.0, 0.5, 0.0};
  Service ward = limited_service("intermediate_care", ServiceKind::beds, 4,
                                 DistributionParams::exponential(3.0));
  ward.when_full = WhenFull::turn_away;
  ward.if_turned_away = "reablement";
  s.services.push_back(ward);
  s.services.push_back(unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::exponential(5.0)));
  s.discharge_pathways[2] = {"intermediate_care", DistributionParams::fixed(1.0)};
}

// Two acute trusts sharing reablement, from Monday 2026-10-05 with a 10-day warm-up: the
// window runs from 2026-10-15 to 2026-12-13 (three months). North is overloaded (13 a day on
// 12 beds), so its ED line never clears; pathway 1 patients wait in their beds for
// reablement.
inline Scenario two_acute_services() {
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(1.0));
  s.run.warmup_days = 10;
  s.run.horizon_days = 70;
  s.services[0].capacity.base = 24;
  s.services.push_back(limited_service("north", ServiceKind::acute, 12));
  ArrivalStream north = s.arrivals[0];
  north.name = "north_emergency";
  north.rate_per_day = 13.0;
  north.admit_to = "north";
  s.arrivals.push_back(north);
  s.cohorts[0].discharge_pathway = {0.7, 0.3, 0.0, 0.0};
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, 30,
                                       DistributionParams::exponential(3.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.5)};
  return s;
}

using examples::kent_medway_flowing;
using examples::kent_medway_winter;

}  // namespace bedflow::model::testing
