// Discharge windows and bed turnaround in scenario files: what the keys become, and every
// mistake reported at its own file, line and key.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

const std::string kSmall = fixture("good/small.yaml");

std::vector<Override> overrides(const std::vector<std::string>& sets) {
  std::vector<Override> result;
  for (const auto& s : sets) result.push_back(parse_override(s));
  return result;
}

// The small scenario with a daily and a weekly window profile added.
std::vector<std::string> with_profiles(const std::vector<std::string>& sets) {
  std::vector<std::string> all{
      "profiles.hours={daily: [0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,0,0,0,0,0,0]}",
      "profiles.days={weekly: [1,1,1,1,1,0.5,0.5]}"};
  all.reserve(all.size() + sets.size());
  for (const auto& s : sets) all.push_back(s);
  return all;
}

}  // namespace

TEST_CASE("discharge windows and turnaround land in the scenario", "[windows]") {
  const auto s = load_scenario(
                     kSmall, overrides(with_profiles(
                                 {"services.acute.discharge_window={daily: hours, weekly: days}",
                                  "services.reablement.discharge_window={weekly: days}",
                                  "services.acute.turnaround_hours={triangular: [1, 2, 6]}",
                                  "services.virtual_ward.turnaround_hours=3",
                                  "discharge_pathways.P2.discharge_window={daily: hours}",
                                  "services.acute.discharge_pathways.P1.discharge_window="
                                  "{weekly: days}"})))
                     .scenario;
  const auto& acute = s.services[0];
  REQUIRE(acute.discharge_window.has_value());
  CHECK(acute.discharge_window->daily == "hours");
  CHECK(acute.discharge_window->weekly == "days");
  REQUIRE(acute.turnaround_hours.has_value());
  CHECK(acute.turnaround_hours->kind == engine::DistributionKind::triangular);
  const auto& reablement = s.services[3];
  REQUIRE(reablement.name == "reablement");
  REQUIRE(reablement.discharge_window.has_value());
  CHECK(reablement.discharge_window->daily.empty());  // omitted: always 1
  CHECK(reablement.discharge_window->weekly == "days");
  CHECK(!reablement.turnaround_hours.has_value());
  REQUIRE(s.services[2].turnaround_hours.has_value());
  CHECK(s.services[2].turnaround_hours->kind == engine::DistributionKind::fixed);
  CHECK(s.services[2].turnaround_hours->a == 3.0);
  CHECK(!s.pathway_windows[1].has_value());
  REQUIRE(s.pathway_windows[2].has_value());
  CHECK(s.pathway_windows[2]->daily == "hours");
  REQUIRE(acute.discharge_pathways[1].discharge_window.has_value());
  CHECK(acute.discharge_pathways[1].discharge_window->weekly == "days");
  CHECK(!acute.discharge_pathways[2].discharge_window.has_value());
  // Without the keys nothing is set.
  const auto plain = load_scenario(kSmall).scenario;
  for (const auto& service : plain.services) {
    CHECK(!service.discharge_window.has_value());
    CHECK(!service.turnaround_hours.has_value());
  }
  for (const auto& window : plain.pathway_windows) CHECK(!window.has_value());
}

TEST_CASE("a window's profiles must exist, be of their key's kind and hold probabilities",
          "[windows]") {
  auto errors = [](const std::string& set) {
    return load_errors(kSmall, overrides(with_profiles({set})));
  };
  const char* path = "services.acute.discharge_window";
  const char* daily = "services.acute.discharge_window.daily";
  const char* weekly = "services.acute.discharge_window.weekly";
  CHECK(has_error(errors("services.acute.discharge_window={daily: hourz}"), daily,
                  "unknown profile 'hourz'"));
  CHECK(has_error(errors("services.acute.discharge_window={daily: days}"), daily,
                  "expected a daily profile"));
  CHECK(has_error(errors("services.acute.discharge_window={weekly: hours}"), weekly,
                  "expected a weekly profile"));
  // small.yaml's weekday profile is a rate profile, 1.1 on Mondays.
  CHECK(has_error(errors("services.acute.discharge_window={weekly: weekday}"), weekly,
                  "factor 1.1 at Monday"));
  CHECK(has_error(errors("services.acute.discharge_window={daily: surge}"), daily,
                  "found 'surge', a dated one"));
  CHECK(has_error(errors("services.acute.discharge_window={}"), path,
                  "expected daily, weekly or both"));
  CHECK(has_error(errors("services.acute.discharge_window=hours"), path, "expected { daily"));
  CHECK(has_error(load_errors(kSmall, overrides(with_profiles(
                                          {"profiles.hours={daily: [0,0,0,0,0,0,0,0,0,0,0,0,"
                                           "0,0,0,0,0,0,0,0,0,0,0,0]}",
                                           "services.acute.discharge_window={daily: hours}"}))),
                  daily, "0 everywhere"));
  CHECK(has_error(errors("discharge_pathways.P1.discharge_window={weekly: nothing}"),
                  "discharge_pathways.P1.discharge_window.weekly", "unknown profile 'nothing'"));
  CHECK(has_error(errors("services.acute.discharge_pathways.P3.discharge_window={daily: days}"),
                  "services.acute.discharge_pathways.P3.discharge_window.daily",
                  "expected a daily profile"));
  CHECK(has_error(errors("services.ucr.discharge_window={daily: hours}"),
                  "services.ucr.discharge_window", "does not apply"));
  CHECK(has_error(errors("services.ucr.turnaround_hours=2"), "services.ucr.turnaround_hours",
                  "does not apply"));
  CHECK(has_error(errors("services.acute.turnaround_hours=-1"), "services.acute.turnaround_hours",
                  "found -1"));
  CHECK(!errors("services.acute.turnaround_hours=0").size());  // zero: no turnaround
}

TEST_CASE("bad windows and turnaround in a file are each reported at their line",
          "[windows]") {
  const std::string file = fixture("bad/discharge-windows.yaml");
  const auto errors = load_errors(file);
  INFO(all_messages(errors));
  struct Case {
    std::string path, line_text, fragment;
  };
  const std::vector<Case> cases{
      {"services.acute.discharge_window.daily", "daily: discharge_hours, weekly: closed",
       "factor 1.2 at hour 17"},
      {"services.acute.discharge_window.weekly", "daily: discharge_hours, weekly: closed",
       "0 everywhere"},
      {"services.reablement.discharge_window.daily", "daily: weekdays", "expected a daily"},
      {"services.ucr.turnaround_hours", "turnaround_hours: 2", "does not apply"},
      {"discharge_pathways.P1.discharge_window.weekly", "weekly: weekdayz",
       "did you mean 'weekdays'"},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    const Diagnostic* found = nullptr;
    for (const auto& d : errors) {
      const bool text = d.message.find(c.fragment) != std::string::npos ||
                        d.hint.find(c.fragment) != std::string::npos;
      if (d.path == c.path && text) found = &d;
    }
    REQUIRE(found != nullptr);
    CHECK(found->line == line_of(file, c.line_text));
    CHECK(found->column > 0);
  }
}
