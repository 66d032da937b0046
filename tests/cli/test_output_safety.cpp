// Writing when the disk is full, and sweep labels that look like paths.
//
// A full disk is imitated without root or a small filesystem: RLIMIT_FSIZE (bash's
// `ulimit -f`, in KiB) with SIGXFSZ ignored makes every write past the limit fail with EFBIG,
// exactly as ENOSPC would, and the process must handle the failed write itself.
#include <catch2/catch.hpp>

#include <filesystem>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {


// Runs bedflow with files limited to `kib` KiB, SIGXFSZ ignored.
ChildResult run_on_full_disk(const std::vector<std::string>& arguments, int kib,
                             const std::string& directory) {
  std::string command("ulimit -f ");
  command.append(std::to_string(kib)).append(" && trap '' XFSZ && exec \"$0\"");
  for (std::size_t k = 0; k < arguments.size(); ++k) {
    command.append(" \"$").append(std::to_string(k + 1)).append("\"");
  }
  std::vector<std::string> shell_arguments{"-c", command, bedflow_binary()};
  shell_arguments.insert(shell_arguments.end(), arguments.begin(), arguments.end());
  return run_program("/bin/bash", shell_arguments, directory);
}

// The failed write ended the process normally with exit 1, said so, and left nothing.
void require_clean_failure(const ChildResult& result, const std::string& directory,
                           const std::vector<std::string>& kept) {
  INFO(result.err);
  REQUIRE_FALSE(result.timed_out);
  REQUIRE(result.signal == 0);
  REQUIRE(result.exit_status == 1);
  REQUIRE_THAT(result.err, Catch::Contains("error"));
  REQUIRE(files_in(directory) == kept);
}

}  // namespace

TEST_CASE("a results file that does not fit on the disk: exit 1, a message, no file") {
  const auto directory = scratch_directory("full_disk_run");
  const auto result = run_on_full_disk({"run", small_scenario(), "-n", "2", "-o", "out.h5"}, 8,
                                       directory);
  require_clean_failure(result, directory, {});
}

TEST_CASE("the patient log (--events) that does not fit: exit 1, a message, no file") {
  const auto directory = scratch_directory("full_disk_events");
  // Room for the results without the log (about 125 KiB), not with it (about 375 KiB).
  REQUIRE(run_on_full_disk({"run", small_scenario(), "-n", "2", "-o", "plain.h5"}, 200,
                           directory)
              .exit_status == 0);
  const auto result = run_on_full_disk(
      {"run", small_scenario(), "-n", "2", "--events", "-o", "out.h5"}, 200, directory);
  require_clean_failure(result, directory, {"plain.h5"});
}

TEST_CASE("export and report on a full disk: exit 1, a message, no partial output") {
  const auto directory = scratch_directory("full_disk_export");
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-o", "a.h5"}, directory)
              .exit_status == 0);
  SECTION("CSV") {
    const auto result = run_on_full_disk({"export", "a.h5", "--csv", "csv"}, 8, directory);
    INFO(result.err);
    REQUIRE(result.signal == 0);
    REQUIRE(result.exit_status == 1);
    // The files are written in a hidden folder moved into place at the end: on failure
    // neither the folder nor its hidden partial twin is left.
    REQUIRE_FALSE(fs::exists(directory + "/csv"));
    for (const auto& name : files_in(directory)) {
      INFO(name);
      REQUIRE(name.find(".partial") == std::string::npos);
    }
  }
  SECTION("workbook") {
    const auto result =
        run_on_full_disk({"export", "a.h5", "--xlsx", "book.xlsx"}, 4, directory);
    require_clean_failure(result, directory, {"a.h5"});
  }
  SECTION("HTML report") {
    const auto result = run_on_full_disk({"report", "a.h5", "-o", "page.html"}, 64, directory);
    require_clean_failure(result, directory, {"a.h5"});
  }
}

TEST_CASE("sweep labels '..' and '.' never lead an export outside its folder") {
  const auto directory = scratch_directory("label_paths");
  const auto run = run_bedflow({"run", small_scenario(), "-n", "2", "-o", "sweep.h5", "--sweep",
                                "scenario.description=..,.,../escape,/tmp/x"},
                               directory);
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  fs::create_directories(directory + "/dir");
  const auto csv = run_bedflow({"export", "sweep.h5", "--csv", "dir/inner"}, directory);
  INFO(csv.err);
  REQUIRE(csv.exit_status == 0);
  REQUIRE(files_in(directory + "/dir") == std::vector<std::string>{"inner"});
  REQUIRE(files_in(directory + "/dir/inner") ==
          std::vector<std::string>{"statistics.csv", "summary.csv", "timeseries.csv"});
  REQUIRE(files_in(directory) == std::vector<std::string>{"dir", "sweep.h5"});
  // The workbook of the same sweep: labels name sheets' rows, never files.
  const auto book = run_bedflow({"export", "sweep.h5", "--xlsx", "dir/book.xlsx"}, directory);
  INFO(book.err);
  REQUIRE(book.exit_status == 0);
  REQUIRE(files_in(directory + "/dir") == std::vector<std::string>{"book.xlsx", "inner"});
}
