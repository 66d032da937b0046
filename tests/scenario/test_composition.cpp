// extends: deep-merged chains, relative paths, removal with `~`; --set overrides after
// extends; the resolved YAML says everything the Scenario holds.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"
#include "scenario_text.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

std::int64_t capacity_of(const model::Scenario& s, const std::string& name) {
  const model::Service* v = find_service(s, name);
  return v == nullptr ? -1 : v->capacity.base;
}

}  // namespace

TEST_CASE("a child overrides its parent's keys and keeps the rest") {
  const auto dir = scratch_dir("extends-basic");
  write_file(dir / "base.yaml", small_fixture_text());
  const auto child = write_file(dir / "child.yaml", R"(schema: 1
extends: base.yaml
scenario:
  name: child
services:
  acute:
    capacity: 320
  reablement:
    los_days: { exponential: { mean: 12 } }
arrivals:
  emergency:
    profiles: [weekday]
)");
  const auto parent = load_scenario((dir / "base.yaml").string()).scenario;
  const auto s = load_scenario(child).scenario;
  CHECK(s.run.name == "child");
  CHECK(s.run.seed == parent.run.seed);                    // sibling kept
  CHECK(capacity_of(s, "acute") == 320);                   // overridden
  CHECK(find_service(s, "acute")->escalation.size() == 1); // sibling of the overridden key kept
  CHECK(capacity_of(s, "reablement") == capacity_of(parent, "reablement"));
  CHECK(find_service(s, "reablement")->los_days->kind == engine::DistributionKind::exponential);
  // Lists are replaced whole, not merged.
  CHECK(s.arrivals[0].profiles == std::vector<std::string>{"weekday"});
  CHECK(s.services.size() == parent.services.size());
}

TEST_CASE("extends chains, relative to each file, and `~` removes a parent's key") {
  const auto dir = scratch_dir("extends-chain");
  write_file(dir / "common" / "base.yaml", small_fixture_text());
  write_file(dir / "common" / "middle.yaml", R"(schema: 1
extends: base.yaml
services:
  acute: { capacity: 330 }
)");
  const auto top = write_file(dir / "variants" / "top.yaml", R"(schema: 1
extends: ../common/middle.yaml
scenario: { replications: 5 }
arrivals:
  emergency:
    avoidable: ~
    alternatives: ~
services:
  ucr: ~
  virtual_ward: ~
)");
  const auto loaded = load_scenario(top);
  const auto& s = loaded.scenario;
  CHECK(capacity_of(s, "acute") == 330);
  CHECK(s.run.replications == 5);
  CHECK(find_service(s, "ucr") == nullptr);
  CHECK(find_service(s, "virtual_ward") == nullptr);
  CHECK(s.arrivals[0].alternatives.empty());
  CHECK(s.arrivals[0].avoidable_share.empty());
  CHECK(loaded.resolved_yaml.find("extends") == std::string::npos);
  CHECK(loaded.resolved_yaml.find("virtual_ward") == std::string::npos);
}

