// Community services and admission rules: urgent community response, avoidable admissions,
// reablement outcomes, readmissions and elective cancellations.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

std::vector<double> ci_check(const std::vector<double>& values, double expected) {
  const auto ci = engine::confidence_interval(values, 0.999);
  INFO(ci.mean << " +- " << ci.half_width << ", expected " << expected);
  CHECK(ci.half_width > 0.0);
  CHECK(ci.lower() <= expected);
  CHECK(expected <= ci.upper());
  return values;
}

TEST_CASE("UCR's 2-hour share is the response cdf restricted to visits that start in hours",
          "[ucr]") {
  Scenario s = basic_scenario(100.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 40;
  s.arrivals[0].avoidable_share = {{"general", 1.0}};
  s.arrivals[0].alternatives = {"ucr", "acute"};
  s.services.push_back(urgent_response(1000000, 0.75));
  // A referral at hour h is reached within 2 hours when the response R <= 2 and the visit
  // starts before closing (R <= 20 - h); referrals arrive uniformly over opening hours.
  const engine::Distribution response(DistributionParams::triangular(0.25, 1.0, 4.0));
  const int steps = 120000;
  double expected = 0.0;
  for (int i = 0; i < steps; ++i) {
    const double h = 8.0 + 12.0 * (i + 0.5) / steps;
    expected += response.cdf(std::min(2.0, 20.0 - h)) / steps;
  }
  std::vector<double> share, success;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult r = simulate_replication(s, 17, rep);
    share.push_back(scalar(r, "ucr_2h_share"));
    success.push_back(scalar(r, "avoided_admissions_ucr") / scalar(r, "ucr_visits"));
  }
  ci_check(share, expected);
  ci_check(success, 0.75);
  CHECK(expected < response.cdf(2.0));  // the closing time matters
}

