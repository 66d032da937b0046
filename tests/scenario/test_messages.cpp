// Messages users read: a misspelt service in a child file or an option is named at the user's
// own text; problems in a referenced file also name the reference; quoted file contents are
// short and never drive the terminal; names are ASCII; tabs in indentation are named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "scenario_test_support.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

// A child of small.yaml with `body` after its header.
std::string child_of_small(const std::string& test, const std::string& body) {
  const auto dir = scratch_dir(test);
  write_file(dir / "base.yaml", small_fixture_text());
  return write_file(dir / "child.yaml", "schema: 1\nextends: base.yaml\n" + body);
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ignored;
  return std::filesystem::equivalent(a, b, ignored);
}

}  // namespace

TEST_CASE("a misspelt service in a child file is an unknown service at the child's key") {
  const auto child = child_of_small("misspelt-service", "services:\n  reablment: { capacity: 15 }\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown service 'reablment'");
  CHECK(errors[0].hint == "did you mean 'reablement'?");
  CHECK(errors[0].file == child);
  CHECK(errors[0].line == line_of(child, "reablment"));
  CHECK(errors[0].to_string().find("missing required key") == std::string::npos);
}

TEST_CASE("a misspelt service of another kind (beds) in a child file is named too") {
  const auto child = child_of_small("misspelt-beds",
                                    "services:\n  intermediate_cre:\n    capacity: 40\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown service 'intermediate_cre'");
  CHECK(errors[0].hint == "did you mean 'intermediate_care'?");
  CHECK(errors[0].line == line_of(child, "intermediate_cre"));
}

