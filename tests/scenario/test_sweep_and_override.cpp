// Parsing --set and --sweep arguments.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace bedflow::scenario;

namespace {

std::vector<std::string> values(const std::vector<Override>& overrides) {
  std::vector<std::string> out;
  for (const auto& o : overrides) out.push_back(o.value);
  return out;
}

std::string error_of(const std::string& sweep) {
  try {
    (void)expand_sweep(sweep);
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics()[0].message;
  }
  return {};
}

}  // namespace

TEST_CASE("parse_override splits at the first '=' and keeps the value as written") {
  const auto o = parse_override("services.acute.capacity=3200");
  CHECK(o.path == "services.acute.capacity");
  CHECK(o.value == "3200");
  const auto flow = parse_override(" cohorts.a.acute_los_days = { fixed: 2 } ");
  CHECK(flow.path == "cohorts.a.acute_los_days");
  CHECK(flow.value == "{ fixed: 2 }");
  CHECK(parse_override("scenario.description=a=b").value == "a=b");
}

TEST_CASE("malformed overrides are errors") {
  CHECK_THROWS_AS(parse_override("services.acute.capacity"), ScenarioError);
  CHECK_THROWS_AS(parse_override("=3"), ScenarioError);
  CHECK_THROWS_AS(parse_override("services acute=3"), ScenarioError);
}

TEST_CASE("an override with nothing after '=' is an error naming the key, not a removal") {
  for (const std::string text : {"scenario.seed=", "scenario.seed= ", " scenario.seed =\t"}) {
    INFO(text);
    try {
      (void)parse_override(text);
      FAIL("accepted an empty value");
    } catch (const ScenarioError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const auto message = e.diagnostics()[0].to_string();
      CHECK_THAT(message, Catch::StartsWith("--set ") &&
                              Catch::Contains(": a value is needed after '='"));
      CHECK_THAT(message, Catch::Contains("scenario.seed=~ to remove the key"));
    }
  }
  try {
    (void)parse_override("scenario.seed=");
  } catch (const ScenarioError& e) {
    CHECK_THAT(e.diagnostics()[0].to_string(),
               Catch::StartsWith("--set scenario.seed=: a value is needed after '='"));
  }
  // A value YAML would read as a comment leaves nothing either: said so, with the quoting.
  for (const std::string text : {"scenario.seed=#5", "scenario.description= # note"}) {
    INFO(text);
    try {
      (void)parse_override(text);
      FAIL("accepted a comment as the value");
    } catch (const ScenarioError& e) {
      const auto message = e.diagnostics()[0].to_string();
      CHECK_THAT(message, Catch::Contains("a value is needed after '='") &&
                              Catch::Contains("is a YAML comment") &&
                              Catch::Contains("text that begins with '#' is quoted"));
    }
  }
  CHECK(parse_override("scenario.description=\"#5\"").value == "\"#5\"");
  // Removing a key is still written with YAML's null, and empty text with quotes.
  CHECK(parse_override("services.ucr=~").value == "~");
  CHECK(parse_override("scenario.description=\"\"").value == "\"\"");
}

TEST_CASE("a sweep start:stop:step expands to each value, both ends included") {
  const auto overrides = expand_sweep("services.reablement.capacity=600:800:50");
  REQUIRE(overrides.size() == 5);
  for (const auto& o : overrides) CHECK(o.path == "services.reablement.capacity");
  CHECK(values(overrides) == std::vector<std::string>{"600", "650", "700", "750", "800"});
  // A stop between steps is not reached; fractional steps do not drift.
  CHECK(values(expand_sweep("x=1:10:4")) == std::vector<std::string>{"1", "5", "9"});
  CHECK(values(expand_sweep("x=0.1:0.3:0.1")) == std::vector<std::string>{"0.1", "0.2", "0.3"});
  CHECK(values(expand_sweep("x=5:5:1")) == std::vector<std::string>{"5"});
}

TEST_CASE("a sweep can list its values") {
  CHECK(values(expand_sweep("services.acute.capacity=3000, 3100,3200")) ==
        std::vector<std::string>{"3000", "3100", "3200"});
}

TEST_CASE("malformed and empty sweeps are errors") {
  CHECK(error_of("x").find("no '='") != std::string::npos);
  CHECK(error_of("=1:2:1").find("empty path") != std::string::npos);
  CHECK(error_of("x=").find("found nothing") != std::string::npos);
  CHECK(error_of("x=800:600:50").find("empty sweep") != std::string::npos);
  CHECK(error_of("x=1:2:0").find("step must be positive") != std::string::npos);
  CHECK(error_of("x=1:2:-1").find("step must be positive") != std::string::npos);
  CHECK(error_of("x=a:2:1").find("not a number") != std::string::npos);
  CHECK(error_of("x=1:2").find("start:stop:step") != std::string::npos);
  CHECK(error_of("x=1:nan:1").find("not a number") != std::string::npos);
  CHECK(error_of("x=0:1e9:1").find("more than") != std::string::npos);
  CHECK(error_of("x=1,,2").find("empty value") != std::string::npos);
}
