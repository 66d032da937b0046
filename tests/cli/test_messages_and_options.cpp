// The command line as a user meets it: help and version, did-you-mean for commands and
// options, refusals with exit 2 that cite what the user typed, export's overwrite rule and
// sizing tables, size's default folder and progress, and what an interruption says.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

const std::string kSmall = source_path("tests/scenario/fixtures/good/small.yaml");
const std::string kLoss = source_path("scenarios/analytic/mgcc-virtual-ward-loss.yaml");

std::string text_of(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// A quick sizing of the virtual ward (short horizon, three replications, one thread).
std::vector<std::string> quick_size(std::vector<std::string> more) {
  std::vector<std::string> arguments{"size", kLoss, "--target", "admissions_emergency <= 2000",
                                     "-n", "3", "-t", "1", "--set", "scenario.horizon_days=120"};
  arguments.insert(arguments.end(), more.begin(), more.end());
  return arguments;
}

}  // namespace

TEST_CASE("bedflow --version names the version and the git commit") {
  const auto result = run_bedflow({"--version"});
  REQUIRE(result.exit_status == 0);
  CHECK_THAT(result.out, Catch::StartsWith("bedflow " BEDFLOW_TEST_VERSION " ("));
  CHECK_THAT(result.out, Catch::EndsWith(")\n"));
}

TEST_CASE("bedflow help COMMAND is COMMAND --help") {
  for (const char* command : {"run", "export"}) {
    INFO(command);
    const auto help = run_bedflow({"help", command});
    const auto direct = run_bedflow({command, "--help"});
    REQUIRE(help.exit_status == 0);
    CHECK(help.out == direct.out);
    CHECK_THAT(help.out, Catch::Contains(std::string("Usage: bedflow ") + command));
  }
  const auto unknown = run_bedflow({"help", "runn"});
  CHECK(unknown.exit_status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("did you mean 'run'?"));
}

TEST_CASE("a misspelt command or option gets a did-you-mean hint and exit 2") {
  const auto command = run_bedflow({"runn", kSmall});
  CHECK(command.exit_status == 2);
  CHECK_THAT(command.err, Catch::Contains("unknown command 'runn' (did you mean 'run'?)"));
  const auto other = run_bedflow({"expotr", "x.h5"});
  CHECK(other.exit_status == 2);
  CHECK_THAT(other.err, Catch::Contains("did you mean 'export'?"));

  const auto option = run_bedflow({"run", kSmall, "--replicatons", "3"});
  CHECK(option.exit_status == 2);
  CHECK_THAT(option.err, Catch::Contains("did you mean '--replications'?"));
  const auto with_value = run_bedflow({"compare", "a.h5", "b.h5", "--variant-c=1"});
  CHECK(with_value.exit_status == 2);
  CHECK_THAT(with_value.err, Catch::Contains("did you mean '--variant-a'?"));
  const auto far = run_bedflow({"run", kSmall, "--frobnicate"});
  CHECK(far.exit_status == 2);
  CHECK_THAT(far.err, !Catch::Contains("did you mean"));
}

TEST_CASE("a sweep that repeats a value is refused with exit 2 and writes nothing") {
  const auto directory = scratch_directory("sweep_repeat");
  const auto result = run_bedflow(
      {"run", kSmall, "--sweep", "services.acute.capacity=110,110", "-o", "out.h5"}, directory);
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("'110' is listed twice"));
  CHECK_FALSE(fs::exists(fs::path(directory) / "out.h5"));
  const auto other = run_bedflow(
      {"run", kSmall, "--sweep", "cohorts.adult.acute_los_days=2,3,2", "-o", "out.h5"}, directory);
  CHECK(other.exit_status == 2);
  CHECK_THAT(other.err, Catch::Contains("'2' is listed twice"));
}

TEST_CASE("size blames --vary, not --set, for a misspelt lever path") {
  const auto directory = scratch_directory("size_misspelt_lever");
  const auto result = run_bedflow(quick_size({"--vary", "services.virtual_wrd.capacity", "--range",
                                              "20:40", "-o", "out.h5"}),
                                  directory);
  CHECK(result.exit_status == 2);
  CHECK_THAT(result.err, Catch::Contains("--vary services.virtual_wrd.capacity"));
  CHECK_THAT(result.err, Catch::Contains("unknown service 'virtual_wrd'"));
  CHECK_THAT(result.err, Catch::Contains("did you mean 'virtual_ward'?"));
  CHECK_THAT(result.err, !Catch::Contains("--set services.virtual_wrd"));
}

TEST_CASE("size writes to results/ by default, shows points left, and its tables export") {
  const auto directory = scratch_directory("size_default_folder");
  const auto sized = run_bedflow(
      quick_size({"--vary", "services.virtual_ward.capacity", "--range", "10:40:10"}), directory);
  INFO(sized.err);
  REQUIRE(sized.exit_status == 0);
  const fs::path file = fs::path(directory) / "results" / "mgcc-virtual-ward-loss-sizing.h5";
  REQUIRE(fs::exists(file));
  // Four values: both ends and at most ceil(log2 3) = 2 middles, plus the scenario as given.
  CHECK_THAT(sized.err, Catch::Contains("point 1 of at most 5:"));
  CHECK_THAT(sized.err, Catch::Contains("left"));

  const auto exported = run_bedflow({"export", file.string(), "--csv", "csv"}, directory);
  INFO(exported.err);
  REQUIRE(exported.exit_status == 0);
  const std::string header = first_line(directory + "/csv/sizing.csv");
  CHECK_THAT(header, Catch::StartsWith("order,label,services.virtual_ward.capacity,replications,"));
  CHECK_THAT(text_of(directory + "/csv/sizing.csv"), Catch::Contains(",true"));
  CHECK(fs::exists(directory + "/csv/summary.csv"));
  CHECK_FALSE(fs::exists(directory + "/csv/sizing_frontier.csv"));  // one lever: no frontier

  const auto book = run_bedflow({"export", file.string(), "--xlsx", "sizing.xlsx"}, directory);
  CHECK(book.exit_status == 0);
  CHECK_THAT(book.out, Catch::Contains("Sizing"));
}

