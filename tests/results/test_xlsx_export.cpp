// The workbook writer: which sheets it writes, what it refuses, and that the file is a whole
// .xlsx (a zip). The cells themselves are read back with openpyxl in tests/cli
// (check_workbook.py), as a spreadsheet user's tools would read them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bedflow/results/results_error.hpp"
#include "bedflow/results/xlsx_export.hpp"
#include "fake_results.hpp"

using namespace bedflow;
using results::WorkbookSource;

namespace {

WorkbookSource source_of(results::ResultsFile file, const std::string& path) {
  return WorkbookSource{path, std::move(file), std::nullopt};
}

bool is_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  return magic[0] == 'P' && magic[1] == 'K';
}

analysis::StoredSizingRecord small_record() {
  analysis::StoredSizingRecord record;
  record.target = "delayed_bed_days <= 1050";
  record.measure = "delayed_bed_days";
  record.measure_unit = "bed-days";
  record.comparison = "<=";
  record.threshold = 1050;
  record.confidence = 0.9;
  record.status = "found";
  record.answer = "services.acute.capacity=20";
  record.levers = {{"services.acute.capacity", 10, 30, 10}};
  record.labels = {"services.acute.capacity=10", "services.acute.capacity=20"};
  record.lever_values = {{10, 20}};
  record.replications = {3, 3};
  record.target_mean = {1100, 1000};
  record.target_sd = {10, 10};
  record.target_half_width = {5, 5};
  record.target_bound = {1106, 1006};
  record.meets = {0, 1};
  return record;
}

}  // namespace

