// `bedflow export --xlsx`: the workbook read back with openpyxl (check_workbook.py, run with
// Debian's python3-openpyxl and python3-h5py) and checked cell by cell against the results
// files; and what export refuses, leaving no file behind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {


// Runs the openpyxl read-back on `book` against the results files it came from.
void require_workbook_reads_back(const std::string& book, const std::vector<std::string>& files) {
  std::vector<std::string> arguments{source_path("tests/cli/check_workbook.py"), book};
  arguments.insert(arguments.end(), files.begin(), files.end());
  const auto checked = run_program("/usr/bin/python3", arguments, "", 300);
  INFO(checked.out << checked.err);
  REQUIRE(checked.exit_status == 0);
}

}  // namespace

TEST_CASE("export --xlsx writes a workbook whose cells equal the results file's figures") {
  const auto directory = scratch_directory("workbook_one");
  const auto results = directory + "/base.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "3", "-o", results}).exit_status == 0);
  const auto book = directory + "/base.xlsx";
  const auto written = run_bedflow({"export", results, "--xlsx", book});
  INFO(written.err);
  REQUIRE(written.exit_status == 0);
  REQUIRE(written.out.find("Summary") != std::string::npos);
  require_workbook_reads_back(book, {results});

  // An existing workbook is kept unless --force.
  const auto size = fs::file_size(book);
  { std::ofstream(book, std::ios::app) << "x"; }
  const auto refused = run_bedflow({"export", results, "--xlsx", book});
  REQUIRE(refused.exit_status == 2);
  REQUIRE(refused.err.find("--force") != std::string::npos);
  REQUIRE(fs::file_size(book) == size + 1);
  REQUIRE(run_bedflow({"export", results, "--xlsx", book, "--force"}).exit_status == 0);
  require_workbook_reads_back(book, {results});
  REQUIRE(files_in(directory) == std::vector<std::string>{"base.h5", "base.xlsx"});
}

TEST_CASE("export --xlsx of two files adds the comparison, the first file the baseline") {
  // Two shipped scenarios with costs and the same seed: a paired comparison with money in it,
  // over the first 3 replications of each (the second file has 4, and the sheet says so).
  const auto directory = scratch_directory("workbook_two");
  const auto a = directory + "/baseline.h5";
  const auto b = directory + "/reablement.h5";
  REQUIRE(run_bedflow({"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n", "3",
                       "-o", a}, "", 300)
              .exit_status == 0);
  REQUIRE(run_bedflow({"run", source_path("scenarios/kent-medway/reablement-investment.yaml"),
                       "-n", "4", "-o", b}, "", 300)
              .exit_status == 0);
  const auto book = directory + "/compare.xlsx";
  const auto written = run_bedflow({"export", a, b, "--xlsx", book});
  INFO(written.err);
  REQUIRE(written.exit_status == 0);
  REQUIRE(written.out.find("Comparison") != std::string::npos);
  require_workbook_reads_back(book, {a, b});
}

TEST_CASE("export --xlsx of several acute trusts carries their ED waits by month") {
  // The small scenario (2026-01-05, 60 days: January to March) with a second, overloaded
  // acute trust whose name ends in digits, and fewer beds at the first so both have waits;
  // both have escalation beds (the Trusts sheet's last column).
  const auto directory = scratch_directory("workbook_trust_months");
  const auto results = directory + "/trusts.h5";
  const auto ran = run_bedflow(
      {"run", small_scenario(), "-n", "3", "-o", results, "--set",
       "services.acute.capacity=110", "--set",
       "services.acute_2027={ kind: acute, capacity: 20, escalation: [{ beds: 4, open_above: "
       "0.95, close_below: 0.9 }] }",
       "--set",
       "arrivals.walk_in={ rate_per_day: 12, cohort_mix: { adult: 1.0 }, admit_to: acute_2027 }"});
  INFO(ran.err);
  REQUIRE(ran.exit_status == 0);
  const auto book = directory + "/trusts.xlsx";
  const auto written = run_bedflow({"export", results, "--xlsx", book});
  INFO(written.err);
  REQUIRE(written.exit_status == 0);
  REQUIRE(written.out.find("Trusts by month") != std::string::npos);
  require_workbook_reads_back(book, {results});
}

