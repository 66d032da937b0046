// Every class of bad input gives a clear, located error and never a crash or a hang.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "scenario_test_support.hpp"

namespace fs = std::filesystem;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

struct Expected {
  std::string file;        // under fixtures/bad/
  std::string path;        // key path of the diagnostic
  std::string line_text;   // the diagnostic's line is the first line containing this
  std::string fragment;    // part of the message
  std::string hint;        // part of the hint ("" = not checked)
};

void check_case(const Expected& e) {
  const std::string file = fixture("bad/" + e.file);
  const auto errors = load_errors(file);
  INFO(e.file << "\n" << all_messages(errors));
  REQUIRE(!errors.empty());
  const Diagnostic* d = nullptr;
  for (const auto& candidate : errors)
    if (candidate.path == e.path && candidate.message.find(e.fragment) != std::string::npos)
      d = &candidate;
  REQUIRE(d != nullptr);
  CHECK(fs::equivalent(d->file, file));
  const int expected_line = line_of(file, e.line_text);
  REQUIRE(expected_line > 0);
  CHECK(d->line == expected_line);
  CHECK(d->column > 0);
  if (!e.hint.empty()) CHECK(d->hint.find(e.hint) != std::string::npos);
}

}  // namespace

TEST_CASE("every bad fixture is rejected with located diagnostics") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fixture("bad"))) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const auto errors = load_errors(entry.path().string());
    INFO(entry.path().string());
    REQUIRE(!errors.empty());
    for (const auto& d : errors) {
      CHECK(!d.file.empty());
      CHECK(!d.message.empty());
      // One line each, so the command line can print them one per line.
      CHECK(d.to_string().find('\n') == std::string::npos);
    }
  }
  CHECK(files >= 25);
}

TEST_CASE("a missing file is reported by name") {
  const auto errors = load_errors(fixture("bad/does-not-exist.yaml"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("not found") != std::string::npos);
  CHECK(errors[0].file.find("does-not-exist.yaml") != std::string::npos);
}

TEST_CASE("a directory is not a scenario") {
  const auto errors = load_errors(fixture("bad"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("not a regular file") != std::string::npos);
}

TEST_CASE("empty files and files of comments are reported as empty") {
  for (const char* name : {"bad/empty.yaml", "bad/only-comments.yaml"}) {
    const auto errors = load_errors(fixture(name));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("empty") != std::string::npos);
  }
}

TEST_CASE("text that is not YAML gives the parser's error with its line") {
  const std::string file = fixture("bad/not-yaml.yaml");
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("not valid YAML") != std::string::npos);
  // The flow list opened on line 5 is found unclosed when the next key starts.
  CHECK(errors[0].line >= line_of(file, "cohorts: [frail"));
}

TEST_CASE("a top level that is not a map, two documents, a wrong or missing schema") {
  CHECK(has_error(load_errors(fixture("bad/not-a-map.yaml")), "", "expected a map"));
  CHECK(has_error(load_errors(fixture("bad/two-documents.yaml")), "", "more than one YAML document"));
  check_case({"wrong-schema.yaml", "schema", "schema: 2", "expected schema version 1", ""});
  CHECK(has_error(load_errors(fixture("bad/missing-schema.yaml")), "schema", "missing 'schema'"));
}

TEST_CASE("wrong types: all three are reported, each where it was written") {
  const std::string file = fixture("bad/wrong-types.yaml");
  const auto errors = load_errors(file);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 3);
  check_case({"wrong-types.yaml", "scenario.replications", "replications: [2]", "found a list", ""});
  check_case({"wrong-types.yaml", "services.acute.capacity", "\"lots\"", "found the text \"lots\"",
              ""});
  // "lots" is no number with or without quotes: removing them would not help.
  const Diagnostic* lots = find_error(errors, "services.acute.capacity");
  REQUIRE(lots != nullptr);
  CHECK(lots->hint.empty());
  check_case({"wrong-types.yaml", "arrivals.emergency.weekdays_only", "weekdays_only: maybe",
              "expected true or false", ""});
}