TEST_CASE("a workbook of one results file has About, Summary, Costs and Daily") {
  const auto path = test::scratch_path("one.xlsx");
  const std::vector<WorkbookSource> sources{source_of(test::fake_file(8, 3), "fake.h5")};
  const auto sheets = results::write_workbook(path, sources, {});
  REQUIRE(sheets == std::vector<std::string>{"About", "Summary", "Costs", "Daily"});
  REQUIRE(is_zip(path));
  REQUIRE(std::filesystem::file_size(path) > 5000);

  // The same files give the same bytes: the workbook is dated by the run, not the export.
  const auto again = test::scratch_path("one-again.xlsx");
  results::write_workbook(again, sources, {});
  const auto bytes = [](const std::string& name) {
    std::ifstream in(name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  REQUIRE(bytes(path) == bytes(again));
}

TEST_CASE("two results files add a Comparison, a sizing record adds Sizing") {
  const auto path = test::scratch_path("two.xlsx");
  std::vector<WorkbookSource> sources{source_of(test::fake_file(8, 3), "a.h5"),
                                      source_of(test::fake_file(8, 4), "b.h5")};
  sources[1].sizing = small_record();
  const auto sheets = results::write_workbook(path, sources, {});
  REQUIRE(sheets ==
          std::vector<std::string>{"About", "Summary", "Costs", "Daily", "Comparison", "Sizing"});
  REQUIRE(is_zip(path));
}

TEST_CASE("the workbook refuses what it cannot show, before writing anything") {
  const auto path = test::scratch_path("refused.xlsx");
  const auto one = source_of(test::fake_file(8, 2), "a.h5");
  SECTION("more than two files") {
    const std::vector<WorkbookSource> three{one, one, one};
    REQUIRE_THROWS_AS(results::check_workbook(three, {}), results::ResultsError);
    REQUIRE_THROWS_WITH(results::write_workbook(path, three, {}), Catch::Contains("two"));
  }
  SECTION("a comparison of a sweep without a variant named") {
    auto sweep = test::fake_file(8, 2);
    auto variant = sweep.variants.front();
    sweep.variants.clear();
    for (const char* label : {"600", "650"}) {
      variant.label = label;
      sweep.variants.push_back(variant);
    }
    const std::vector<WorkbookSource> pair{source_of(sweep, "sweep.h5"), one};
    REQUIRE_THROWS_WITH(results::check_workbook(pair, {}), Catch::Contains("sweep.h5"));
    REQUIRE_NOTHROW(results::check_workbook(pair, {"650", ""}));
  }
  REQUIRE_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a results file that cannot be read is refused, naming it") {
  const auto path = test::scratch_path("not-results.h5");
  { std::ofstream(path) << "plain text\n"; }
  REQUIRE_THROWS_WITH(results::read_workbook_source(path), Catch::Contains("not-results.h5"));
  REQUIRE_THROWS_WITH(results::read_workbook_source(test::scratch_path("missing.h5")),
                      Catch::Contains("missing.h5"));
}

TEST_CASE("a file with several acute trusts adds a Trusts sheet, one with a single trust not") {
  auto file = test::fake_file(8, 3);
  for (auto& rep : file.variants.front().replications) {
    for (const char* trust : {"north", "south"}) {
      rep.scalars.push_back({std::string("ed_mean_wait_hours_") + trust, "hours", 1.0, false,
                             model::Accumulation::level, false});
      rep.scalars.push_back({std::string("occupancy_share_") + trust, "share", 0.95, false,
                             model::Accumulation::level, false});
    }
  }
  const auto path = test::scratch_path("trusts.xlsx");
  const auto sheets = results::write_workbook(path, {source_of(file, "trusts.h5")}, {});
  CHECK(sheets == std::vector<std::string>{"About", "Summary", "Costs", "Trusts", "Daily"});
  // One acute service has no per-trust measures (they would repeat the system's): no sheet.
  auto single = test::fake_file(8, 3);
  for (auto& rep : single.variants.front().replications)
    rep.scalars.push_back({"ed_mean_wait_hours_north", "hours", 1.0, false,
                           model::Accumulation::level, false});
  const auto one = results::write_workbook(test::scratch_path("one-trust.xlsx"),
                                           {source_of(single, "one.h5")}, {});
  CHECK(one == std::vector<std::string>{"About", "Summary", "Costs", "Daily"});
}

TEST_CASE("several acute trusts with ED waits by month add a Trusts by month sheet") {
  // The fake window touches October and November 2026.
  const auto with_trusts = [](bool months) {
    auto file = test::fake_file(8, 3);
    for (auto& rep : file.variants.front().replications) {
      auto& s = rep.scalars;
      s.push_back({"ed_waits_over_4h", "patients", 30.0, false, model::Accumulation::total, false});
      for (const char* month : {"2026_10", "2026_11"})
        s.push_back({std::string("ed_waits_over_4h_") + month, "patients", 15.0, false,
                     model::Accumulation::level, false});
      for (const char* trust : {"north", "acute_2027"}) {
        s.push_back({std::string("ed_mean_wait_hours_") + trust, "hours", 1.0, false,
                     model::Accumulation::level, false});
        s.push_back({std::string("ed_waits_over_4h_") + trust, "patients", 15.0, false,
                     model::Accumulation::total, false});
        if (!months) continue;
        for (const char* month : {"2026_10", "2026_11"})
          s.push_back({std::string("ed_waits_over_4h_") + trust + "_" + month, "patients", 7.5,
                       false, model::Accumulation::level, false});
      }
    }
    return file;
  };
  const auto sheets = results::write_workbook(test::scratch_path("trust-months.xlsx"),
                                              {source_of(with_trusts(true), "months.h5")}, {});
  CHECK(sheets == std::vector<std::string>{"About", "Summary", "Costs", "Trusts",
                                           "Trusts by month", "Daily"});
  // A file written before the per-trust months were measured: the Trusts sheet alone.
  const auto older = results::write_workbook(test::scratch_path("trust-no-months.xlsx"),
                                             {source_of(with_trusts(false), "older.h5")}, {});
  CHECK(older == std::vector<std::string>{"About", "Summary", "Costs", "Trusts", "Daily"});
}