TEST_CASE("a new service without kind and unlike any other still asks for its kind") {
  const auto child = child_of_small("new-service", "services:\n  hospice: { capacity: 15 }\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("missing required key 'kind'") != std::string::npos);
}

TEST_CASE("a misspelt service in an override names the option that gave it") {
  const auto small = fixture("good/small.yaml");
  const auto set = load_errors(small, {parse_override("services.reablment.capacity=15")});
  INFO(all_messages(set));
  REQUIRE(set.size() == 1);
  CHECK(set[0].message == "unknown service 'reablment'");
  CHECK(set[0].file == "--set services.reablment.capacity=15");

  const auto vary = load_errors(small, {Override{"services.reablment.capacity", "15", "--vary"}});
  INFO(all_messages(vary));
  REQUIRE(vary.size() == 1);
  CHECK(vary[0].message == "unknown service 'reablment'");
  CHECK(vary[0].hint == "did you mean 'reablement'?");
  CHECK(vary[0].file == "--vary services.reablment.capacity=15");

  const auto sweep = expand_sweep("services.acute.capacity=300,310");
  REQUIRE(sweep.size() == 2);
  CHECK(sweep[0].option == "--sweep");
}

TEST_CASE("a sweep list that repeats a value is refused before anything runs") {
  for (const char* text : {"services.acute.capacity=110,110", "cohorts.adult.acute_los_days=1,2,1"}) {
    INFO(text);
    try {
      (void)expand_sweep(text);
      FAIL("accepted");
    } catch (const ScenarioError& error) {
      CHECK_THAT(error.what(), Catch::Contains("is listed twice"));
      CHECK_THAT(error.what(), Catch::Contains(std::string("--sweep ") + text));
    }
  }
  CHECK(expand_sweep("services.acute.capacity=110,111").size() == 2);
}

TEST_CASE("a problem in a parent file names the parent and the child's extends line") {
  const auto dir = scratch_dir("parent-problem");
  std::string base = small_fixture_text();
  const std::string good = "    capacity: 300\n";
  base.replace(base.find(good), good.size(), "    capacity: lots\n");
  const auto base_path = write_file(dir / "base.yaml", base);
  const auto child = write_file(dir / "child.yaml", "schema: 1\n\nextends: base.yaml\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(same_file(errors[0].file, base_path));
  CHECK(errors[0].line == line_of(base_path, "capacity: lots"));
  CHECK_THAT(errors[0].referenced_by, Catch::Contains(child + ":3:"));
  CHECK_THAT(errors[0].referenced_by, Catch::Contains("(extends)"));
  CHECK_THAT(errors[0].to_string(), Catch::EndsWith("; " + errors[0].referenced_by));
  CHECK(errors[0].to_string().find('\n') == std::string::npos);
}

TEST_CASE("a problem in a census file names the census and the scenario's census_csv key") {
  const auto dir = scratch_dir("census-problem");
  write_file(dir / "base.yaml", small_fixture_text());
  const auto csv = write_file(dir / "census.csv",
                              "service,cohort,days_in_service,medically_fit\n"
                              "acute,frail,many,false\n");
  const auto child = write_file(dir / "child.yaml", "schema: 1\nextends: base.yaml\n"
                                                    "initial_state:\n  census_csv: census.csv\n");
  const auto errors = load_errors(child);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(same_file(errors[0].file, csv));
  CHECK(errors[0].line == 2);
  CHECK_THAT(errors[0].referenced_by, Catch::Contains(child + ":4:"));
  CHECK_THAT(errors[0].referenced_by, Catch::Contains("(initial_state.census_csv)"));
}

TEST_CASE("quoted file contents are short and show control characters escaped") {
  const auto escape = child_of_small("escape-key", "scenario:\n  \"sd\\e[2Jx\": 1\n");
  const auto errors = load_errors(escape);
  REQUIRE(errors.size() == 1);
  const std::string shown = errors[0].to_string();
  INFO(shown);
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK_THAT(shown, Catch::Contains("sd\\x1b[2Jx"));

  const auto census_dir = scratch_dir("escape-census");
  write_file(census_dir / "base.yaml", small_fixture_text());
  write_file(census_dir / "census.csv", "service,cohort,days_in_service,medically_fit\n"
                                        "acute,frail,\x1b]0;owned\x07" + std::string(300, 'z') +
                                            ",false\n");
  const auto child = write_file(census_dir / "child.yaml",
                                "schema: 1\nextends: base.yaml\ninitial_state: { census_csv: census.csv }\n");
  const auto census_errors = load_errors(child);
  REQUIRE(census_errors.size() == 1);
  const std::string census_shown = census_errors[0].to_string();
  INFO(census_shown);
  CHECK(census_shown.find('\x1b') == std::string::npos);
  CHECK(census_shown.find('\x07') == std::string::npos);
  CHECK_THAT(census_shown, Catch::Contains("\\x1b]0;owned\\x07"));
  CHECK(census_shown.find(std::string(60, 'z')) == std::string::npos);
  CHECK(census_errors[0].message.size() < 200);
}

TEST_CASE("excerpts cut on a character boundary and escape C1 controls") {
  CHECK(excerpt("plain") == "plain");
  CHECK(excerpt("a\tb\x7f") == "a\\x09b\\x7f");
  CHECK(escape_controls("\xc2\x9b" "31m") == "\\xc2\\x9b31m");
  CHECK(escape_controls("r\xc3\xa9" "ablement") == "r\xc3\xa9" "ablement");
  const std::string long_accented = std::string(39, 'a') + "\xc3\xa9" + std::string(20, 'b');
  CHECK(excerpt(long_accented) == std::string(39, 'a') + "...");
}

TEST_CASE("a name with an accent is told that names use ASCII letters") {
  const auto scenario_name = child_of_small("accent-name", "scenario:\n  name: hiver-r\xc3\xa9" "ablement\n");
  const auto errors = load_errors(scenario_name);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].hint, Catch::Contains("ASCII letters"));
  CHECK_THAT(errors[0].hint, Catch::Contains("accented"));

  const auto service = child_of_small("accent-service",
                                      "services:\n  r\xc3\xa9" "ablement: { kind: caseload, capacity: 5, "
                                      "los_days: 3 }\n");
  const auto service_errors = load_errors(service);
  INFO(all_messages(service_errors));
  REQUIRE_FALSE(service_errors.empty());
  CHECK_THAT(service_errors[0].hint, Catch::Contains("ASCII letters"));
}

