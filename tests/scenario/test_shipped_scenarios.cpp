// Every shipped scenario loads, its resolved YAML loads back to the same Scenario, and the
// Kent and Medway cases say what their names promise.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "scenario_test_support.hpp"
#include "scenario_text.hpp"

namespace fs = std::filesystem;
using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(source_path("scenarios"))) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::path(BEDFLOW_BINARY_DIR) / "scenario-test-tmp";
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file) << text;
  return file.string();
}


}  // namespace

TEST_CASE("every shipped scenario loads and its resolved YAML round-trips") {
  const auto files = shipped_scenarios();
  REQUIRE(files.size() >= 8);
  for (const auto& file : files) {
    INFO(file);
    LoadedScenario loaded;
    try {
      loaded = load_scenario(file);
    } catch (const ScenarioError& e) {
      FAIL(e.what());
    }
    CHECK(!loaded.source_text.empty());
    for (const auto& warning : loaded.warnings) FAIL_CHECK(warning.to_string());
    CHECK(loaded.scenario.run.replications <= 20);  // shipped defaults run quickly
    const std::string copy = write_temp(fs::path(file).filename().string(), loaded.resolved_yaml);
    const LoadedScenario again = load_scenario(copy);
    CHECK(scenario_text(again.scenario) == scenario_text(loaded.scenario));
    CHECK(again.resolved_yaml == loaded.resolved_yaml);
  }
}

TEST_CASE("every shipped scenario has a name of its own, so no run replaces another's results") {
  std::map<std::string, std::string> by_name;
  for (const auto& file : shipped_scenarios()) {
    const std::string name = load_scenario(file).scenario.run.name;
    INFO(file << " and " << by_name[name] << " are both named " << name);
    CHECK(by_name[name].empty());
    by_name[name] = file;
  }
}

TEST_CASE("the Kent and Medway scenarios a planner compares observe the same window") {
  // From the first observed day (start + warm-up) to the end of the run, both as day numbers.
  auto window = [](const model::Scenario& s) {
    const double start = static_cast<double>(engine::days_from_civil(s.run.start));
    return std::pair{start + s.run.warmup_days, start + s.run.horizon_days};
  };
  const auto dir = source_path("scenarios/kent-medway/");
  const auto base = load_scenario(dir + "baseline.yaml").scenario;
  const auto [from, to] = window(base);
  // 2026-10-01 to 2027-03-31 inclusive: the autumn and the whole winter.
  CHECK(from == static_cast<double>(engine::days_from_civil({2026, 10, 1})));
  CHECK(to == static_cast<double>(engine::days_from_civil({2027, 4, 1})));
  CHECK(base.run.warmup_days >= 120);  // long enough to fill the long-stay services
  for (const char* file : {"winter-surge.yaml", "virtual-wards-at-target.yaml",
                           "reablement-investment.yaml", "no-community-alternatives.yaml",
                           "four-trusts.yaml"}) {
    INFO(file);
    const auto s = load_scenario(dir + file).scenario;
    CHECK(window(s).first == from);
    CHECK(window(s).second == to);
  }
}

TEST_CASE("every shipped scenario opens with the question it answers and its sources") {
  // The sources are rows of the project's own page of reference figures.
  REQUIRE(fs::is_regular_file(source_path("docs/reference-figures.md")));
  for (const auto& file : shipped_scenarios()) {
    INFO(file);
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    CHECK(first.rfind("# Question:", 0) == 0);
    std::string text = first + "\n";
    for (std::string line; std::getline(in, line);) text += line + "\n";
    CHECK(text.find("docs/reference-figures.md") != std::string::npos);
    CHECK(text.find("\nschema: 1\n") != std::string::npos);
  }
}

TEST_CASE("the Kent and Medway baseline has the system's size and every community service") {
  const auto s = load_scenario(source_path("scenarios/kent-medway/baseline.yaml")).scenario;
  REQUIRE(s.arrivals.size() == 2);
  CHECK(s.arrivals[0].rate_per_day == Approx(550));  // Derived table, "emergency admissions"
  CHECK(s.arrivals[1].rate_per_day == Approx(150));
  CHECK(s.arrivals[1].weekdays_only);
  REQUIRE(find_service(s, "acute") != nullptr);
  // "general and acute beds: about 3,000-3,200" (docs/reference-figures.md, Derived table).
  CHECK(service(s, "acute").capacity.base >= 3000);
  CHECK(service(s, "acute").capacity.base <= 3200);
  for (const auto kind : {model::ServiceKind::urgent_community_response,
                          model::ServiceKind::virtual_ward, model::ServiceKind::caseload,
                          model::ServiceKind::beds}) {
    CHECK(std::any_of(s.services.begin(), s.services.end(),
                      [&](const auto& v) { return v.kind == kind; }));
  }
  CHECK(s.discharge_pathways[1].to == "reablement");
  CHECK(s.discharge_pathways[2].to == "intermediate_care_beds");
  CHECK(s.discharge_pathways[3].to == "care_home");
}

TEST_CASE("the Kent and Medway variants change what their names say, and only that") {
  const auto base = load_scenario(source_path("scenarios/kent-medway/baseline.yaml")).scenario;
  const auto dir = source_path("scenarios/kent-medway/");

  const auto vw = load_scenario(dir + "virtual-wards-at-target.yaml").scenario;
  const auto places = service(vw, "virtual_ward").capacity.base;
  CHECK(places >= 720);  // 40-50 per 100,000 people in a population of 1.8m
  CHECK(places <= 900);
  CHECK(service(vw, "acute").capacity.base == service(base, "acute").capacity.base);

  const auto reablement = load_scenario(dir + "reablement-investment.yaml").scenario;
  CHECK(service(reablement, "reablement").capacity.base >
        service(base, "reablement").capacity.base);

  const auto none = load_scenario(dir + "no-community-alternatives.yaml").scenario;
  for (const auto& a : none.arrivals) CHECK(a.alternatives.empty());
  CHECK(find_service(none, "virtual_ward") == nullptr);
  CHECK(find_service(none, "urgent_community_response") == nullptr);

  const auto census = load_scenario(dir + "from-census.yaml").scenario;
  CHECK(census.run.warmup_days == 0.0);
  REQUIRE(!census.census.empty());
  const auto fit = std::count_if(census.census.begin(), census.census.end(),
                                 [](const auto& e) { return e.medically_fit; });
  CHECK(fit > 0);  // medically fit patients already waiting in acute beds
  CHECK(std::all_of(census.census.begin(), census.census.end(), [&](const auto& e) {
    return find_service(census, e.service) != nullptr && e.days_in_service >= 0.0;
  }));

  const auto winter = load_scenario(dir + "winter-surge.yaml").scenario;
  const auto& profiles = winter.arrivals[0].profiles;
  CHECK(profiles.size() > base.arrivals[0].profiles.size());
  CHECK(std::any_of(winter.cohorts.begin(), winter.cohorts.end(),
                    [](const auto& c) { return !c.los_multiplier_profile.empty(); }));
}

TEST_CASE("the analytic cases have the structure their theory needs") {
  const auto mmc = load_scenario(source_path("scenarios/analytic/mmc-acute-only.yaml")).scenario;
  REQUIRE(mmc.services.size() == 1);
  CHECK(mmc.cohorts[0].acute_los_days.kind == engine::DistributionKind::exponential);
  CHECK(mmc.arrivals[0].profiles.empty());

  const auto inf = load_scenario(source_path("scenarios/analytic/mginf-network.yaml")).scenario;
  for (const auto& v : inf.services) CHECK(v.capacity.base == model::kUnlimitedCapacity);
}
