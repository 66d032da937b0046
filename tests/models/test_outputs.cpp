// What a replication reports: the measure names of the contract (costs: test_costs.cpp), ED
// waits as the patient log shows them, escalation and the time series.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

TEST_CASE("every measure of the contract is reported, headlines marked", "[outputs]") {
  const ReplicationResult r = simulate_replication(kent_medway_winter(), 1, 0);
  const std::vector<std::string> plain = {
      "patients_arrived", "patients_left", "patients_inside_start", "patients_inside_end",
      "arrivals_emergency", "arrivals_elective", "admissions_emergency", "admissions_elective",
      "acute_mean_occupancy", "acute_peak_occupancy", "ed_waits_over_4h",
      "escalation_bed_days", "escalation_beds_mean_open", "delayed_patients_mean_P1",
      "delayed_patients_mean_P2", "delayed_patients_mean_P3", "step_down_acute_days_saved",
      "avoided_admissions_urgent_community_response", "avoided_admissions_virtual_ward",
      "ucr_referrals", "ucr_visits", "reablement_completed", "cost_capacity_acute",
      "cost_escalation_acute", "cost_activity_acute", "cost_capacity_virtual_ward",
      "cost_activity_virtual_ward", "cost_activity_urgent_community_response",
      "cost_capacity_reablement", "cost_activity_home_care", "cost_capacity_care_home"};
  const std::vector<std::string> headline = {
      "elective_cancellations", "acute_occupancy_share", "ed_mean_wait_hours",
      "ed_waits_over_12h", "delayed_patients_mean", "delayed_bed_days",
      "delayed_bed_days_per_week", "avoided_admissions_total", "ucr_2h_share",
      "reablement_independent_91d_share", "readmissions", "cost_total",
      "delayed_discharge_cost"};
  std::map<std::string, bool> reported;
  for (const auto& s : r.scalars) {
    CHECK(reported.count(s.name) == 0);  // no name twice
    reported[s.name] = s.headline;
  }
  for (const auto& name : plain) {
    INFO(name);
    CHECK(reported.count(name) == 1);
  }
  for (const auto& name : headline) {
    INFO(name);
    REQUIRE(reported.count(name) == 1);
    CHECK(reported[name]);
  }
  for (const auto& service : kent_medway_winter().services) {
    CHECK(reported.count("occupancy_mean_" + service.name) == 1);
    for (const char* measure : {"occupancy", "capacity", "queue"}) {
      CHECK(series(r, service.name, measure).values.size() == 141);  // days 42..182
    }
  }
  for (const char* measure : {"delayed_P1", "delayed_P2", "delayed_P3", "delayed_total"}) {
    CHECK(series(r, "system", measure).values.size() == 141);
  }
  CHECK(series(r, "acute", "escalation_beds_open").values.size() == 141);
  CHECK(series(r, "acute", "ed_queue").values.size() == 141);
}

TEST_CASE("services a scenario does not have report no measures", "[outputs]") {
  // An acute ward alone (of 200 beds: an unlimited one has no occupancy share): no urgent
  // community response, no reablement.
  Scenario acute_only = basic_scenario(20.0, DistributionParams::exponential(4.0));
  acute_only.services[0].capacity.base = 200;
  const ReplicationResult r = simulate_replication(acute_only, 1, 0);
  std::map<std::string, bool> reported;
  for (const auto& s : r.scalars) reported[s.name] = true;
  CHECK(reported.count("acute_occupancy_share") == 1);
  for (const char* absent : {"ucr_referrals", "ucr_visits", "ucr_2h_share", "reablement_completed",
                             "reablement_independent_91d_share"}) {
    INFO(absent);
    CHECK(reported.count(absent) == 0);
  }
}

TEST_CASE("dated capacity schedules change capacity on their dates", "[outputs][capacity]") {
  const ReplicationResult r = simulate_replication(kent_medway_winter(), 1, 0);
  // Series start on day 42 (2026-11-12); the ward grows to 380 on 2026-12-01 (day 61) and
  // reablement to 720 on 2027-01-01 (day 92).
  const auto& ward = series(r, "virtual_ward", "capacity").values;
  const auto& reablement = series(r, "reablement", "capacity").values;
  CHECK(ward[61 - 42 - 1] == 300.0);
  CHECK(ward[61 - 42] == 380.0);
  CHECK(ward.back() == 380.0);
  CHECK(reablement[92 - 42 - 1] == 650.0);
  CHECK(reablement[92 - 42] == 720.0);
}