TEST_CASE("a tab in indentation says YAML forbids tabs, with its line and column") {
  const auto tab_map = child_of_small("tab-indent", "scenario:\n\tname: tabbed\n");
  const auto errors = load_errors(tab_map);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("YAML forbids tabs"));
  CHECK(errors[0].line == 4);
  CHECK(errors[0].column == 1);

  const auto tab_after_spaces =
      child_of_small("tab-after-spaces", "services:\n  acute:\n  \tcapacity: 3\n");
  const auto later = load_errors(tab_after_spaces);
  INFO(all_messages(later));
  REQUIRE(later.size() == 1);
  CHECK_THAT(later[0].message, Catch::Contains("YAML forbids tabs"));
  CHECK(later[0].line == 5);
  CHECK(later[0].column == 3);
}

namespace {

// small.yaml with each (from, to) replacement made once.
std::string small_with(const std::vector<std::pair<std::string, std::string>>& changes,
                       const std::string& test) {
  std::string text = small_fixture_text();
  for (const auto& [from, to] : changes) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return write_file(scratch_dir(test) / "small.yaml", text);
}

}  // namespace

TEST_CASE("field errors and independent cross-reference errors come in one report") {
  const auto path = small_with({{"horizon_days: 60", "horizon_days: -5"},
                                {"los_multiplier: surge", "los_multiplier: surg"}},
                               "two-rounds");
  const auto errors = load_errors(path);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path == "scenario.horizon_days");
  CHECK(errors[1].message == "unknown profile 'surg'");
  CHECK(errors[1].line == line_of(path, "los_multiplier: surg"));
}

TEST_CASE("a service's field error and a pathway's misspelt destination come together") {
  const auto path = small_with({{"capacity: 300", "capacity: lots"},
                                {"P1: { to: reablement", "P1: { to: reablment"}},
                               "two-rounds-services");
  const auto errors = load_errors(path);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path == "services.acute.capacity");
  CHECK(errors[1].message.find("'reablment'") != std::string::npos);
  CHECK(errors[1].hint == "did you mean 'reablement'?");
}

TEST_CASE("cross-reference errors that echo a field error are not reported") {
  // intermediate_care's kind is wrong, so it is not read; P2 and the census of its name
  // would be "unknown service" only because of that.
  const auto path = small_with({{"kind: beds", "kind: bedz"}}, "echo");
  const auto errors = load_errors(path);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown service kind 'bedz'");

  const auto acute = small_with({{"kind: acute", "kind: acuet"}}, "echo-acute");
  const auto acute_errors = load_errors(acute);
  INFO(all_messages(acute_errors));
  REQUIRE(acute_errors.size() == 1);
  CHECK(acute_errors[0].message == "unknown service kind 'acuet'");
}

TEST_CASE("a misspelt cohort or arrival stream in a child file is named as such") {
  const auto cohort = child_of_small("misspelt-cohort",
                                     "cohorts:\n  fral:\n    discharge_pathway: { P0: 1.0 }\n");
  const auto errors = load_errors(cohort);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown cohort 'fral'");
  CHECK(errors[0].hint == "did you mean 'frail'?");
  CHECK(errors[0].line == line_of(cohort, "fral"));

  const auto stream = child_of_small("misspelt-stream",
                                     "arrivals:\n  emergncy: { admit_to: acute }\n");
  const auto stream_errors = load_errors(stream);
  INFO(all_messages(stream_errors));
  REQUIRE(stream_errors.size() == 1);
  CHECK(stream_errors[0].message == "unknown arrival stream 'emergncy'");
  CHECK(stream_errors[0].hint == "did you mean 'emergency'?");
}

TEST_CASE("in one file, a second service like the first that lacks its kind asks for it") {
  std::string text = small_fixture_text();
  const std::string anchor = "discharge_pathways:";
  text.insert(text.find(anchor), "  reablement2:\n    capacity: 5\n");
  const auto path = write_file(scratch_dir("same-file-service") / "small.yaml", text);
  const auto errors = load_errors(path);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("missing required key 'kind'") != std::string::npos);
}