TEST_CASE("remove the quotes is hinted only when the quoted text is a valid number there") {
  struct Case {
    std::string body;  // a key path's YAML, extending the small fixture
    std::string path;
    std::string found;
    bool hinted;
  };
  const std::vector<Case> cases{
      {"services:\n  acute:\n    capacity: \"100\"\n", "services.acute.capacity",
       "found the text \"100\"", true},
      {"services:\n  acute:\n    capacity: \"unlimited\"\n", "services.acute.capacity",
       "found the text \"unlimited\"", true},
      {"arrivals:\n  emergency:\n    rate_per_day: \"+12.5\"\n",
       "arrivals.emergency.rate_per_day", "found the text \"+12.5\"", true},
      // Not numbers, or not numbers this field takes: the ordinary error alone.
      {"services:\n  acute:\n    capacity: \"100x\"\n", "services.acute.capacity",
       "found the text \"100x\"", false},
      {"services:\n  acute:\n    capacity: \"\"\n", "services.acute.capacity",
       "found the text \"\"", false},
      {"services:\n  acute:\n    capacity: \"12.5\"\n", "services.acute.capacity",
       "found the text \"12.5\"", false},
      {"services:\n  acute:\n    capacity: \"-5\"\n", "services.acute.capacity",
       "found the text \"-5\"", false},
      {"arrivals:\n  emergency:\n    rate_per_day: \".nan\"\n",
       "arrivals.emergency.rate_per_day", "found the text \".nan\"", false},
  };
  for (const auto& c : cases) {
    const auto file = extending_small("quoted-", std::to_string(&c - cases.data()), c.body);
    const auto errors = load_errors(file);
    INFO(c.body << all_messages(errors));
    REQUIRE(errors.size() == 1);
    const Diagnostic& d = errors.front();
    CHECK(d.path == c.path);
    CHECK(fs::equivalent(d.file, file));
    CHECK(d.line == 5);
    CHECK_THAT(d.message, Catch::Contains(c.found));
    if (c.hinted) {
      CHECK(d.hint == "remove the quotes");
    } else {
      CHECK(d.hint.empty());
    }
  }
}

TEST_CASE("negative, zero, NaN and infinite rates and capacities") {
  check_case({"negative-rate.yaml", "arrivals.emergency.rate_per_day", "rate_per_day: -40",
              "found -40", "negative"});
  check_case({"zero-capacity.yaml", "services.acute.capacity", "capacity: 0", "found 0", ""});
  check_case({"nan-rate.yaml", "arrivals.emergency.rate_per_day", ".nan", "found NaN", ""});
  check_case({"infinite-rate.yaml", "arrivals.emergency.rate_per_day", ".inf", "found infinity", ""});
}

TEST_CASE("absurdly large values are refused with a sane upper bound") {
  check_case({"absurd-capacity.yaml", "services.acute.capacity", "1000000000000",
              "found 1000000000000", "implausibly large"});
}

TEST_CASE("probabilities outside [0, 1] and shares that do not sum to 1") {
  check_case({"probability-out-of-range.yaml", "arrivals.emergency.avoidable.frail",
              "frail: 1.2", "expected a probability in [0, 1], found 1.2", ""});
  const auto errors = load_errors(fixture("bad/mix-not-summing.yaml"));
  REQUIRE(errors.size() == 2);
  check_case({"mix-not-summing.yaml", "arrivals.emergency.cohort_mix", "adult: 0.5",
              "must sum to 1, found 0.9", "add the missing 0.1"});
  check_case({"mix-not-summing.yaml", "cohorts.frail.discharge_pathway", "P0: 0.7",
              "must sum to 1, found 1.1", "remove 0.1"});
}

TEST_CASE("routes to unknown services say which one was probably meant") {
  check_case({"route-unknown-service.yaml", "services.intermediate_care.then.reablment",
              "reablment: 0.3", "unknown service 'reablment'", "did you mean 'reablement'?"});
  check_case({"route-unknown-service.yaml", "discharge_pathways.P1.to", "to: reablemnt",
              "unknown service 'reablemnt'", "did you mean 'reablement'?"});
}

