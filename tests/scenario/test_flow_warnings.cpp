// Warnings about flows that cannot work as most likely meant, each at its file, line and key,
// each with a sibling case that must not warn: a turned-away destination without places, a
// turnaround that tips a service into overload, and a census ED wait of absurd length.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"
#include "scenario_text.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

std::string extending_small(const std::string& name, const std::string& body) {
  return testing::extending_small("flow-warnings-", name, body);
}

// The warnings with this key path.
std::vector<Diagnostic> warnings_at(const LoadedScenario& loaded, const std::string& path) {
  std::vector<Diagnostic> found;
  for (const auto& w : loaded.warnings)
    if (w.path == path) found.push_back(w);
  return found;
}

std::string turned_away_to(const std::string& capacity) {
  std::string text = R"(services:
  intermediate_care:
    when_full: turn_away
    if_turned_away: care_home
  care_home:
    kind: beds
    capacity: )";
  text += capacity;
  text += "\n    los_days: 30\n";
  return text;
}

}  // namespace

TEST_CASE("if_turned_away to a service with no places is a warning at the key", "[warnings][loss]") {
  const auto closed = extending_small("turned-away-closed", turned_away_to("0"));
  const auto loaded = load_scenario(closed);
  const auto found = warnings_at(loaded, "services.intermediate_care.if_turned_away");
  INFO(all_messages(loaded.warnings));
  REQUIRE(found.size() == 1);
  CHECK(std::filesystem::equivalent(found[0].file, closed));
  CHECK(found[0].line == line_of(closed, "if_turned_away: care_home"));
  CHECK(found[0].message.find("no places at any time in the run") != std::string::npos);
  CHECK(found[0].message.find("never opens") != std::string::npos);  // care_home queues
  // A sibling with places: no warning.
  const auto open = load_scenario(extending_small("turned-away-open", turned_away_to("5")));
  CHECK(warnings_at(open, "services.intermediate_care.if_turned_away").empty());
  // Places only from a date inside the run: not closed throughout, no warning.
  const auto later = load_scenario(extending_small(
      "turned-away-later",
      turned_away_to("{ base: 0, changes: [[2026-02-01, 4]] }")));
  CHECK(warnings_at(later, "services.intermediate_care.if_turned_away").empty());
}

TEST_CASE("a turnaround that tips a service into overload is a warning at turnaround_hours",
          "[warnings][turnaround]") {
  // The small fixture's acute service: 40 arrivals a day (base rate), mean stay
  // 0.4 x 6 + 0.6 x 2 = 3.6 days, so 144 beds' worth of stays against 300 + 10 escalation
  // beds. A mean turnaround of t hours adds 40 t / 24 beds: 310 is reached at t = 99.6 hours.
  const double threshold_hours = (310.0 - 40.0 * 3.6) * 24.0 / 40.0;
  REQUIRE(threshold_hours == Approx(99.6));
  const auto at = [&](const std::string& name, const std::string& hours) {
    std::string body = "services:\n  acute:\n    turnaround_hours: ";
    body += hours;
    body += "\n";
    return extending_small(name, body);
  };
  const auto slow = at("turnaround-slow", "101");
  const auto loaded = load_scenario(slow);
  const auto found = warnings_at(loaded, "services.acute.turnaround_hours");
  INFO(all_messages(loaded.warnings));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == line_of(slow, "turnaround_hours: 101"));
  CHECK(found[0].message.find("312.3 places' worth") != std::string::npos);  // 40 x (3.6 + 101/24)
  CHECK(found[0].message.find("310 places") != std::string::npos);
  CHECK(found[0].hint.find("in hours") != std::string::npos);
  // Just under the threshold, and a realistic 2 hours: no warning.
  CHECK(warnings_at(load_scenario(at("turnaround-under", "99")), "services.acute.turnaround_hours")
            .empty());
  CHECK(warnings_at(load_scenario(at("turnaround-short", "2")), "services.acute.turnaround_hours")
            .empty());
  // A community service whose stays alone already overload it (reablement: 4.8 + 0.3 x 1.6
  // entrants a day x 15 days = 79 of 60 places) is a different question: no warning.
  const auto reablement = load_scenario(extending_small(
      "turnaround-reablement", "services:\n  reablement:\n    turnaround_hours: 200\n"));
  CHECK(warnings_at(reablement, "services.reablement.turnaround_hours").empty());
  // The virtual ward (20 places) takes only avoidable arrivals, not routed: no entrants
  // counted, no warning however long.
  const auto ward = load_scenario(extending_small(
      "turnaround-ward", "services:\n  virtual_ward:\n    turnaround_hours: 700\n"));
  CHECK(warnings_at(ward, "services.virtual_ward.turnaround_hours").empty());
}

