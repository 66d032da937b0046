// A run killed part-way never leaves a file that looks complete at its target path.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow;
using namespace bedflow::test;

namespace {

bool has_partial_file(const std::string& directory) {
  for (const auto& name : files_in(directory)) {
    if (name.find(".partial") != std::string::npos) return true;
  }
  return false;
}

// Starts a long run, waits until its temporary output exists (the run is under way), then
// sends `signal_number`. Returns the directory it ran in.
std::string interrupt_a_run(const std::string& name, int signal_number, ChildResult& ended) {
  const auto directory = scratch_directory(name);
  const pid_t child = start_bedflow(
      {"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n", "2000", "-t", "1",
       "-o", "target.h5"},
      directory);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!has_partial_file(directory) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // well into the replications
  ::kill(child, signal_number);
  ended = wait_for(child, 60);
  return directory;
}

}  // namespace

TEST_CASE("SIGTERM mid-run removes the temporary file and writes no target") {
  ChildResult ended;
  const auto directory = interrupt_a_run("sigterm", SIGTERM, ended);
  REQUIRE_FALSE(ended.timed_out);
  REQUIRE(ended.signal == SIGTERM);
  REQUIRE_FALSE(fs::exists(directory + "/target.h5"));
  REQUIRE_FALSE(has_partial_file(directory));
}

TEST_CASE("SIGINT mid-run removes the temporary file and writes no target") {
  ChildResult ended;
  const auto directory = interrupt_a_run("sigint", SIGINT, ended);
  REQUIRE(ended.signal == SIGINT);
  REQUIRE_FALSE(fs::exists(directory + "/target.h5"));
  REQUIRE_FALSE(has_partial_file(directory));
}

TEST_CASE("SIGKILL mid-run leaves at most an unfinished temporary file, never the target") {
  ChildResult ended;
  const auto directory = interrupt_a_run("sigkill", SIGKILL, ended);
  REQUIRE(ended.signal == SIGKILL);
  REQUIRE_FALSE(fs::exists(directory + "/target.h5"));
  // Whatever was left cannot be mistaken for results: hidden, marked partial, and refused.
  for (const auto& name : files_in(directory)) {
    if (name == "stdout.txt" || name == "stderr.txt") continue;
    INFO(name);
    REQUIRE(name.front() == '.');
    REQUIRE(name.find(".partial") != std::string::npos);
    REQUIRE_THROWS_AS(results::read_results_file(directory + "/" + name), results::ResultsError);
  }
}

TEST_CASE("SIGHUP mid-run (a closed terminal) removes the temporary file like Ctrl-C") {
  ChildResult ended;
  const auto directory = interrupt_a_run("sighup", SIGHUP, ended);
  REQUIRE(ended.signal == SIGHUP);
  REQUIRE_FALSE(fs::exists(directory + "/target.h5"));
  REQUIRE_FALSE(has_partial_file(directory));
}

TEST_CASE("the next run removes a temporary file left by a killed run, and says so") {
  ChildResult ended;
  const auto directory = interrupt_a_run("sigkill_then_rerun", SIGKILL, ended);
  REQUIRE(ended.signal == SIGKILL);
  REQUIRE(has_partial_file(directory));
  const auto rerun = run_bedflow({"run", source_path("scenarios/analytic/mmc-acute-only.yaml"),
                                  "-n", "2", "-o", "target.h5"},
                                 directory);
  INFO(rerun.err);
  REQUIRE(rerun.exit_status == 0);
  REQUIRE_THAT(rerun.err, Catch::Contains("removed") && Catch::Contains(".partial") &&
                              Catch::Contains("no longer running"));
  REQUIRE_FALSE(has_partial_file(directory));
  REQUIRE(fs::exists(directory + "/target.h5"));
}
