// `bedflow-mpi` under mpirun: with 1, 2 and 3 ranks (oversubscribed on a 2-core machine) the
// results file holds the same datasets, byte for byte, as a single `bedflow` process writes
// with the same seed; a rank killed mid-run leaves no file that looks complete.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iterator>
#include <thread>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

const std::string kPython = "/usr/bin/python3";

std::string mpi_binary() { return std::string(BEDFLOW_BINARY_DIR) + "/mpi/bedflow-mpi"; }

std::vector<std::string> mpirun_arguments(int ranks, const std::vector<std::string>& command) {
  std::vector<std::string> arguments{"--oversubscribe", "--allow-run-as-root", "-np",
                                     std::to_string(ranks), mpi_binary()};
  arguments.insert(arguments.end(), command.begin(), command.end());
  return arguments;
}

ChildResult run_mpi(int ranks, const std::vector<std::string>& command) {
  return run_program(BEDFLOW_MPIRUN, mpirun_arguments(ranks, command), "", 600);
}

// The differences same_datasets.py finds (empty output and exit 0 when there are none).
ChildResult compare_datasets(const std::string& a, const std::string& b) {
  return run_program(kPython, {source_path("tests/mpi/same_datasets.py"), a, b});
}

// Runs `command` (with "-o <file>" appended) in one `bedflow` process and under mpirun with
// 1, 2 and 3 ranks, and requires every MPI file to match the single process's.
void require_same_files_for_any_rank_count(const std::string& name,
                                           const std::vector<std::string>& command) {
  const auto directory = scratch_directory(name);
  auto with_output = [&](const std::string& file) {
    auto arguments = command;
    arguments.insert(arguments.end(), {"-o", directory + "/" + file});
    return arguments;
  };
  const auto single = run_bedflow(with_output("single.h5"), "", 600);
  INFO(single.err);
  REQUIRE(single.exit_status == 0);
  for (int ranks : {1, 2, 3}) {
    const std::string file = "ranks" + std::to_string(ranks) + ".h5";
    const auto run = run_mpi(ranks, with_output(file));
    INFO("ranks " << ranks << "\n" << run.out << run.err);
    REQUIRE(run.exit_status == 0);
    if (ranks > 1) {  // run says it on stdout, size on stderr
      REQUIRE((run.out + run.err).find(std::to_string(ranks) + " MPI ranks") != std::string::npos);
    }
    const auto same = compare_datasets(directory + "/single.h5", directory + "/" + file);
    INFO(same.out << same.err);
    REQUIRE(same.exit_status == 0);
    REQUIRE(same.out.empty());
  }
}

bool has_file_containing(const std::string& directory, const std::string& part) {
  for (const auto& name : files_in(directory)) {
    if (name.find(part) != std::string::npos) return true;
  }
  return false;
}

// The pid of the process started by mpirun with OMPI_COMM_WORLD_RANK=`rank`, or 0.
// The parent of process `pid` (field 4 of /proc/<pid>/stat), or 0 when it is gone.
pid_t parent_of(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const auto close = line.rfind(')');  // the command name may hold spaces and parentheses
  if (close == std::string::npos) return 0;
  std::istringstream fields(line.substr(close + 1));
  std::string state;
  pid_t parent = 0;
  fields >> state >> parent;
  return parent;
}

// True when `ancestor` started `pid`, directly or through its children (mpirun's daemon).
bool descends_from(pid_t pid, pid_t ancestor) {
  for (int depth = 0; depth < 16 && pid > 1; ++depth) {
    pid = parent_of(pid);
    if (pid == ancestor) return true;
  }
  return false;
}

