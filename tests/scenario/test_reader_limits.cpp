// Limits that count what costs memory and time: bytes an alias expansion produces, the peak
// arrival rate after profiles, the size of the time series, and one set of count limits.
#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "bedflow/models/simulate.hpp"
#include "scenario_test_support.hpp"

using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

// Loads `path` and returns its errors and the processor time the refusal took (processor
// time, not wall time: the test must not fail because the machine is busy). Before bytes
// were counted, the 64 KiB case took 8 s and 781 MB.
struct Timed {
  std::vector<Diagnostic> errors;
  double seconds = 0.0;
};
Timed load_timed(const std::string& path) {
  const std::clock_t started = std::clock();
  Timed timed;
  timed.errors = load_errors(path);
  timed.seconds = static_cast<double>(std::clock() - started) / CLOCKS_PER_SEC;
  return timed;
}

// `value_bytes` of 'x' anchored once, then aliased `aliases` times in one sequence.
std::string long_string_aliased(std::size_t value_bytes, std::size_t aliases) {
  std::string text = "schema: 1\nlong: &s \"";
  text.append(value_bytes, 'x');
  text += "\"\ncopies: [";
  for (std::size_t k = 0; k < aliases; ++k) text += k == 0 ? "*s" : ", *s";
  text += "]\n";
  return text;
}

}  // namespace

TEST_CASE("a 77 KB file aliasing one 64 KiB string 3,000 times is refused quickly") {
  const auto dir = scratch_dir("alias-bytes");
  const auto text = long_string_aliased(64 * 1024, 3000);
  REQUIRE(text.size() < 80'000);
  const auto file = write_file(dir / "aliases.yaml", text);
  const auto timed = load_timed(file);
  REQUIRE(timed.errors.size() == 1);
  CHECK_THAT(timed.errors[0].message, Catch::Contains("MiB of text"));
  CHECK(timed.errors[0].line == line_of(file, "copies:"));
  CHECK(timed.seconds < 1.0);
}

TEST_CASE("a 1 MB string aliased 1,000 times is refused as quickly") {
  const auto dir = scratch_dir("alias-bytes-large");
  const auto file = write_file(dir / "aliases.yaml", long_string_aliased(1 << 20, 1000));
  const auto timed = load_timed(file);
  REQUIRE(timed.errors.size() == 1);
  CHECK_THAT(timed.errors[0].message, Catch::Contains("MiB of text"));
  CHECK(timed.seconds < 1.0);
}

TEST_CASE("a map of long keys and values aliased many times is refused by its bytes") {
  const auto dir = scratch_dir("alias-map-bytes");
  std::string text = "schema: 1\nblock: &m {";
  for (int k = 0; k < 8; ++k) {
    text.append(k ? ", k" : "k").append(std::to_string(k)).append(1000, 'k');
    text.append(": ").append(7000, 'v');
  }
  text += "}\ncopies: [";
  for (int k = 0; k < 600; ++k) text += k == 0 ? "*m" : ", *m";
  text += "]\n";
  const auto file = write_file(dir / "aliases.yaml", text);
  const auto errors = load_errors(file);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("MiB of text"));
}

TEST_CASE("the arrival-rate limit applies to the peak rate after profile factors") {
  const auto path = fixture("good/small.yaml");
  // 20,000 a day passes alone; a weekly maximum of 100 with the surge's 1.2 peaks at 2.4 M.
  REQUIRE(load_errors(path, {{"arrivals.emergency.rate_per_day", "20000"}}).empty());
  auto errors = load_errors(path, {{"arrivals.emergency.rate_per_day", "20000"},
                                   {"profiles.weekday.weekly", "[100, 1, 1, 1, 1, 1, 1]"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "arrivals.emergency.rate_per_day");
  CHECK_THAT(errors[0].message,
             Catch::Contains("peak arrival rate 2.4e+06") && Catch::Contains("x profile maximum 120"));
  // The same through a dated profile's highest point.
  errors = load_errors(path, {{"arrivals.emergency.rate_per_day", "20000"},
                              {"profiles.surge.dated", "[[2026-01-10, 1.0], [2026-02-01, 90]]"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "arrivals.emergency.rate_per_day");
  CHECK_THAT(errors[0].message, Catch::Contains("profile maximum 99"));
}

TEST_CASE("30,001 services are refused by the loader, located at services") {
  const auto dir = scratch_dir("many-services");
  std::string text = small_fixture_text();
  std::string extra;
  for (int k = 0; k < 29'996; ++k) {
    extra.append("  u").append(std::to_string(k));
    extra.append(": { kind: urgent_community_response, capacity_per_day: 1 }\n");
  }
  const auto at = text.find("\nservices:\n");
  REQUIRE(at != std::string::npos);
  text.insert(at + std::string("\nservices:\n").size(), extra);
  const auto file = write_file(dir / "many.yaml", text);
  const auto errors = load_errors(file);
  INFO(all_messages(std::vector<Diagnostic>(errors.begin(),
                                            errors.begin() + std::min<std::size_t>(errors.size(), 3))));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "services");
  CHECK(errors[0].line == line_exactly(file, "services:") + 1);  // the section's first entry
  CHECK_THAT(errors[0].message, Catch::Contains("30001 services") && Catch::Contains("30000"));
}

TEST_CASE("a time-series step below one minute is refused at its key") {
  const auto path = fixture("good/small.yaml");
  const auto errors = load_errors(path, {{"outputs.timeseries_every_hours", "1e-9"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "outputs.timeseries_every_hours");
  CHECK_THAT(errors[0].message, Catch::Contains("below the smallest"));
  CHECK(load_errors(path, {{"outputs.timeseries_every_hours", "0.0167"}}).empty());
}

TEST_CASE("time series that would not fit in memory are refused up front with their size") {
  const auto path = fixture("good/small.yaml");
  // 3,000 days every 0.02 hours: 3.6 M samples x 21 series x 100 replications x 8 bytes.
  const auto errors =
      load_errors(path, {{"outputs.timeseries_every_hours", "0.02"},
                         {"scenario.horizon_days", "3000"},
                         {"scenario.replications", "100"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "outputs.timeseries_every_hours");
  CHECK_THAT(errors[0].message, Catch::Contains("56.3 GiB") && Catch::Contains("21 series") &&
                                    Catch::Contains("100 replications"));
  // Hourly over the same run fits.
  CHECK(load_errors(path, {{"outputs.timeseries_every_hours", "1"},
                           {"scenario.horizon_days", "3000"},
                           {"scenario.replications", "100"}})
            .empty());
}

TEST_CASE("the series-size estimate counts the series a replication records") {
  auto loaded = load_scenario(fixture("good/small.yaml"));
  loaded.scenario.run.horizon_days = 1.0;
  const auto result = bedflow::model::simulate_replication(loaded.scenario, 1, 0);
  CHECK(result.series.size() == bedflow::model::series_count(loaded.scenario));
}