TEST_CASE("errors in a parent point into the parent, errors in the child into the child") {
  const auto dir = scratch_dir("extends-errors");
  std::string base = small_fixture_text();
  base.replace(base.find("rate_per_day: 40"), 16, "rate_per_day: -1");
  const auto base_file = write_file(dir / "base.yaml", base);
  const auto child = write_file(dir / "child.yaml",
                                "schema: 1\nextends: base.yaml\nscenario:\n  seed: -3\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  const Diagnostic* rate = find_error(errors, "arrivals.emergency.rate_per_day");
  const Diagnostic* seed = find_error(errors, "scenario.seed");
  REQUIRE(rate != nullptr);
  REQUIRE(seed != nullptr);
  CHECK(std::filesystem::equivalent(rate->file, base_file));
  CHECK(rate->line == line_of(base_file, "rate_per_day: -1"));
  CHECK(std::filesystem::equivalent(seed->file, child));
  CHECK(seed->line == 4);
}

TEST_CASE("every file in a chain needs the schema version") {
  const auto dir = scratch_dir("extends-schema");
  std::string base = small_fixture_text();
  base.erase(base.find("schema: 1\n"), 10);
  write_file(dir / "base.yaml", base);
  const auto child = write_file(dir / "child.yaml", "schema: 1\nextends: base.yaml\n");
  CHECK(has_error(load_errors(child), "schema", "missing 'schema'"));
}

TEST_CASE("overrides apply after extends, by key path, with YAML values") {
  const auto dir = scratch_dir("overrides");
  write_file(dir / "base.yaml", small_fixture_text());
  const auto child = write_file(dir / "child.yaml",
                                "schema: 1\nextends: base.yaml\nservices:\n  acute: { capacity: 320 }\n");
  const auto s = load_scenario(child, {parse_override("services.acute.capacity=350"),
                                       parse_override("services.acute.escalation.0.beds=12"),
                                       parse_override("services.reablement.capacity=unlimited"),
                                       parse_override("cohorts.adult.acute_los_days={ gamma: { shape: 2, scale: 1.5 } }"),
                                       parse_override("arrivals.emergency.profiles=[surge]")})
                     .scenario;
  CHECK(capacity_of(s, "acute") == 350);
  CHECK(find_service(s, "acute")->escalation[0].beds == 12);
  CHECK(capacity_of(s, "reablement") == model::kUnlimitedCapacity);
  CHECK(s.cohorts[1].acute_los_days.kind == engine::DistributionKind::gamma);
  CHECK(s.cohorts[1].acute_los_days.a == Approx(2));
  CHECK(s.cohorts[1].acute_los_days.b == Approx(1.5));
  CHECK(s.arrivals[0].profiles == std::vector<std::string>{"surge"});
}

TEST_CASE("an override path outside the schema is an error naming the override") {
  const auto file = fixture("good/small.yaml");
  auto errors = load_errors(file, {parse_override("services.acute.capcity=3200")});
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "services.acute.capcity");
  CHECK(errors[0].file == "--set services.acute.capcity=3200");
  CHECK(errors[0].hint == "did you mean 'capacity'?");

  errors = load_errors(file, {parse_override("scenario.horizon_days.extra=3")});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("cannot set a key inside") != std::string::npos);

  errors = load_errors(file, {parse_override("services.acute.escalation.4.beds=3")});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("no item 4 in a list of 1") != std::string::npos);

  errors = load_errors(file, {parse_override("services.acute.capacity=-5")});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "services.acute.capacity");
  CHECK(errors[0].file == "--set services.acute.capacity=-5");

  errors = load_errors(file, {parse_override("services.acute.capacity=[1, 2")});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("not valid YAML") != std::string::npos);

  errors = load_errors(file, {parse_override("extends=other.yaml")});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("cannot be overridden") != std::string::npos);
}

TEST_CASE("the resolved YAML loads back to the same Scenario, overrides included") {
  const auto dir = scratch_dir("resolved");
  write_file(dir / "base.yaml", small_fixture_text());
  write_file(dir / "census.csv", "service,cohort,days_in_service,medically_fit\n"
                                 "reablement,adult,4,false\nacute,frail,2.5,true\n");
  const auto child = write_file(dir / "sub" / "child.yaml", R"(schema: 1
extends: ../base.yaml
initial_state: { census_csv: ../census.csv }
)");
  const auto loaded = load_scenario(child, {parse_override("services.acute.capacity=333")});
  REQUIRE(loaded.scenario.census.size() == 2);
  CHECK(loaded.scenario.census[1].medically_fit);
  CHECK(loaded.scenario.census[1].days_in_service == Approx(2.5));
  CHECK(loaded.scenario.census[0].days_in_service == Approx(4.0));
  // Written somewhere else entirely: the census path in the resolved text is absolute.
  const auto elsewhere = write_file(scratch_dir("resolved-copy") / "resolved.yaml",
                                    loaded.resolved_yaml);
  const auto again = load_scenario(elsewhere);
  CHECK(scenario_text(again.scenario) == scenario_text(loaded.scenario));
  CHECK(capacity_of(again.scenario, "acute") == 333);
}

