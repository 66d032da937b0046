// The patient log's meaning: where each event happened, warm-up rows flagged, and counts
// that agree with the measures.
#include <map>
#include <set>
#include <vector>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {

TEST_CASE("the patient log names arrival streams, the acute service of readmissions and home, "
          "and flags warm-up rows", "[outputs][log]") {
  Scenario s = basic_scenario(30.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 20;
  s.run.horizon_days = 80;
  s.cohorts[0].readmission = {10.0, 0.3, {}};
  ArrivalStream elective = s.arrivals[0];
  elective.name = "elective";
  elective.rate_per_day = 10.0;
  s.arrivals.push_back(elective);
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 17, 0);
  REQUIRE(r.event_codes.places ==
          std::vector<std::string>{"acute", "emergency", "elective", "home"});
  REQUIRE(r.event_codes.cohorts == std::vector<std::string>{"general"});

  std::map<std::string, double> observed;  // event or event@place -> rows after warm-up
  std::set<std::uint32_t> seen;
  std::size_t warmup_rows = 0;
  double last_time = 0.0;
  for (const auto& e : test::named_events(r)) {
    CHECK(e.time_days >= last_time);  // in the order they happened
    last_time = e.time_days;
    // A patient's first row is its arrival or readmission, and names where it came from.
    if (seen.insert(e.patient).second) {
      CHECK((e.event == "arrive" || e.event == "readmit"));
    }
    if (e.event == "arrive") CHECK((e.service == "emergency" || e.service == "elective"));
    if (e.event == "readmit") CHECK(e.service == "acute");
    if (e.event == "home") CHECK(e.service == "home");
    if (e.event == "admit") CHECK(e.service == "acute");
    // Warm-up: every row up to and including day 20, and none after.
    CHECK(e.warmup == (e.time_days <= 20.0));
    if (e.warmup) {
      ++warmup_rows;
      continue;
    }
    observed[e.event] += 1.0;
    observed[e.event + "@" + e.service] += 1.0;
  }
  CHECK(warmup_rows > 0);
  // After warm-up, the log's counts are the measures' counts.
  CHECK(observed["arrive@emergency"] == scalar(r, "arrivals_emergency"));
  CHECK(observed["arrive@elective"] == scalar(r, "arrivals_elective"));
  CHECK(observed["readmit"] == scalar(r, "readmissions"));
  CHECK(observed["readmit"] > 0.0);
  CHECK(observed["home"] == scalar(r, "patients_left"));
}

TEST_CASE("a cancelled elective is logged as an arrival that goes home at once",
          "[outputs][log]") {
  // Five beds, electives cancelled when they are all taken: many are.
  Scenario s = basic_scenario(4.0, DistributionParams::exponential(2.0));
  s.services[0].capacity.base = 5;
  s.run.horizon_days = 200;
  ArrivalStream elective = s.arrivals[0];
  elective.name = "elective";
  elective.rate_per_day = 2.0;
  elective.cancel_when_occupancy_above = 0.9;
  s.arrivals.push_back(elective);
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 23, 0);
  REQUIRE(scalar(r, "elective_cancellations") > 10.0);

  std::map<std::string, double> rows;  // event@place -> rows
  std::map<std::uint32_t, std::vector<test::NamedEvent>> by_patient;
  for (const auto& e : test::named_events(r)) {
    rows[e.event + "@" + e.service] += 1.0;
    by_patient[e.patient].push_back(e);
  }
  CHECK(rows["arrive@elective"] == scalar(r, "arrivals_elective"));
  CHECK(rows["home@home"] == scalar(r, "patients_left"));
  // Each cancellation is a patient of two rows at one instant: arrive, then home.
  double cancelled = 0.0;
  for (const auto& [patient, events] : by_patient) {
    if (events.size() == 2 && events[0].event == "arrive" && events[1].event == "home" &&
        events[0].time_days == events[1].time_days) {
      CHECK(events[0].service == "elective");
      cancelled += 1.0;
    }
  }
  CHECK(cancelled == scalar(r, "elective_cancellations"));
}

TEST_CASE("without the log, no rows and no code tables", "[outputs][log]") {
  Scenario s = basic_scenario(30.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 20;
  const ReplicationResult r = simulate_replication(s, 17, 0);
  CHECK(r.patient_events.empty());
  CHECK(r.event_codes.places.empty());
  CHECK(r.event_codes.cohorts.empty());
}

}  // namespace bedflow::model::testing
