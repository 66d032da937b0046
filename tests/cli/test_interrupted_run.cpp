// A run killed part-way never leaves a file that looks complete at its target path.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
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

// Starts bedflow with `arguments` in `directory`, waits until its temporary output exists
// (the command is under way) and `then` more, and sends `signal_number`.
ChildResult interrupt(const std::vector<std::string>& arguments, const std::string& directory,
                      int signal_number, std::chrono::milliseconds then) {
  const pid_t child = start_bedflow(arguments, directory);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!has_partial_file(directory) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(then);
  ::kill(child, signal_number);
  return wait_for(child, 60);
}

// A long run, interrupted well into its replications. Returns the directory it ran in.
std::string interrupt_a_run(const std::string& name, int signal_number, ChildResult& ended) {
  const auto directory = scratch_directory(name);
  ended = interrupt({"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n", "2000",
                     "-t", "1", "-o", "target.h5"},
                    directory, signal_number, std::chrono::milliseconds(300));
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

namespace {

// Starts `export --csv` of a results file with many time-series rows, waits until its hidden
// folder exists, then sends `signal_number`. Returns the directory it ran in.
std::string interrupt_an_export(const std::string& name, int signal_number, ChildResult& ended) {
  const auto directory = scratch_directory(name);
  const auto run = run_bedflow({"run", small_scenario(), "-n", "6", "-t", "1", "-o", "many.h5",
                                "--set", "scenario.horizon_days=100", "--set",
                                "outputs.timeseries_every_hours=1"},
                               directory);
  REQUIRE(run.exit_status == 0);
  ended = interrupt({"export", "many.h5", "--csv", "tables"}, directory, signal_number,
                    std::chrono::milliseconds(0));
  return directory;
}

}  // namespace

TEST_CASE("Ctrl-C during export --csv removes the hidden folder and creates no target") {
  ChildResult ended;
  const auto directory = interrupt_an_export("export_sigint", SIGINT, ended);
  REQUIRE_FALSE(ended.timed_out);
  // Either the signal came while the folder was being written (then it is gone and the
  // export says so), or the export had already finished moving its files in.
  if (ended.signal == SIGINT) {
    CHECK_THAT(read_text(directory + "/stderr.txt"),
               Catch::Contains("interrupted: removed the unfinished"));
    CHECK_FALSE(fs::exists(directory + "/tables/timeseries.csv"));
  } else {
    WARN("the export finished before the signal arrived");
  }
  REQUIRE_FALSE(has_partial_file(directory));
}

TEST_CASE("the next export removes the hidden folder of an export that was killed, and says so") {
  ChildResult ended;
  const auto directory = interrupt_an_export("export_sigkill", SIGKILL, ended);
  REQUIRE(ended.signal == SIGKILL);
  REQUIRE(has_partial_file(directory));
  const auto again = run_bedflow({"export", "many.h5", "--csv", "tables", "--force"}, directory);
  INFO(again.err);
  REQUIRE(again.exit_status == 0);
  CHECK_THAT(again.err, Catch::Contains("removed") && Catch::Contains(".tables.") &&
                            Catch::Contains("no longer running"));
  REQUIRE_FALSE(has_partial_file(directory));
  CHECK(fs::exists(directory + "/tables/timeseries.csv"));
}

TEST_CASE("the next run removes the patient log's spool left by a killed run") {
  const auto directory = scratch_directory("stale_scratch");
  // As a run killed while writing its patient log leaves it, named for a process that is
  // gone (a child that has finished).
  const pid_t gone = start_bedflow({"--version"}, directory);
  REQUIRE(wait_for(gone, 60).exit_status == 0);
  const std::string stale = directory + "/.target.h5." + std::to_string(gone) + ".partial.scratch";
  std::ofstream(stale) << "spool";
  const auto rerun = run_bedflow({"run", source_path("scenarios/analytic/mmc-acute-only.yaml"),
                                  "-n", "2", "-o", "target.h5"},
                                 directory);
  INFO(rerun.err);
  REQUIRE(rerun.exit_status == 0);
  CHECK_THAT(rerun.err, Catch::Contains("removed") && Catch::Contains(".partial.scratch"));
  CHECK_FALSE(fs::exists(stale));
}