TEST_CASE("export --xlsx of a sizing record shows every evaluated point") {
  const auto directory = scratch_directory("workbook_sizing");
  const auto sizing = directory + "/sizing.h5";
  const auto sized = run_bedflow(
      {"size", source_path("scenarios/analytic/mgcc-virtual-ward-loss.yaml"), "--vary",
       "services.virtual_ward.capacity", "--range", "20:60:20", "--target",
       "admissions_emergency <= 200", "-n", "3", "-t", "1", "-o", sizing},
      "", 300);
  INFO(sized.err);
  REQUIRE(sized.exit_status == 0);
  const auto book = directory + "/sizing.xlsx";
  const auto written = run_bedflow({"export", sizing, "--xlsx", book});
  INFO(written.err);
  REQUIRE(written.exit_status == 0);
  REQUIRE(written.out.find("Sizing") != std::string::npos);
  require_workbook_reads_back(book, {sizing});
}

TEST_CASE("export refuses unreadable, old or unfinished results with exit 2 and no file") {
  const auto directory = scratch_directory("workbook_refused");
  const auto good = directory + "/good.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-o", good}).exit_status == 0);
  const auto not_hdf5 = directory + "/not.h5";
  { std::ofstream(not_hdf5) << "plain text\n"; }
  // An old format and an unfinished run, made from the good file with h5py.
  const auto old_format = directory + "/old.h5";
  const auto unfinished = directory + "/unfinished.h5";
  fs::copy_file(good, old_format);
  fs::copy_file(good, unfinished);
  const auto edited = run_program(
      "/usr/bin/python3",
      {"-c",
       "import h5py, sys\n"
       "with h5py.File(sys.argv[1], 'r+') as f: f.attrs['format_version'] = 2\n"
       "with h5py.File(sys.argv[2], 'r+') as f: del f['metadata'].attrs['complete']\n",
       old_format, unfinished});
  INFO(edited.err);
  REQUIRE(edited.exit_status == 0);
  const auto before = files_in(directory);

  for (const auto& bad : {not_hdf5, old_format, unfinished, directory + "/missing.h5"}) {
    INFO(bad);
    const auto name = fs::path(bad).filename().string();
    const auto alone = run_bedflow({"export", bad, "--xlsx", directory + "/book.xlsx"});
    REQUIRE(alone.exit_status == 2);
    REQUIRE(alone.err.find(name) != std::string::npos);
    const auto second = run_bedflow({"export", good, bad, "--xlsx", directory + "/book.xlsx"});
    REQUIRE(second.exit_status == 2);
    REQUIRE(second.err.find(name) != std::string::npos);
    const auto csv = run_bedflow({"export", bad, "--csv", directory + "/csv"});
    REQUIRE(csv.exit_status == 2);
    REQUIRE(csv.err.find(name) != std::string::npos);
  }
  // Usage: one of --csv and --xlsx, and --csv takes one file.
  REQUIRE(run_bedflow({"export", good}).exit_status == 2);
  REQUIRE(run_bedflow({"export", good, "--csv", directory + "/csv", "--xlsx", "b.xlsx"})
              .exit_status == 2);
  REQUIRE(run_bedflow({"export", good, good, "--csv", directory + "/csv"}).exit_status == 2);
  REQUIRE(files_in(directory) == before);  // nothing written, no temporary file left
}

