// The patient log's `turned_away` event: one per patient a loss service (or an urgent
// community response out of visits for the day) turns away, at that service, so the log's
// count after warm-up is the `turned_away_<service>` measure, and the patient's next event
// is at the if_turned_away destination at the same instant.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

TEST_CASE("turned_away events in the log equal the turned_away measures", "[loss][log]") {
  // Pathway 2 leads to 4 intermediate care beds that turn people away to reablement (routed
  // patients); GPs refer to the same beds (community patients, home when turned away) and
  // to an urgent community response of 6 visits a day (10 referrals a day).
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 15;
  s.run.horizon_days = 75;
  s.outputs.patient_events = true;
  add_loss_ward_on_pathway_2(s);
  s.services.push_back(urgent_response(6, 0.5));
  s.arrivals.push_back(community_stream("gp_beds", 2.0, "intermediate_care"));
  s.arrivals.push_back(community_stream("gp_ucr", 10.0, "ucr"));
  const ReplicationResult r = simulate_replication(s, 8, 0);

  std::map<std::string, double> turned_away;  // after warm-up, by place
  std::map<std::uint32_t, double> last_turned_away_at;  // patient -> time
  std::size_t followed_at_once = 0, turned_in_window = 0;
  for (const auto& e : test::named_events(r)) {
    const auto previous = last_turned_away_at.find(e.patient);
    if (previous != last_turned_away_at.end()) {
      // The next event of a turned-away patient: where it went, at the same instant.
      CHECK(e.time_days == previous->second);
      CHECK(e.event != "wait_for_place");
      if (e.event == "enter") CHECK(e.service == "reablement");
      if (e.event == "home") CHECK(e.service == "home");
      ++followed_at_once;
      last_turned_away_at.erase(previous);
    }
    if (e.event != "turned_away") continue;
    CHECK((e.service == "intermediate_care" || e.service == "ucr"));
    last_turned_away_at[e.patient] = e.time_days;
    if (e.warmup) continue;
    turned_away[e.service] += 1.0;
    ++turned_in_window;
  }
  CHECK(turned_away["intermediate_care"] == scalar(r, "turned_away_intermediate_care"));
  CHECK(turned_away["ucr"] == scalar(r, "turned_away_ucr"));
  CHECK(turned_away["intermediate_care"] > 20.0);  // the case is exercised
  CHECK(turned_away["ucr"] > 20.0);
  CHECK(turned_in_window > 0);
  CHECK(last_turned_away_at.empty());  // every one was followed by where it went
  CHECK(followed_at_once > turned_in_window);
}

TEST_CASE("turned_away is the last event code", "[loss][log]") {
  // Codes keep their meaning across versions: a new event kind is added at the end.
  CHECK(kPatientEventNames.size() == 16);
  CHECK(std::string(kPatientEventNames[14]) == "wait_for_window");
  CHECK(std::string(kPatientEventNames.back()) == "turned_away");
  CHECK(std::string(event_name(PatientEventKind::turned_away)) == "turned_away");
}

}  // namespace
}  // namespace bedflow::model::testing