// The pid of rank `rank` of the job `mpirun` started (never another test's job that runs at
// the same time), or 0.
pid_t pid_of_rank(int rank, pid_t mpirun) {
  const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (!descends_from(std::stoi(name), mpirun)) continue;
    std::ifstream comm(entry.path() / "comm");
    std::string command;
    std::getline(comm, command);
    if (command != "bedflow-mpi") continue;
    std::ifstream environ(entry.path() / "environ", std::ios::binary);
    std::string variables;
    std::getline(environ, variables, '\x01');  // the whole block: NUL-separated, no 0x01
    std::size_t start = 0;
    while (start < variables.size()) {
      const auto end = variables.find('\0', start);
      if (variables.compare(start, end - start, wanted) == 0) return std::stoi(name);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("the comparison finds a difference when there is one (different seeds)") {
  const auto directory = scratch_directory("mpi_differ");
  const auto scenario = source_path("scenarios/analytic/mmc-acute-only.yaml");
  for (const std::string seed : {"1", "2"}) {
    REQUIRE(run_bedflow({"run", scenario, "-n", "2", "-t", "1", "--seed", seed, "-o",
                         directory + "/seed" + seed + ".h5"})
                .exit_status == 0);
  }
  const auto same = compare_datasets(directory + "/seed1.h5", directory + "/seed2.h5");
  REQUIRE(same.exit_status == 1);
  REQUIRE(same.out.find("dataset differs") != std::string::npos);
}

TEST_CASE("run: Kent and Medway baseline, same datasets on 1, 2 and 3 ranks") {
  require_same_files_for_any_rank_count(
      "mpi_baseline", {"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n", "5",
                       "-t", "1", "--seed", "17"});
}

TEST_CASE("run: a sweep with the patient log and precision mode, same datasets on any ranks") {
  require_same_files_for_any_rank_count(
      "mpi_sweep_events",
      {"run", source_path("scenarios/analytic/mmc-acute-only.yaml"), "--sweep",
       "services.acute.capacity=105,115", "--set", "scenario.horizon_days=120", "--events",
       "--precision", "0.02", "--max-replications", "9", "-n", "2", "-t", "2", "--seed", "5"});
}

TEST_CASE("size: the sizing record is the same on 1, 2 and 3 ranks") {
  require_same_files_for_any_rank_count(
      "mpi_size",
      {"size", source_path("scenarios/analytic/mgcc-virtual-ward-loss.yaml"), "--vary",
       "services.virtual_ward.capacity", "--range", "20:60:20", "--target",
       "admissions_emergency <= 200", "-n", "3", "-t", "1", "--seed", "9"});
}

TEST_CASE("export --xlsx under mpirun writes the workbook and ends the job cleanly") {
  // Rank 0 runs the workbook writer and waits for it, so MPI is still ended by bedflow-mpi
  // itself: mpirun fails a job whose rank exits without doing so.
  const auto directory = scratch_directory("mpi_workbook");
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-o", directory + "/a.h5"})
              .exit_status == 0);
  for (int ranks : {1, 2}) {
    const std::string book = directory + "/ranks" + std::to_string(ranks) + ".xlsx";
    const auto exported = run_mpi(ranks, {"export", directory + "/a.h5", "--xlsx", book});
    INFO("ranks " << ranks << "\n" << exported.out << exported.err);
    CHECK(exported.exit_status == 0);
    CHECK(fs::exists(book));
  }
}

TEST_CASE("a rank killed mid-run ends the job with no results file and no temporary file") {
  const auto directory = scratch_directory("mpi_killed");
  const pid_t mpirun = start_program(
      BEDFLOW_MPIRUN,
      mpirun_arguments(2, {"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n",
                           "2000", "-t", "1", "-o", "target.h5"}),
      directory);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  pid_t worker = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    worker = pid_of_rank(1, mpirun);
    if (worker != 0 && has_file_containing(directory, ".partial")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(worker != 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // well into the replications
  ::kill(worker, SIGKILL);
  const auto ended = wait_for(mpirun, 120);
  REQUIRE_FALSE(ended.timed_out);
  REQUIRE((ended.exit_status != 0 || ended.signal != 0));
  REQUIRE_FALSE(fs::exists(directory + "/target.h5"));
  REQUIRE_FALSE(has_file_containing(directory, ".partial"));
}