TEST_CASE("export of one file refuses --variant-a and --variant-b, which pick what to compare") {
  const auto directory = scratch_directory("workbook_variant_options");
  const auto sweep = directory + "/sweep.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-t", "1", "-o", sweep, "--sweep",
                       "scenario.horizon_days=20,30"})
              .exit_status == 0);
  const auto book = directory + "/book.xlsx";
  const std::vector<std::vector<std::string>> one_file{
      {"export", sweep, "--xlsx", book, "--variant-a", "20"},
      {"export", sweep, "--xlsx", book, "--variant-b", "30"},
      {"export", sweep, "--xlsx", book, "--variant-a", "20", "--variant-b", "30"},
      {"export", sweep, "--csv", directory + "/csv", "--variant-a", "20"}};
  for (const auto& arguments : one_file) {
    const auto refused = run_bedflow(arguments);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_status == 2);
    // The first of them given is named.
    const std::string option =
        *std::find_if(arguments.begin(), arguments.end(),
                      [](const std::string& a) { return a.rfind("--variant-", 0) == 0; });
    CHECK_THAT(refused.err, Catch::Contains(option + " picks a variant to compare, and a "
                                                     "comparison needs two results files"));
    CHECK_THAT(refused.err, Catch::Contains("give its file twice"));
  }
  REQUIRE(files_in(directory) == std::vector<std::string>{"sweep.h5"});
  // As the message says: the file given twice compares two of its variants.
  const auto twice = run_bedflow(
      {"export", sweep, sweep, "--xlsx", book, "--variant-a", "20", "--variant-b", "30"});
  INFO(twice.err);
  CHECK(twice.exit_status == 0);
  CHECK_THAT(twice.out, Catch::Contains("Comparison"));
  // A variant may also be named as run printed it, path=value.
  const auto by_override = run_bedflow({"compare", sweep, sweep, "--variant-a",
                                        "scenario.horizon_days=20", "--variant-b", "30"});
  INFO(by_override.err);
  CHECK(by_override.exit_status == 0);
  // Its table says which variant is A and which is B.
  CHECK_THAT(by_override.out, Catch::Contains("A = " + sweep + ", scenario.horizon_days=20:") &&
                                  Catch::Contains("B = " + sweep + ", scenario.horizon_days=30:"));
  // A variant named in a file that holds no sweep: said so, not "(variants: )".
  const auto single = directory + "/single.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-t", "1", "-o", single})
              .exit_status == 0);
  const auto no_sweep = run_bedflow({"compare", single, single, "--variant-a", "20"});
  CHECK(no_sweep.exit_status != 0);
  CHECK_THAT(no_sweep.err, Catch::Contains("no variant '20': the file holds one run, not a sweep"));
}

TEST_CASE("bedflow hands export --xlsx to bedflow-workbook and loads no spreadsheet library") {
  // Only the workbook writer beside bedflow links libxlsxwriter (and the OpenSSL it needs).
  const std::string writer =
      (fs::path(bedflow_binary()).parent_path() / "bedflow-workbook").string();
  const auto lean = run_program("/usr/bin/ldd", {bedflow_binary()});
  const auto full = run_program("/usr/bin/ldd", {writer});
  REQUIRE(lean.exit_status == 0);
  REQUIRE(full.exit_status == 0);
  CHECK(lean.out.find("libxlsxwriter") == std::string::npos);
  CHECK(full.out.find("libxlsxwriter") != std::string::npos);

  // The writer beside bedflow comes first: given the arguments, its exit status is bedflow's.
  const auto directory = scratch_directory("workbook_handover");
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "2", "-o", "a.h5"}, directory)
              .exit_status == 0);
  const auto alone = directory + "/alone";
  fs::create_directories(alone);
  fs::copy_file(bedflow_binary(), alone + "/bedflow");
  { std::ofstream(alone + "/bedflow-workbook") << "#!/bin/sh\necho \"writer got: $*\"\nexit 7\n"; }
  fs::permissions(alone + "/bedflow-workbook", fs::perms::owner_all);
  const auto faked =
      run_program(alone + "/bedflow", {"export", "a.h5", "--xlsx", "a.xlsx"}, directory);
  CHECK(faked.exit_status == 7);
  CHECK(faked.out == "writer got: export a.h5 --xlsx a.xlsx\n");
  // With none beside it (bedflow-mpi's case, or a copied bedflow), the one the build made.
  fs::remove(alone + "/bedflow-workbook");
  const auto built =
      run_program(alone + "/bedflow", {"export", "a.h5", "--xlsx", "a.xlsx"}, directory);
  INFO(built.err);
  CHECK(built.exit_status == 0);
  CHECK(fs::exists(directory + "/a.xlsx"));
  // Usage errors are still bedflow's own, found before any handover.
  CHECK(run_program(alone + "/bedflow", {"export", "a.h5"}, directory).exit_status == 2);
}