TEST_CASE("export refuses a folder that holds files unless --force, and leaves no mix") {
  const auto directory = scratch_directory("export_overwrite");
  const auto run = run_bedflow({"run", kSmall, "-n", "2", "-o", "a.h5"}, directory);
  REQUIRE(run.exit_status == 0);
  REQUIRE(run_bedflow({"export", "a.h5", "--csv", "out"}, directory).exit_status == 0);
  const auto before = text_of(directory + "/out/summary.csv");
  { std::ofstream(directory + "/out/notes.txt") << "mine\n"; }

  const auto again = run_bedflow({"export", "a.h5", "--csv", "out"}, directory);
  CHECK(again.exit_status == 2);
  CHECK_THAT(again.err, Catch::Contains("--force"));
  const auto forced = run_bedflow({"export", "a.h5", "--csv", "out", "--force"}, directory);
  CHECK(forced.exit_status == 0);
  CHECK(text_of(directory + "/out/summary.csv") == before);
  CHECK(text_of(directory + "/out/notes.txt") == "mine\n");  // only its own files replaced
  for (const auto& name : files_in(directory)) CHECK(name.find(".partial") == std::string::npos);

  // A file where the folder should be is refused too; an empty folder is fine.
  { std::ofstream(directory + "/plain") << "x\n"; }
  CHECK(run_bedflow({"export", "a.h5", "--csv", "plain"}, directory).exit_status == 2);
  fs::create_directories(directory + "/empty");
  CHECK(run_bedflow({"export", "a.h5", "--csv", "empty"}, directory).exit_status == 0);
  // The workbook keeps its rule: an existing one is refused without --force.
  REQUIRE(run_bedflow({"export", "a.h5", "--xlsx", "a.xlsx"}, directory).exit_status == 0);
  CHECK(run_bedflow({"export", "a.h5", "--xlsx", "a.xlsx"}, directory).exit_status == 2);
}

TEST_CASE("compare and export on a sweep name the real variant options") {
  const auto directory = scratch_directory("sweep_variant_options");
  REQUIRE(run_bedflow({"run", kSmall, "-n", "2", "--sweep", "services.acute.capacity=290,300",
                       "-o", "sweep.h5"},
                      directory)
              .exit_status == 0);
  const auto compare = run_bedflow({"compare", "sweep.h5", "sweep.h5"}, directory);
  CHECK(compare.exit_status == 2);
  CHECK_THAT(compare.err, Catch::Contains("--variant-a"));
  CHECK_THAT(compare.err, Catch::Contains("--variant-b"));
  const auto help = run_bedflow({"export", "--help"});
  CHECK_THAT(help.out, Catch::Contains("--variant-a"));
  CHECK_THAT(help.out, Catch::Contains("--variant-b"));
  const auto book = run_bedflow({"export", "sweep.h5", "sweep.h5", "--xlsx", "s.xlsx"}, directory);
  CHECK(book.exit_status == 2);
  CHECK_THAT(book.err, Catch::Contains("--variant-a"));
}

TEST_CASE("Ctrl-C says which unfinished file it removed and that the target was not written") {
  const auto directory = scratch_directory("interrupt_note");
  { std::ofstream(directory + "/kept.h5") << "an earlier file\n"; }
  const pid_t child = start_bedflow({"run", source_path("scenarios/kent-medway/baseline.yaml"),
                                     "-n", "2000", "-t", "1", "-o", "kept.h5", "--force"},
                                    directory);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto has_partial = [&] {
    for (const auto& name : files_in(directory))
      if (name.find(".partial") != std::string::npos) return true;
    return false;
  };
  while (!has_partial() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(child, SIGINT);
  const auto ended = wait_for(child, 60);
  REQUIRE(ended.signal == SIGINT);
  const auto err = text_of(directory + "/stderr.txt");
  CHECK_THAT(err, Catch::Contains("interrupted: removed the unfinished"));
  CHECK_THAT(err, Catch::Contains("kept.h5 was not written"));
  CHECK_THAT(err, Catch::Contains("is kept as it was"));
  CHECK(text_of(directory + "/kept.h5") == "an earlier file\n");
  CHECK_FALSE(has_partial());
}

TEST_CASE("whole-number options refuse zero or negative values instead of wrapping them") {
  for (const char* points : {"0", "-1", "1"}) {
    INFO(points);
    const auto report = run_bedflow({"report", "missing.h5", "--max-points", points});
    CHECK(report.exit_status == 2);
    CHECK_THAT(report.err, Catch::Contains("--max-points must be between 2 and"));
  }
  const std::vector<std::vector<std::string>> size_options{
      {"--threads", "-1"}, {"--replications", "-1"}, {"--seed", "-5"}};
  for (const auto& option : size_options) {
    INFO(option[0] << " " << option[1]);
    std::vector<std::string> arguments{"size", kLoss, "--target", "admissions_emergency <= 2000",
                                       "--vary", "services.virtual_ward.capacity", "--range",
                                       "10:40"};
    arguments.insert(arguments.end(), option.begin(), option.end());
    const auto size = run_bedflow(arguments);
    CHECK(size.exit_status == 2);
    CHECK_THAT(size.err, Catch::Contains(option[0]));
  }
}
