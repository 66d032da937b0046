// Every bad scenario fixture is refused by validate and by run: exit 2, the file named on
// stderr, and no output file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

std::vector<fs::path> bad_fixtures() {
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(source_path("tests/scenario/fixtures/bad"))) {
    if (entry.path().extension() == ".yaml") fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  return fixtures;
}

}  // namespace

TEST_CASE("a good scenario validates") {
  const auto result = run_bedflow({"validate", source_path("tests/scenario/fixtures/good/small.yaml")});
  REQUIRE(result.exit_status == 0);
  REQUIRE(result.out.find("valid") != std::string::npos);
  REQUIRE(result.err.empty());
}

TEST_CASE("every bad fixture is refused by validate and run, naming the file, writing nothing") {
  const auto fixtures = bad_fixtures();
  REQUIRE(fixtures.size() >= 5);  // the fixtures directory is there and populated
  const auto directory = scratch_directory("bad_input");
  for (const auto& fixture : fixtures) {
    INFO(fixture.filename().string());
    // A fixture may locate its error in a file it refers to (e.g. its census CSV), which
    // shares its stem.
    const std::string stem = fixture.stem().string();
    const auto validate = run_bedflow({"validate", fixture.string()});
    INFO("validate stderr: " << validate.err);
    REQUIRE(validate.signal == 0);
    REQUIRE_FALSE(validate.timed_out);
    REQUIRE(validate.exit_status == 2);
    REQUIRE(validate.err.find(stem) != std::string::npos);

    const auto run = run_bedflow({"run", fixture.string(), "-o", "out.h5", "-n", "2"}, directory);
    INFO("run stderr: " << run.err);
    REQUIRE(run.signal == 0);
    REQUIRE_FALSE(run.timed_out);
    REQUIRE(run.exit_status == 2);
    REQUIRE(run.err.find(stem) != std::string::npos);
    REQUIRE(files_in(directory).empty());
  }
}

TEST_CASE("a missing scenario file and a malformed override are refused") {
  const auto directory = scratch_directory("bad_paths");
  const auto missing = run_bedflow({"run", "no-such-scenario.yaml", "-o", "out.h5"}, directory);
  REQUIRE(missing.exit_status == 2);
  REQUIRE(missing.err.find("no-such-scenario.yaml") != std::string::npos);
  const auto good = source_path("tests/scenario/fixtures/good/small.yaml");
  const auto override = run_bedflow({"run", good, "-o", "out.h5", "--set", "no-equals-sign"}, directory);
  REQUIRE(override.exit_status == 2);
  const auto wrong_type =
      run_bedflow({"validate", good, "--set", "scenario.horizon_days=[1, 2]"}, directory);
  REQUIRE(wrong_type.exit_status == 2);
  REQUIRE(wrong_type.err.find("horizon_days") != std::string::npos);
  REQUIRE(files_in(directory).empty());
}

TEST_CASE("run, validate and size refuse --set with nothing after '=', naming the key") {
  const auto directory = scratch_directory("empty_override");
  const auto good = source_path("tests/scenario/fixtures/good/small.yaml");
  const std::vector<std::vector<std::string>> commands{
      {"run", good, "-o", "out.h5", "--set", "scenario.seed="},
      {"validate", good, "--set", "scenario.seed="},
      {"size", good, "--vary", "services.acute.capacity", "--range", "300:310", "--target",
       "acute_occupancy_share <= 92%", "-o", "out.h5", "--set", "scenario.seed="}};
  for (const auto& command : commands) {
    INFO(command.front());
    const auto result = run_bedflow(command, directory);
    CHECK(result.exit_status == 2);
    CHECK_THAT(result.err, Catch::Contains("--set scenario.seed=: a value is needed after '='"));
  }
  CHECK(files_in(directory).empty());
}

TEST_CASE("compare and export refuse files that are not finished bedflow results") {
  const auto directory = scratch_directory("bad_results");
  const auto not_hdf5 = (fs::path(directory) / "not.h5").string();
  { std::ofstream(not_hdf5) << "plain text\n"; }
  const auto compare = run_bedflow({"compare", not_hdf5, not_hdf5});
  REQUIRE(compare.exit_status == 2);
  REQUIRE(compare.err.find("not.h5") != std::string::npos);
  const auto export_result = run_bedflow({"export", "missing.h5", "--csv", directory});
  REQUIRE(export_result.exit_status == 2);
  REQUIRE(export_result.err.find("missing.h5") != std::string::npos);
}
