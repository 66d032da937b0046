// What the command line says of values at their edges: unlimited capacity read back by
// export and compare without stand-in numbers, a destination that never opens, and a
// gridlock, each reported on stderr by validate or run (which still succeed).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"

using namespace bedflow::test;

TEST_CASE("unlimited acute beds: no occupancy share and no capacity series in any reader") {
  const auto directory = scratch_directory("unlimited");
  const auto path = directory + "/unlimited.h5";
  const auto run = run_bedflow({"run", small_scenario(), "-n", "2", "-t", "1", "-o", path, "--set",
                                "services.acute.capacity=unlimited", "--set",
                                "scenario.horizon_days=20"});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  REQUIRE(run_bedflow({"export", path, "--csv", directory + "/csv"}).exit_status == 0);
  REQUIRE(run_bedflow({"export", path, "--xlsx", directory + "/book.xlsx"}).exit_status == 0);
  const auto compare = run_bedflow({"compare", path, path});
  REQUIRE(compare.exit_status == 0);
  for (const std::string& text : {read_text(directory + "/csv/summary.csv"),
                                  read_text(directory + "/csv/statistics.csv"),
                                  read_text(directory + "/csv/timeseries.csv"), compare.out}) {
    CHECK(text.find("acute_occupancy_share") == std::string::npos);
    CHECK(text.find(",acute,capacity,") == std::string::npos);
    CHECK(text.find("e+18") == std::string::npos);
    CHECK(text.find("1152921504606846") == std::string::npos);  // the internal stand-in
  }
  // The limited services keep their capacity series.
  CHECK(read_text(directory + "/csv/timeseries.csv").find(",reablement,capacity,") !=
        std::string::npos);
}

TEST_CASE("a capacity unlimited on some dates only: empty CSV cells there, numbers elsewhere") {
  const auto directory = scratch_directory("unlimited_some_dates");
  const auto path = directory + "/some.h5";
  const auto run = run_bedflow({"run", small_scenario(), "-n", "2", "-t", "1", "-o", path, "--set",
                                "services.reablement.capacity={ base: 60, changes: [[2026-01-08, "
                                "unlimited], [2026-01-10, 70]] }",
                                "--set", "scenario.horizon_days=12"});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  REQUIRE(run_bedflow({"export", path, "--csv", directory + "/csv"}).exit_status == 0);
  const std::string series = read_text(directory + "/csv/timeseries.csv");
  CHECK(series.find("e+18") == std::string::npos);
  CHECK(series.find("nan") == std::string::npos);
  // Each reablement capacity row of replication 0 in date order: 60 for three days, then no
  // value for two, then 70.
  std::istringstream lines(series);
  std::string line;
  std::vector<std::string> values;
  while (std::getline(lines, line)) {
    if (line.find(",reablement,capacity,") == std::string::npos) continue;
    values.push_back(line.substr(line.rfind(',') + 1));
  }
  REQUIRE(values.size() >= 12);
  CHECK(values[2] == "60");
  CHECK(values[3].empty());
  CHECK(values[4].empty());
  CHECK(values[5] == "70");
}

TEST_CASE("validate and run warn of a destination that never opens, and still succeed") {
  const auto directory = scratch_directory("closed_destination");
  for (const char* command : {"validate", "run"}) {
    std::vector<std::string> arguments = {command, small_scenario(), "--set",
                                          "services.intermediate_care.capacity=0"};
    if (std::string(command) == "run") {
      for (const char* extra : {"-n", "1", "-t", "1", "-o", "closed.h5", "--set",
                                "scenario.horizon_days=10"})
        arguments.emplace_back(extra);
    }
    const auto result = run_bedflow(arguments, directory);
    INFO(command << ": " << result.err);
    CHECK(result.exit_status == 0);
    CHECK(result.err.find("WARNING: services.intermediate_care.capacity: 'intermediate_care' has "
                          "no places for the whole run, but discharge pathway P2") !=
          std::string::npos);
  }
}

TEST_CASE("run reports a gridlock with its services and day") {
  const auto directory = scratch_directory("gridlock");
  std::ofstream(directory + "/gridlock.yaml") << R"(schema: 1
scenario: { name: gridlock, start: 2026-01-05, horizon_days: 120, replications: 2 }
cohorts:
  general:
    acute_los_days: { exponential: { mean: 2 } }
    discharge_pathway: { P1: 0.5, P2: 0.5 }
arrivals:
  emergency: { rate_per_day: 40, cohort_mix: { general: 1.0 } }
services:
  acute: { kind: acute, capacity: 200 }
  ward_a:
    kind: beds
    capacity: 2
    los_days: { exponential: { mean: 3 } }
    then: { ward_b: 0.5, home: 0.5 }
  ward_b:
    kind: beds
    capacity: 2
    los_days: { exponential: { mean: 3 } }
    then: { ward_a: 0.5, home: 0.5 }
discharge_pathways:
  P1: { to: ward_a }
  P2: { to: ward_b }
)";
  const auto result = run_bedflow({"run", "gridlock.yaml", "-t", "1"}, directory);
  INFO(result.err);
  CHECK(result.exit_status == 0);
  CHECK(result.err.find("WARNING: replication ") != std::string::npos);
  CHECK(result.err.find("gridlock from day ") != std::string::npos);
  CHECK(result.err.find("'ward_a', 'ward_b' are full") != std::string::npos);
  CHECK(result.err.find("of 2 replications)") != std::string::npos);
}