TEST_CASE("unknown cohort, profile and alternative names: all three are collected") {
  const auto errors = load_errors(fixture("bad/unknown-names.yaml"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 3);
  check_case({"unknown-names.yaml", "arrivals.emergency.profiles.2", "wintr",
              "unknown profile 'wintr'", "weekday, surge"});
  check_case({"unknown-names.yaml", "arrivals.emergency.cohort_mix.frial", "frial",
              "unknown cohort 'frial'", "did you mean 'frail'?"});
  check_case({"unknown-names.yaml", "arrivals.emergency.alternatives.1", "virtual_wards",
              "unknown service 'virtual_wards'", "did you mean 'virtual_ward'?"});
}

TEST_CASE("unknown keys are errors, with the key they were probably meant to be") {
  const auto errors = load_errors(fixture("bad/unknown-key.yaml"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);  // the misspelt required key is not also reported as missing
  check_case({"unknown-key.yaml", "services.reablement.capcity", "capcity",
              "unknown key 'capcity'", "did you mean 'capacity'?"});
  check_case({"unknown-key.yaml", "scenario.horizon_dyas", "horizon_dyas",
              "unknown key 'horizon_dyas'", "did you mean 'horizon_days'?"});
}

TEST_CASE("dates out of order, impossible dates, a warm-up longer than the run") {
  check_case({"dates-out-of-order.yaml", "profiles.surge.dated.1.date", "surge:",
              "dates out of order", ""});
  check_case({"dates-out-of-order.yaml", "scenario.warmup_days", "warmup_days: 90",
              "below horizon_days", ""});
  check_case({"invalid-date.yaml", "scenario.start", "2026-02-30", "expected a real date", ""});
}

TEST_CASE("distribution parameters are checked by building the distribution") {
  check_case({"bad-distribution.yaml", "services.reablement.los_days.lognormal", "sd: -10",
              "invalid lognormal distribution", ""});
  check_case({"bad-distribution.yaml", "cohorts.adult.acute_los_days.exponental", "exponental",
              "unknown distribution 'exponental'", "did you mean 'exponential'?"});
}

TEST_CASE("unknown service kinds and duplicate keys") {
  check_case({"unknown-service-kind.yaml", "services.intermediate_care.kind", "kind: bedz",
              "unknown service kind 'bedz'", "did you mean 'beds'?"});
  const std::string file = fixture("bad/duplicate-key.yaml");
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("duplicate key 'capacity'") != std::string::npos);
  CHECK(errors[0].line == line_of(file, "capacity: 310"));
}

TEST_CASE("deep nesting is refused before the recursive parser sees it") {
  const std::string flow = fixture("bad/deeply-nested.yaml");
  auto errors = load_errors(flow);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("nested too deeply") != std::string::npos);
  CHECK(errors[0].line == line_of(flow, "[[[["));

  errors = load_errors(fixture("bad/deeply-nested-block.yaml"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("nested too deeply") != std::string::npos);
}

TEST_CASE("alias bombs and alias cycles stop at a bound") {
  auto errors = load_errors(fixture("bad/alias-bomb.yaml"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("more than 200000 nodes") != std::string::npos);
  errors = load_errors(fixture("bad/alias-cycle.yaml"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("contains it") != std::string::npos);
}

TEST_CASE("files beyond the size limit are refused without being parsed") {
  const auto dir = scratch_dir("too-large");
  std::string text = "schema: 1\nscenario:\n  description: \"";
  text.append(5u << 20, 'x');
  text += "\"\n";
  const auto file = write_file(dir / "huge.yaml", text);
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("bytes, more than") != std::string::npos);
}

TEST_CASE("a census CSV with malformed rows: every bad row by CSV line") {
  const std::string csv = fixture("bad/census-malformed.csv");
  const auto errors = load_errors(fixture("bad/census-malformed.yaml"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 4);
  std::vector<int> lines;
  for (const auto& d : errors) {
    CHECK(fs::equivalent(d.file, csv));
    lines.push_back(d.line);
  }
  CHECK(lines == std::vector<int>{line_of(csv, ",-1,"), line_of(csv, "three"),
                                  line_of(csv, "maybe"), line_exactly(csv, "acute,frail")});
  CHECK(has_error(errors, "days_in_service", "found '-1'"));
  CHECK(has_error(errors, "days_in_service", "found 'three'"));
  CHECK(has_error(errors, "medically_fit", "found 'maybe'"));
  CHECK(has_error(errors, "row", "expected 4 fields"));
}

TEST_CASE("a missing census file is reported at the key that names it") {
  const std::string file = fixture("bad/census-missing.yaml");
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "initial_state.census_csv");
  CHECK(errors[0].line == line_of(file, "census_csv:"));
  CHECK(errors[0].message.find("no-such-census.csv") != std::string::npos);
}

TEST_CASE("an extends cycle is reported with the whole chain") {
  const auto errors = load_errors(fixture("bad/extends-cycle-a.yaml"));
  REQUIRE(errors.size() == 1);
  const std::string& m = errors[0].message;
  CHECK(m.find("extends cycle") != std::string::npos);
  const auto a = m.find("extends-cycle-a.yaml");
  const auto b = m.find("extends-cycle-b.yaml");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(a < b);
  CHECK(m.rfind("extends-cycle-a.yaml") > b);  // back to where it started
  CHECK(errors[0].path == "extends");

  const auto missing = load_errors(fixture("bad/extends-missing.yaml"));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message.find("no-such-parent.yaml") != std::string::npos);
  CHECK(missing[0].line == 3);
}

TEST_CASE("binary garbage is a parse error in printable text, and floods of errors are capped") {
  const auto dir = scratch_dir("garbage");
  std::string garbage = "schema: 1\nscenario: \"\\";
  for (int i = 0; i < 256; ++i) garbage += static_cast<char>(i);
  auto errors = load_errors(write_file(dir / "garbage.yaml", garbage));
  REQUIRE(errors.size() == 1);
  for (const char c : errors[0].to_string()) {
    CHECK(static_cast<unsigned char>(c) >= 0x20);
    CHECK(static_cast<unsigned char>(c) < 0x7f);
  }

  std::string many = "schema: 1\nscenario:\n";
  for (int i = 0; i < 5000; ++i) many += "  unknown_" + std::to_string(i) + ": 1\n";
  errors = load_errors(write_file(dir / "many.yaml", many));
  REQUIRE(errors.size() == 101);
  CHECK(errors.back().message.find("more problems") != std::string::npos);
}

TEST_CASE("the old top-level costs_gbp block is refused, each key with where it went") {
  const auto errors = load_errors(fixture("bad/global-costs.yaml"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 4);
  check_case({"global-costs.yaml", "costs_gbp", "costs_gbp:", "no longer one top-level block",
              "services.<name>.costs_gbp"});
  check_case({"global-costs.yaml", "costs_gbp.acute_bed_day", "acute_bed_day: 395",
              "has moved to services.acute.costs_gbp", "place_day (commissioned) and occupied_day"});
  check_case({"global-costs.yaml", "costs_gbp.ucr_visit", "ucr_visit: 180",
              "has moved to services.ucr.costs_gbp", "visit"});
  // No pathway 3 service in this scenario: the new place is described in words.
  check_case({"global-costs.yaml", "costs_gbp.care_home_day", "care_home_day: 164",
              "has moved to services.<care home service>.costs_gbp", "place_day"});
}

TEST_CASE("service unit costs: misspelt keys, keys of another kind, negative costs") {
  const auto errors = load_errors(fixture("bad/service-costs.yaml"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 3);
  check_case({"service-costs.yaml", "services.acute.costs_gbp.ocupied_day", "ocupied_day",
              "unknown key 'ocupied_day'", "did you mean 'occupied_day'?"});
  // An urgent community response is paid per visit, not per occupied day.
  check_case({"service-costs.yaml", "services.ucr.costs_gbp.occupied_day", "occupied_day: 60",
              "unknown key 'occupied_day'", "place_day, visit"});
  check_case({"service-costs.yaml", "services.virtual_ward.costs_gbp.place_day", "-170",
              "found -170", ""});
}
