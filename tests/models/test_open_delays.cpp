// Censoring made visible: delays and ED waits still open at the end of the run count in the
// mean delays and waits (at their length so far), and their counterparts report them, so
// Little's law ties the mean number delayed to the number of delays and their mean length.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// Acute of unlimited capacity; pathway 1 (30% of patients) waits a day for assessment, then
// for reablement with the given capacity schedule; other pathways go home at once.
Scenario reablement_network(CapacitySchedule reablement_capacity) {
  Scenario s = basic_scenario(30.0, DistributionParams::lognormal_mean_sd(4.0, 3.0));
  s.cohorts[0].discharge_pathway = {0.7, 0.3, 0.0, 0.0};
  Service reablement = limited_service("reablement", ServiceKind::caseload, 0,
                                       DistributionParams::exponential(10.0));
  reablement.capacity = std::move(reablement_capacity);
  s.services.push_back(reablement);
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(1.0)};
  return s;
}

double window_days(const ReplicationResult& r) { return r.window.days(); }

// The mean number delayed that Little's law gives from the delays and their mean length.
double littles_law_delayed(const ReplicationResult& r, int pathway) {
  const std::string k = std::to_string(pathway);
  return scalar(r, "delays_counted_P" + k) / window_days(r) *
         scalar(r, "discharge_delay_mean_days_P" + k);
}

void check_conserved(const ReplicationResult& r) {
  CHECK(scalar(r, "patients_arrived") + scalar(r, "patients_inside_start") ==
        scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
}

TEST_CASE("a destination that never opens: every delay is open and Little's law is exact",
          "[discharge][censoring]") {
  const Scenario s = reablement_network(CapacitySchedule{0, {}});
  std::vector<double> delayed, predicted, difference;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult r = simulate_replication(s, 41, rep);
    INFO("replication " << rep);
    // Nobody ever leaves for reablement: every delay counted is still open at the end.
    CHECK(scalar(r, "delayed_at_end_P1") == scalar(r, "delays_counted_P1"));
    CHECK(scalar(r, "open_delay_mean_days_P1") ==
          Approx(scalar(r, "discharge_delay_mean_days_P1")).epsilon(1e-12));
    CHECK(scalar(r, "discharge_delay_mean_days_P1") > 10.0);  // not the 0 of closed delays only
    // Without warm-up the area under the delayed count is the sum of the delays: exact.
    CHECK(scalar(r, "delayed_patients_mean_P1") ==
          Approx(littles_law_delayed(r, 1)).epsilon(1e-9));
    check_conserved(r);
    delayed.push_back(scalar(r, "delayed_patients_mean_P1"));
    predicted.push_back(littles_law_delayed(r, 1));
    difference.push_back(delayed.back() - predicted.back());
  }
  const auto ci = engine::confidence_interval(delayed, 0.999);
  const auto diff = engine::confidence_interval(difference, 0.999);
  double predicted_mean = 0.0;
  for (double v : predicted) predicted_mean += v / static_cast<double>(predicted.size());
  INFO("delayed_patients_mean_P1 " << ci.mean << " +- " << ci.half_width
       << ", Little's law " << predicted_mean << ", difference " << diff.mean << " +- "
       << diff.half_width);
  CHECK(ci.lower() <= predicted_mean);
  CHECK(predicted_mean <= ci.upper());
  CHECK(std::abs(diff.mean) <= 1e-9 * ci.mean);
}

TEST_CASE("a reablement service cut to nothing on day 27: open delays are counted and "
          "Little's law holds", "[discharge][censoring]") {
  // 60 places until 2026-11-01 (day 27 of a run from 2026-10-05), none after; a 14-day
  // warm-up. Delays count their days inside the window only, so Little's law stays exact
  // for every replication, even for patients already delayed when the window opens.
  Scenario s = reablement_network(CapacitySchedule{60, {{Date{2026, 11, 1}, 0}}});
  s.run.warmup_days = 14;
  std::vector<double> delayed, predicted;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult r = simulate_replication(s, 43, rep);
    INFO("replication " << rep);
    CHECK(scalar(r, "delayed_at_end_P1") > 0.0);
    CHECK(scalar(r, "open_delay_mean_days_P1") > 0.0);
    CHECK(scalar(r, "delays_counted_P1") > scalar(r, "delayed_at_end_P1"));  // some closed
    check_conserved(r);
    delayed.push_back(scalar(r, "delayed_patients_mean_P1"));
    predicted.push_back(littles_law_delayed(r, 1));
    CHECK(predicted.back() == Approx(delayed.back()).epsilon(1e-9));
  }
  const auto ci = engine::confidence_interval(delayed, 0.999);
  double predicted_mean = 0.0;
  for (double v : predicted) predicted_mean += v / static_cast<double>(predicted.size());
  INFO("delayed_patients_mean_P1 " << ci.mean << " +- " << ci.half_width
       << ", Little's law " << predicted_mean);
  CHECK(ci.lower() <= predicted_mean);
  CHECK(predicted_mean <= ci.upper());
}

TEST_CASE("patients still waiting for an acute bed at the end count in the mean ED wait",
          "[outputs][censoring]") {
  // 22 a day on 20 beds with 1-day stays: the ED line grows and never clears.
  Scenario s = basic_scenario(22.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 20;
  s.run.horizon_days = 40;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 5, 0);
  std::map<std::uint32_t, double> arrived;
  std::vector<double> ended;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "arrive") arrived[e.patient] = e.time_days;
    if (e.event == "admit") {
      ended.push_back((e.time_days - arrived[e.patient]) * 24.0);
      arrived.erase(e.patient);
    }
  }
  double open_sum = 0.0;
  for (const auto& [patient, since] : arrived) open_sum += (40.0 - since) * 24.0;
  const double open_count = static_cast<double>(arrived.size());
  double ended_sum = 0.0;
  for (double w : ended) ended_sum += w;
  REQUIRE(open_count > 0.0);
  CHECK(scalar(r, "ed_still_waiting_end") == open_count);
  CHECK(scalar(r, "ed_open_wait_mean_hours") == Approx(open_sum / open_count).epsilon(1e-6));
  CHECK(scalar(r, "ed_mean_wait_hours") ==
        Approx((ended_sum + open_sum) / (static_cast<double>(ended.size()) + open_count))
            .epsilon(1e-6));
  check_conserved(r);
}

}  // namespace
}  // namespace bedflow::model::testing
