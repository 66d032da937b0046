// export: the summary and each series as CSV that reads back to the same numbers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bedflow/results/csv_export.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("export writes the summary and one file per series") {
  const auto file = test::fake_file(8, 3);
  const auto directory = test::scratch_path("csv_plain");
  const auto written = results::export_csv(file, directory);
  const auto& first = file.variants.front().replications.front();
  REQUIRE(written.size() == 1 + first.series.size());

  const auto summary = lines_of(directory + "/summary.csv");
  REQUIRE(summary.front() == "variant,replication,measure,value,unit,headline");
  REQUIRE(summary.size() == 1 + 3 * first.scalars.size());
  // Row 1 is replication 0's first measure, with its value to the last bit.
  const auto& row = summary[1];
  const auto value_text = row.substr(row.find(first.scalars[0].name) + first.scalars[0].name.size() + 1);
  REQUIRE(std::stod(value_text.substr(0, value_text.find(','))) == first.scalars[0].value);

  const auto occupancy = lines_of(directory + "/timeseries_acute_occupancy.csv");
  REQUIRE(occupancy.front() == "time_days,rep_0,rep_1,rep_2");
  REQUIRE(occupancy.size() == 1 + first.series[0].values.size());
  REQUIRE(occupancy[1].rfind("14,", 0) == 0);  // the first sample is at day 14
}

TEST_CASE("a sweep's series go to one directory per variant") {
  auto file = test::fake_file(8, 2);
  auto variant = file.variants.front();
  file.variants.clear();
  for (const char* label : {"600", "650"}) {
    variant.label = label;
    file.variants.push_back(variant);
  }
  const auto directory = test::scratch_path("csv_sweep");
  results::export_csv(file, directory);
  REQUIRE(std::filesystem::exists(directory + "/600/timeseries_system_delayed_total.csv"));
  REQUIRE(std::filesystem::exists(directory + "/650/timeseries_acute_queue.csv"));
  REQUIRE(lines_of(directory + "/summary.csv").size() == 1 + 2 * 2 * variant.replications.front().scalars.size());
}
