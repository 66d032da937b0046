// Discharge pathways and delayed discharges: queues for full services, assessment delays,
// step-down to the virtual ward.
#include <map>
#include <set>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// Acute of unlimited capacity; pathways 1-3 lead to reablement, intermediate care and a
// care home with the given capacity.
Scenario pathway_network(std::int64_t downstream, DistributionParams assessment1,
                         DistributionParams assessment2, DistributionParams assessment3) {
  Scenario s = basic_scenario(30.0, DistributionParams::lognormal_mean_sd(4.0, 3.0));
  s.cohorts[0].discharge_pathway = {0.4, 0.3, 0.2, 0.1};
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, downstream,
                                       DistributionParams::exponential(10.0)));
  s.services.push_back(limited_service("intermediate_care", ServiceKind::beds, downstream,
                                       DistributionParams::exponential(20.0)));
  s.services.push_back(limited_service("care_home", ServiceKind::beds, downstream,
                                       DistributionParams::exponential(30.0)));
  s.discharge_pathways[1] = {"reablement", std::move(assessment1)};
  s.discharge_pathways[2] = {"intermediate_care", std::move(assessment2)};
  s.discharge_pathways[3] = {"care_home", std::move(assessment3)};
  return s;
}

TEST_CASE("with no downstream capacity every pathway 1-3 patient stays delayed to the end",
          "[discharge]") {
  const auto zero = DistributionParams::fixed(0.0);
  Scenario s = pathway_network(0, zero, zero, zero);
  s.run.horizon_days = 60;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 4, 0);
  std::size_t fit = 0, home = 0, waiting = 0, entered_downstream = 0;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "medically_fit") ++fit;
    if (e.event == "home") ++home;
    if (e.event == "wait_for_place") ++waiting;
    if (e.event == "enter" && e.service != "acute") ++entered_downstream;
  }
  REQUIRE(fit > 500);
  CHECK(entered_downstream == 0);
  CHECK(fit == home + waiting);  // every fit patient either went home (P0) or is waiting
  CHECK(scalar(r, "patients_left") == static_cast<double>(home));
  const auto& delayed = series(r, "system", "delayed_total");
  CHECK(delayed.values.back() == static_cast<double>(waiting));
  CHECK(series(r, "reablement", "queue").values.back() +
            series(r, "intermediate_care", "queue").values.back() +
            series(r, "care_home", "queue").values.back() ==
        static_cast<double>(waiting));
  // The delayed count only grows: nobody ever leaves the queue.
  for (std::size_t k = 1; k < delayed.values.size(); ++k) {
    CHECK(delayed.values[k] >= delayed.values[k - 1]);
  }
}

TEST_CASE("with unbounded downstream capacity the delay equals the assessment time",
          "[discharge]") {
  SECTION("fixed assessment times: exact") {
    const Scenario s = pathway_network(kUnlimitedCapacity, DistributionParams::fixed(0.5),
                                       DistributionParams::fixed(1.25),
                                       DistributionParams::fixed(3.0));
    const ReplicationResult r = simulate_replication(s, 8, 0);
    // Delays still open at the end count at their length so far; the ended ones are exact.
    const std::pair<const char*, double> expected[] = {{"1", 0.5}, {"2", 1.25}, {"3", 3.0}};
    for (const auto& [k, days] : expected) {
      const double counted = scalar(r, std::string("delays_counted_P") + k);
      const double open = scalar(r, std::string("delayed_at_end_P") + k);
      const double mean = scalar(r, std::string("discharge_delay_mean_days_P") + k);
      const double open_mean = scalar(r, std::string("open_delay_mean_days_P") + k);
      INFO("P" << k);
      REQUIRE(counted > open);
      CHECK((mean * counted - open_mean * open) / (counted - open) == Approx(days).margin(1e-9));
      CHECK(open_mean <= days);
      CHECK(mean <= days);
    }
  }
  SECTION("random assessment times: the mean delay is the assessment mean") {
    const auto triangular = DistributionParams::triangular(1.0, 2.0, 6.0);  // mean 3
    const Scenario s = pathway_network(kUnlimitedCapacity, triangular, triangular, triangular);
    std::vector<double> values;
    for (std::uint32_t rep = 0; rep < 10; ++rep) {
      // The delays that ended (those still open at the end are cut short).
      const ReplicationResult r = simulate_replication(s, 8, rep);
      const double counted = scalar(r, "delays_counted_P1");
      const double open = scalar(r, "delayed_at_end_P1");
      values.push_back((scalar(r, "discharge_delay_mean_days_P1") * counted -
                        scalar(r, "open_delay_mean_days_P1") * open) / (counted - open));
    }
    const auto ci = engine::confidence_interval(values, 0.999);
    CHECK(ci.lower() <= 3.0);
    CHECK(3.0 <= ci.upper());
  }
}