TEST_CASE("a scenario without a name takes its file's name, in the resolved YAML too") {
  const auto dir = scratch_dir("unnamed");
  std::string text = small_fixture_text();
  text.erase(text.find("  name: small\n"), 14);
  const auto file = write_file(dir / "my-case.yaml", text);
  const auto loaded = load_scenario(file);
  CHECK(loaded.scenario.run.name == "my-case");
  CHECK(loaded.resolved_yaml.find("name: my-case") != std::string::npos);
}

TEST_CASE("a child without a name of its own takes its file's name, not its parent's") {
  const auto dir = scratch_dir("unnamed-child");
  write_file(dir / "base.yaml", small_fixture_text());  // named `small`
  const auto child = write_file(dir / "more-beds.yaml", R"(schema: 1
extends: base.yaml
services:
  acute:
    capacity: 320
)");
  const auto loaded = load_scenario(child);
  CHECK(loaded.scenario.run.name == "more-beds");
  CHECK(loaded.resolved_yaml.find("name: more-beds") != std::string::npos);
  CHECK(load_scenario((dir / "base.yaml").string()).scenario.run.name == "small");
  // A grandchild without a name is named after its own file too.
  const auto grandchild =
      write_file(dir / "fewer-beds.yaml", "schema: 1\nextends: more-beds.yaml\n");
  CHECK(load_scenario(grandchild).scenario.run.name == "fewer-beds");
  // A name written in the child's own file, or set on the command line, is kept.
  const auto named = write_file(dir / "named.yaml",
                                "schema: 1\nextends: base.yaml\nscenario: { name: chosen }\n");
  CHECK(load_scenario(named).scenario.run.name == "chosen");
  CHECK(load_scenario(child, {parse_override("scenario.name=given")}).scenario.run.name ==
        "given");
}

TEST_CASE("distributions, profiles and mixes are replaced whole, never merged") {
  const auto dir = scratch_dir("extends-atomic");
  write_file(dir / "base.yaml", small_fixture_text());
  const auto child = write_file(dir / "child.yaml", R"(schema: 1
extends: base.yaml
profiles:
  weekday: { dated: [[2026-01-10, 1.1]] }
cohorts:
  frail:
    discharge_pathway: { P0: 1.0 }
arrivals:
  emergency:
    cohort_mix: { adult: 1.0 }
    avoidable: ~
    alternatives: ~
)");
  const auto s = load_scenario(child).scenario;
  CHECK(s.profiles[0].kind == model::Profile::Kind::dated);
  CHECK(s.cohorts[0].discharge_pathway == std::array<double, 4>{1.0, 0.0, 0.0, 0.0});
  CHECK(s.arrivals[0].cohort_mix == std::vector<std::pair<std::string, double>>{{"adult", 1.0}});
}

TEST_CASE("census rows naming unknown services or cohorts are reported by CSV line") {
  const auto dir = scratch_dir("census-names");
  write_file(dir / "base.yaml", small_fixture_text());
  const auto csv = write_file(dir / "census.csv",
                              "\xEF\xBB\xBFmedically_fit,service,cohort,days_in_service\r\n"
                              "false,acute,frail,1\r\n"
                              "true,reablment,adult,2\r\n"
                              "\r\n"
                              "false,acute,fral,0.5\r\n");
  const auto child = write_file(dir / "child.yaml", "schema: 1\nextends: base.yaml\n"
                                                    "initial_state: { census_csv: census.csv }\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  CHECK(std::filesystem::equivalent(errors[0].file, csv));
  CHECK(errors[0].line == 3);
  CHECK(errors[0].message == "unknown service 'reablment'");
  CHECK(errors[0].hint == "did you mean 'reablement'?");
  CHECK(errors[1].line == 5);
  CHECK(errors[1].message == "unknown cohort 'fral'");
}