TEST_CASE("a census ED wait of more than 3 days is a warning at its row", "[warnings][census]") {
  const auto dir = scratch_dir("flow-warnings-census");
  const auto yaml = [&](const std::string& name, const std::string& rows) {
    return small_with_census(dir, name, rows);
  };
  const std::string header = "service,cohort,days_in_service,medically_fit,waiting_for_bed\n";
  std::string rows = header;
  rows += "acute,frail,12,false,false\n";  // 12 days in a bed: fine
  rows += "acute,adult,12,false,true\n";   // 12 days in ED: hours written as days?
  rows += "acute,adult,0.5,false,true\n";  // 12 hours in ED: fine
  const auto loaded = load_scenario(yaml("long", rows));
  const auto found = warnings_at(loaded, "days_in_service");
  INFO(all_messages(loaded.warnings));
  REQUIRE(found.size() == 1);
  CHECK(std::filesystem::equivalent(found[0].file, dir / "long.csv"));
  CHECK(found[0].line == 3);
  CHECK(found[0].message.find("waited 12 days (288 hours)") != std::string::npos);
  // Exactly 3 days is still believable: no warning.
  std::string sibling = header;
  sibling += "acute,adult,3,false,true\n";
  CHECK(warnings_at(load_scenario(yaml("three", sibling)), "days_in_service").empty());
}

TEST_CASE("ring-fenced beds that leave the other admissions too few general beds are a warning",
          "[warnings][ring_fence]") {
  // The small fixture's acute service: 300 beds + 10 escalation; its emergencies need
  // 40 a day x 3.6 days = 144 beds of treatment. Ring-fencing 166 leaves 144: warned; 150
  // leaves 160: not.
  const auto at = [&](const std::string& name, const std::string& beds) {
    std::string body = "arrivals:\n  elective:\n    rate_per_day: 5\n    cohort_mix: { adult: 1.0 }\n"
                       "    admit_to: acute\n    ring_fenced_beds: ";
    body += beds;
    body += "\n";
    return extending_small(name, body);
  };
  const auto tight = at("ring-fence-tight", "166");
  const auto loaded = load_scenario(tight);
  const auto found = warnings_at(loaded, "arrivals.elective.ring_fenced_beds");
  INFO(all_messages(loaded.warnings));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == line_of(tight, "ring_fenced_beds: 166"));
  CHECK(found[0].message.find("144 general beds") != std::string::npos);
  CHECK(found[0].message.find("needs 144") != std::string::npos);
  CHECK(warnings_at(load_scenario(at("ring-fence-room", "150")), "arrivals.elective.ring_fenced_beds")
            .empty());
}

TEST_CASE("closures of more beds than a service has, or closing it on average, are a warning",
          "[warnings][closures]") {
  const auto at = [&](const std::string& name, const std::string& closures) {
    std::string body = "services:\n  intermediate_care:\n    closures: ";
    body += closures;
    body += "\n";
    return extending_small(name, body);
  };
  const std::string path = "services.intermediate_care.closures";
  // 40 beds a closure of a 30-bed service.
  const auto big = load_scenario(at("closures-big", "{ rate_per_day: 0.01, beds: 40, duration_days: 5 }"));
  REQUIRE(warnings_at(big, path).size() == 1);
  CHECK(warnings_at(big, path)[0].message.find("more than its 30 places") != std::string::npos);
  // 2 a day x 3 beds x 5 days = 30 closed on average (M/G/infinity): all 30 places.
  const auto often = load_scenario(at("closures-often", "{ rate_per_day: 2, beds: 3, duration_days: 5 }"));
  REQUIRE(warnings_at(often, path).size() == 1);
  CHECK(warnings_at(often, path)[0].message.find("30 beds closed on average") != std::string::npos);
  // 1.9 a day: 28.5 closed on average, fewer than its places: no warning.
  CHECK(warnings_at(load_scenario(at("closures-fewer", "{ rate_per_day: 1.9, beds: 3, duration_days: 5 }")), path)
            .empty());
}
