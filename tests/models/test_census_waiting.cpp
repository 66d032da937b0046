// Census patients waiting in the ED for a bed at the start: they join the acute line before
// any new arrival, longest wait first, and their ED wait counts from when it began.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// Three patients waiting for 0.6, 0.2 and 0.1 days (14.4, 4.8 and 2.4 hours), written in
// an order that is not the order they are seen in.
void add_waiting(Scenario& s) {
  CensusEntry waiting{"acute", "general", 0.2, false, true};
  s.census.push_back(waiting);
  waiting.days_in_service = 0.6;
  s.census.push_back(waiting);
  waiting.days_in_service = 0.1;
  s.census.push_back(waiting);
}

TEST_CASE("census patients waiting for a bed take free beds at once, their waits counted "
          "from when they began", "[census][ed]") {
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 10;
  s.services[0].capacity.base = 10;
  add_waiting(s);
  const ReplicationResult r = simulate_replication(s, 3, 0);
  CHECK(scalar(r, "patients_inside_start") == 3.0);
  CHECK(scalar(r, "admissions_total") == 3.0);
  CHECK(scalar(r, "ed_mean_wait_hours") == Approx((14.4 + 4.8 + 2.4) / 3.0).epsilon(1e-12));
  CHECK(scalar(r, "ed_waits_over_12h") == 1.0);
  CHECK(scalar(r, "ed_waits_over_4h") == 2.0);
}

TEST_CASE("census patients waiting for a bed are admitted first, longest wait first, with ED waits "
          "and conservation hold", "[census][ed]") {
  // Five beds all taken by census patients; arrivals at 3 a day must wait behind the three
  // census patients already waiting.
  Scenario s = basic_scenario(3.0, DistributionParams::exponential(1.0));
  s.run.horizon_days = 30;
  s.services[0].capacity.base = 5;
  s.outputs.patient_events = true;
  for (int i = 0; i < 5; ++i) s.census.push_back({"acute", "general", 1.0, false, false});
  add_waiting(s);
  for (std::uint32_t rep = 0; rep < 5; ++rep) {
    const ReplicationResult r = simulate_replication(s, 19, rep);
    INFO("replication " << rep);
    CHECK(scalar(r, "patients_inside_start") == 8.0);
    CHECK(scalar(r, "patients_arrived") + 8.0 ==
          scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
    // Census patients are placed in bed first (serials 0-4), then those waiting, longest
    // wait first (serials 5, 6, 7 waited 0.6, 0.2, 0.1 days).
    const std::map<std::uint32_t, double> waited{{5, 0.6}, {6, 0.2}, {7, 0.1}};
    std::map<std::uint32_t, double> began;  // when each patient's ED wait began (days)
    std::vector<std::uint32_t> admitted;
    std::vector<double> waits;  // hours: admissions, then waits still open at the end
    for (const auto& e : test::named_events(r)) {
      if (e.event == "census" && waited.count(e.patient)) began[e.patient] = -waited.at(e.patient);
      if (e.event == "arrive") began[e.patient] = e.time_days;
      if (e.event == "admit") {
        admitted.push_back(e.patient);
        waits.push_back((e.time_days - began.at(e.patient)) * 24.0);
        began.erase(e.patient);
      }
    }
    REQUIRE(admitted.size() >= 3);
    CHECK(admitted[0] == 5);
    CHECK(admitted[1] == 6);
    CHECK(admitted[2] == 7);
    for (const auto& [patient, since] : began) waits.push_back((30.0 - since) * 24.0);
    double sum = 0.0, over_4 = 0.0, over_12 = 0.0;
    for (const double w : waits) {
      sum += w;
      over_4 += w > 4.0 ? 1.0 : 0.0;
      over_12 += w > 12.0 ? 1.0 : 0.0;
    }
    CHECK(scalar(r, "ed_still_waiting_end") == static_cast<double>(began.size()));
    CHECK(scalar(r, "ed_mean_wait_hours") ==
          Approx(sum / static_cast<double>(waits.size())).epsilon(1e-6));
    CHECK(scalar(r, "ed_waits_over_4h") == over_4);
    CHECK(scalar(r, "ed_waits_over_12h") == over_12);
    CHECK(over_12 >= 1.0);  // the census patient who had waited 14.4 hours, at least
  }
}

}  // namespace
}  // namespace bedflow::model::testing