TEST_CASE("avoidable admissions take the first alternative with room, UCR's daily capacity "
          "resets each day", "[ucr][avoidable]") {
  Scenario s = basic_scenario(100.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 30;
  s.outputs.patient_events = true;
  s.arrivals[0].avoidable_share = {{"general", 1.0}};
  s.arrivals[0].alternatives = {"ucr", "virtual_ward", "acute"};
  s.services.push_back(urgent_response(7, 1.0));
  Service ward = limited_service("virtual_ward", ServiceKind::virtual_ward, 10);
  ward.step_up = StepUp{DistributionParams::exponential(2.0), 0.0};
  s.services.push_back(ward);
  const ReplicationResult r = simulate_replication(s, 3, 0);
  CHECK(scalar(r, "ucr_referrals") == 7.0 * 30.0);

  std::map<long, int> referrals_on_day;
  int ward_in_use = 0, ward_entries = 0, admissions = 0;
  double arrived_at = -1.0;
  for (const auto& e : test::named_events(r)) {
    const long day = static_cast<long>(std::floor(e.time_days + 1e-12));
    const double hour = (e.time_days - static_cast<double>(day)) * 24.0;
    // Times are whole seconds in the model; in days as doubles 08:00 can read 07:59:59.99.
    const bool in_hours = hour >= 8.0 - 1e-9 && hour < 20.0 - 1e-9;
    if (e.event == "arrive") arrived_at = e.time_days;
    if (e.event == "referral") {
      CHECK(in_hours);
      ++referrals_on_day[day];
    }
    if (e.service == "virtual_ward" && e.event == "enter") {
      // Only when UCR had no room: closed, or today's visits all taken.
      CHECK((!in_hours || referrals_on_day[day] == 7));
      ++ward_in_use;
      ++ward_entries;
    }
    if (e.service == "virtual_ward" && e.event == "leave") --ward_in_use;
    if (e.event == "admit" && e.time_days == arrived_at) {
      CHECK((!in_hours || referrals_on_day[day] == 7));
      CHECK(ward_in_use == 10);  // the ward was full
      ++admissions;
    }
  }
  for (const auto& [day, n] : referrals_on_day) CHECK(n == 7);
  CHECK(ward_entries > 0);
  CHECK(admissions > 0);
}

TEST_CASE("reablement: the independent share, failures on to home care", "[reablement]") {
  Scenario s = basic_scenario(50.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 120;
  s.cohorts[0].discharge_pathway = {0.0, 1.0, 0.0, 0.0};
  Service reablement = unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::exponential(5.0));
  reablement.independent_at_91_days = 0.8;
  reablement.on_failure = "home_care";
  s.services.push_back(reablement);
  s.services.push_back(unlimited_service("home_care", ServiceKind::caseload,
                                         DistributionParams::exponential(20.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  std::vector<double> share;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    Scenario logged = s;
    logged.outputs.patient_events = rep == 0;
    const ReplicationResult r = simulate_replication(logged, 23, rep);
    share.push_back(scalar(r, "reablement_independent_91d_share"));
    if (rep == 0) {
      std::size_t into_home_care = 0;
      for (const auto& e : test::named_events(r)) {
        if (e.event == "enter" && e.service == "home_care") ++into_home_care;
      }
      const double completed = scalar(r, "reablement_completed");
      CHECK(static_cast<double>(into_home_care) ==
            Approx(completed * (1.0 - share.back())).margin(1e-6));
    }
  }
  ci_check(share, 0.8);
}

TEST_CASE("readmissions within N days with a probability that depends on the route out",
          "[readmissions]") {
  Scenario s = basic_scenario(40.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 60;
  s.run.horizon_days = 260;
  Cohort via_reablement = s.cohorts[0];
  via_reablement.name = "via_reablement";
  via_reablement.discharge_pathway = {0.0, 1.0, 0.0, 0.0};
  via_reablement.readmission = {10.0, 0.3, {{"reablement", 0.05}}};
  s.cohorts[0].readmission = {10.0, 0.2, {}};
  s.cohorts.push_back(via_reablement);
  s.arrivals[0].cohort_mix = {{"general", 0.5}, {"via_reablement", 0.5}};
  Service reablement = unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::exponential(3.0));
  reablement.independent_at_91_days = 1.0;
  s.services.push_back(reablement);
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  // Readmitted patients can be readmitted again: the rate r solves r = p (lambda + r).
  const auto rate = [](double lambda, double p) { return p * lambda / (1.0 - p); };
  const double expected = 200.0 * (rate(20.0, 0.2) + rate(20.0, 0.05));
  ci_check(over_replications(s, 10, "readmissions", 41), expected);
}

TEST_CASE("elective streams arrive on weekdays only", "[electives]") {
  Scenario s = basic_scenario(60.0, DistributionParams::exponential(1.0));
  s.run.horizon_days = 28;
  s.arrivals[0].weekdays_only = true;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 2, 0);
  const engine::Calendar calendar(s.run.start);
  std::size_t arrivals = 0;
  for (const auto& e : test::named_events(r)) {
    if (e.event != "arrive") continue;
    ++arrivals;
    CHECK(calendar.weekday_at(engine::from_days(e.time_days)) < 5);
  }
  CHECK(static_cast<double>(arrivals) == scalar(r, "arrivals_emergency"));
  CHECK(arrivals > 0);
}

TEST_CASE("electives are cancelled above the occupancy threshold: a loss system (Erlang B)",
          "[electives]") {
  // Five beds and a threshold between 4/5 and 5/5: an elective is cancelled exactly when
  // all five beds are taken, so the cancelled share is Erlang B(5, lambda x mean stay),
  // whatever the stay distribution.
  Scenario s = basic_scenario(4.0, DistributionParams::lognormal_mean_sd(1.0, 0.8));
  s.run.warmup_days = 10;
  s.run.horizon_days = 410;
  s.services[0].capacity.base = 5;
  s.arrivals[0].cancel_when_occupancy_above = 0.9;
  const double load = 4.0;
  std::vector<double> share;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult r = simulate_replication(s, 13, rep);
    share.push_back(scalar(r, "elective_cancellations") / scalar(r, "arrivals_emergency"));
    CHECK(scalar(r, "ed_mean_wait_hours") == 0.0);  // nobody ever waits for a bed
  }
  ci_check(share, erlang_b(5, load));
}

}  // namespace
}  // namespace bedflow::model::testing