TEST_CASE("a full downstream service makes a first-in, first-out queue of delayed patients",
          "[discharge]") {
  const auto zero = DistributionParams::fixed(0.0);
  Scenario s = pathway_network(5, zero, zero, zero);
  s.run.horizon_days = 80;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 6, 0);
  // For each service, patients enter in the order they started waiting.
  std::map<std::string, std::vector<std::uint32_t>> waited, entered;
  std::set<std::uint32_t> ever_waited;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "wait_for_place") waited[e.service].push_back(e.patient), ever_waited.insert(e.patient);
    if (e.event == "enter" && ever_waited.count(e.patient)) entered[e.service].push_back(e.patient);
  }
  REQUIRE(!entered["care_home"].empty());
  for (const auto& [service, order] : entered) {
    const auto& queue = waited[service];
    REQUIRE(order.size() <= queue.size());
    CHECK(std::equal(order.begin(), order.end(), queue.begin()));
  }
  CHECK(scalar(r, "delayed_bed_days") > 0.0);
  CHECK(scalar(r, "delayed_bed_days_per_week") ==
        Approx(scalar(r, "delayed_bed_days") * 7.0 / 80.0));
}

TEST_CASE("step-down saves acute bed-days equal to the configured days times the eligible "
          "patients", "[discharge][virtual_ward]") {
  const double rate = 60.0, days_early = 2.0, horizon = 200.0, warmup = 60.0;
  const auto los = DistributionParams::lognormal_mean_sd(5.0, 4.0);
  Scenario with = basic_scenario(rate, los);
  with.run.warmup_days = warmup;
  with.run.horizon_days = horizon;
  Cohort other = with.cohorts[0];
  other.name = "not_eligible";
  with.cohorts.push_back(other);
  with.arrivals[0].cohort_mix = {{"general", 0.7}, {"not_eligible", 0.3}};
  with.cohorts[0].discharge_pathway = {0.8, 0.2, 0.0, 0.0};  // P1 patients never step down
  with.discharge_pathways[1] = {kHome, DistributionParams::fixed(0.5)};
  Service ward = unlimited_service("virtual_ward", ServiceKind::virtual_ward);
  ward.step_down = StepDown{days_early, {"general"}, DistributionParams::exponential(3.0)};
  with.services.push_back(ward);
  Scenario without = with;
  without.services[1].step_down.reset();
  without.services[1].los_days = DistributionParams::exponential(3.0);

  // Eligible: the general cohort, pathway 0, and a stay longer than the days saved.
  const engine::Distribution stay(los);
  const double eligible_per_day = rate * 0.7 * 0.8 * (1.0 - stay.cdf(days_early));
  const double expected = days_early * eligible_per_day * (horizon - warmup);
  std::vector<double> saved_measure, bed_days_difference;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult a = simulate_replication(with, 31, rep);
    const ReplicationResult b = simulate_replication(without, 31, rep);
    saved_measure.push_back(scalar(a, "step_down_acute_days_saved"));
    bed_days_difference.push_back(scalar(b, "acute_bed_days") - scalar(a, "acute_bed_days"));
  }
  for (const auto* values : {&saved_measure, &bed_days_difference}) {
    const auto ci = engine::confidence_interval(*values, 0.999);
    INFO(ci.mean << " +- " << ci.half_width << ", expected " << expected);
    CHECK(ci.lower() <= expected);
    CHECK(expected <= ci.upper());
  }
}

}  // namespace
}  // namespace bedflow::model::testing