TEST_CASE("acute bed-days and delayed bed-days add up over the window", "[outputs]") {
  const Scenario s = kent_medway_flowing();
  const ReplicationResult r = simulate_replication(s, 9, 0);
  const double days = s.run.horizon_days - s.run.warmup_days;
  CHECK(scalar(r, "acute_bed_days") + scalar(r, "escalation_bed_days") ==
        Approx(scalar(r, "acute_mean_occupancy") * days).epsilon(1e-9));
  CHECK(scalar(r, "delayed_bed_days") ==
        Approx(scalar(r, "delayed_patients_mean") * days).epsilon(1e-9));
}

TEST_CASE("ED waits for a bed are counted as the patient log shows them", "[outputs][ed]") {
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 20;  // load 20 on 20 beds: a queue forms and clears
  s.run.horizon_days = 60;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 21, 0);
  std::map<std::uint32_t, double> waiting_since;
  std::vector<double> waits;
  std::size_t over4 = 0, over12 = 0;
  const auto events = test::named_events(r);
  for (const auto& e : events) {
    if (e.event == "arrive") waiting_since[e.patient] = e.time_days;
    if (e.event == "admit") {
      const double hours = (e.time_days - waiting_since[e.patient]) * 24.0;
      waits.push_back(hours);
      over4 += hours > 4.0;
      over12 += hours > 12.0;
    }
  }
  double still_over4 = 0, still_over12 = 0;
  for (const auto& [patient, since] : waiting_since) {
    bool admitted = false;
    for (const auto& e : events) admitted |= e.patient == patient && e.event == "admit";
    if (!admitted) {
      still_over4 += (60.0 - since) * 24.0 > 4.0;
      still_over12 += (60.0 - since) * 24.0 > 12.0;
      waits.push_back((60.0 - since) * 24.0);  // still open: its wait so far
    }
  }
  double mean = 0.0;
  for (double w : waits) mean += w / static_cast<double>(waits.size());
  REQUIRE(over4 > 0);
  CHECK(scalar(r, "ed_mean_wait_hours") == Approx(mean).epsilon(1e-6));
  CHECK(scalar(r, "ed_waits_over_4h") == static_cast<double>(over4) + still_over4);
  CHECK(scalar(r, "ed_waits_over_12h") == static_cast<double>(over12) + still_over12);
}

TEST_CASE("escalation beds open under pressure and show in capacity", "[outputs][escalation]") {
  Scenario s = basic_scenario(18.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 20;
  s.services[0].escalation = {{10, 0.9, 0.6}};
  s.run.horizon_days = 60;
  s.outputs.timeseries_every_hours = 1;
  const ReplicationResult r = simulate_replication(s, 2, 0);
  const auto& open = series(r, "acute", "escalation_beds_open").values;
  const auto& capacity = series(r, "acute", "capacity").values;
  const auto& occupancy = series(r, "acute", "occupancy").values;
  bool opened = false, closed_after_opening = false;
  for (std::size_t k = 0; k < open.size(); ++k) {
    CHECK((open[k] == 0.0 || open[k] == 10.0));
    CHECK(capacity[k] == 20.0 + open[k]);
    // Open: occupancy has not yet fallen below 0.6 of 30; closed: not above 0.9 of 20.
    if (open[k] == 10.0) CHECK(occupancy[k] >= 0.6 * 30.0);
    if (open[k] == 0.0) CHECK(occupancy[k] <= 0.9 * 20.0);
    opened |= open[k] == 10.0;
    closed_after_opening |= opened && open[k] == 0.0;
  }
  CHECK(opened);
  CHECK(closed_after_opening);
  const double mean_open = scalar(r, "escalation_beds_mean_open");
  CHECK(mean_open > 0.0);
  CHECK(mean_open < 10.0);
}

}  // namespace
}  // namespace bedflow::model::testing