TEST_CASE("the time series' memory is bounded with the replications -n asks for") {
  const auto directory = scratch_directory("series_memory_n");
  // Every 0.02 hours over 60 days: 72,001 samples x ~20 series x 8 bytes, about 11 MiB a
  // replication: fine for the scenario's 2, above the 4 GiB limit for 1,000.
  const auto refused = run_bedflow({"run", small_scenario(), "-n", "1000", "-o", "big.h5",
                                    "--set", "outputs.timeseries_every_hours=0.02"},
                                   directory);
  INFO(refused.err);
  CHECK(refused.exit_status == 2);
  CHECK_THAT(refused.err, Catch::Contains("outputs.timeseries_every_hours") &&
                              Catch::Contains("1000 replications"));
  CHECK_FALSE(std::filesystem::exists(directory + "/big.h5"));
}

namespace {

// `run --OPTION=value` and `validate --set FIELD=value` both refuse `value` (exit 2) in the
// same words: "OPTION: RULE'value'" and "FIELD: RULE'value'".
void check_refused_alike(const std::string& directory, const std::string& option,
                         const std::string& field, const std::string& value,
                         const std::string& rule) {
  INFO(option << " and " << field << " = " << value);
  const auto by_option =
      run_bedflow({"run", small_scenario(), "-o", directory + "/x.h5", option + "=" + value});
  CHECK(by_option.exit_status == 2);
  CHECK_THAT(by_option.err, Catch::Contains(option + ": " + rule + "'" + value + "'"));
  const auto by_field = run_bedflow({"validate", small_scenario(), "--set", field + "=" + value});
  CHECK(by_field.exit_status == 2);
  CHECK_THAT(by_field.err, Catch::Contains(field + ": " + rule + "'" + value + "'"));
}

}  // namespace

TEST_CASE("run's --seed and scenario.seed take the same range, with the same words") {
  const auto directory = scratch_directory("seed_range");
  // The largest seed the random streams take (2^64 - 1) runs, from either place.
  const auto largest = run_bedflow({"run", small_scenario(), "-n", "2", "-t", "1", "-o",
                                    directory + "/largest.h5", "--seed",
                                    "18446744073709551615"});
  INFO(largest.err);
  REQUIRE(largest.exit_status == 0);
  CHECK_THAT(largest.out, Catch::Contains("seed 18446744073709551615"));
  CHECK(run_bedflow({"validate", small_scenario(), "--set", "scenario.seed=18446744073709551615"})
            .exit_status == 0);

  const std::string rule = "expected a whole number from 0 to 18446744073709551615, found ";
  for (const std::string seed : {"18446744073709551616", "-1", "7.5", "seven"}) {
    check_refused_alike(directory, "--seed", "scenario.seed", seed, rule);
  }
  CHECK(files_in(directory) == std::vector<std::string>{"largest.h5"});
}

TEST_CASE("run's -n and scenario.replications take the same range, with the same words") {
  const auto directory = scratch_directory("replications_range");
  const std::string rule = "expected a whole number of replications from 1 to 100000, found ";
  for (const std::string count : {"100001", "1000001", "0", "2.5"}) {
    check_refused_alike(directory, "--replications", "scenario.replications", count, rule);
  }
  // The cap of precision mode is a count of replications too.
  const auto cap = run_bedflow({"run", small_scenario(), "-o", directory + "/x.h5", "--precision",
                                "0.1", "--max-replications=1000001"});
  CHECK(cap.exit_status == 2);
  CHECK_THAT(cap.err, Catch::Contains("--max-replications: expected a whole number of "
                                      "replications from 2 to 100000, found '1000001'"));
  CHECK(files_in(directory).empty());
}

TEST_CASE("one replication of one day is said in the singular") {
  const auto directory = scratch_directory("singular_counts");
  const auto valid = run_bedflow({"validate", small_scenario(), "--set", "scenario.horizon_days=1",
                                  "--set", "scenario.replications=1"});
  INFO(valid.out << valid.err);
  REQUIRE(valid.exit_status == 0);
  CHECK_THAT(valid.out, Catch::Contains("; 1 day (0 warm-up), 1 replication, seed"));
  const auto run = run_bedflow({"run", small_scenario(), "--set", "scenario.horizon_days=1",
                                "--set", "scenario.warmup_days=0", "-n", "1", "-o",
                                directory + "/one.h5"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_status == 0);
  CHECK_THAT(run.out, Catch::Contains("\n1 replication, seed"));
  CHECK_THAT(run.out, Catch::Contains(" (1 day)."));
  CHECK(run.out.find("1 replications") == std::string::npos);
}
