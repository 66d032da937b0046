// export --csv: three tidy files (long format, one value column, every figure with its unit
// and window) that read back to the same numbers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bedflow/results/csv_export.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

}  // namespace

TEST_CASE("export --csv writes summary, statistics and one long series file") {
  const auto file = test::fake_file(8, 3);
  const auto directory = test::scratch_path("csv_plain");
  const auto written = results::export_csv(file, directory);
  REQUIRE(written == std::vector<std::string>{directory + "/summary.csv",
                                              directory + "/statistics.csv",
                                              directory + "/timeseries.csv"});
  const auto& first = file.variants.front().replications.front();

  SECTION("summary.csv: one row per replication and measure, with its window and rate") {
    const auto summary = lines_of(directory + "/summary.csv");
    REQUIRE(summary.front() ==
            "scenario,variant,replication,measure,unit,accumulation,window_first_date,"
            "window_last_date,window_days,value,per_year");
    REQUIRE(summary.size() == 1 + 3 * first.scalars.size());
    // Row 1: replication 0's first measure (a total), to the last bit, and per year.
    const auto row = fields_of(summary[1]);
    REQUIRE(row.size() == 11);
    REQUIRE(row[0] == "fake");
    REQUIRE(row[1].empty());
    REQUIRE(row[3] == first.scalars[0].name);
    REQUIRE(row[4] == "bed-days");
    REQUIRE(row[5] == "total");
    REQUIRE(row[6] == "2026-10-15");
    REQUIRE(row[7] == "2026-11-14");
    REQUIRE(row[8] == "31");
    REQUIRE(std::stod(row[9]) == first.scalars[0].value);
    REQUIRE(std::stod(row[10]) == Approx(first.scalars[0].value * 365.0 / 31.0).epsilon(1e-15));
    // A level (the occupancy share, measure 2) has no per-year figure.
    const auto level = fields_of(summary[3]);
    REQUIRE(level[5] == "level");
    REQUIRE(level[10].empty());
  }

  SECTION("statistics.csv: one row per measure with mean, CI, percentiles and rates") {
    const auto statistics = lines_of(directory + "/statistics.csv");
    REQUIRE(statistics.front() ==
            "scenario,variant,measure,unit,accumulation,window_first_date,window_last_date,"
            "window_days,replications,mean,sd,ci_lower,ci_upper,p5,p50,p95,per_day_mean,"
            "per_day_ci_lower,per_day_ci_upper,per_year_mean,per_year_ci_lower,per_year_ci_upper");
    REQUIRE(statistics.size() == 1 + first.scalars.size());
    const auto summaries = results::summarise_measures(file.variants.front().replications,
                                                       file.metadata.percentiles);
    const auto row = fields_of(statistics[1]);
    REQUIRE(row.size() == 22);
    REQUIRE(row[8] == "3");
    REQUIRE(std::stod(row[9]) == summaries[0].ci.mean);
    REQUIRE(std::stod(row[10]) == summaries[0].ci.sd);
    REQUIRE(std::stod(row[11]) == summaries[0].ci.lower());
    REQUIRE(std::stod(row[14]) == summaries[0].percentiles[1]);  // p50
    REQUIRE(std::stod(row[19]) == Approx(summaries[0].ci.mean * 365.0 / 31.0).epsilon(1e-15));
    const auto level = fields_of(statistics[3]);
    REQUIRE(level[4] == "level");
    REQUIRE(level[19].empty());
  }

  SECTION("timeseries.csv: one row per replication, series and date") {
    const auto series = lines_of(directory + "/timeseries.csv");
    REQUIRE(series.front() ==
            "scenario,variant,replication,group,measure,unit,date,time_days,value");
    std::size_t samples = 0;
    for (const auto& s : first.series) samples += s.values.size();
    REQUIRE(series.size() == 1 + 3 * samples);
    const auto row = fields_of(series[1]);
    REQUIRE(row[2] == "0");
    REQUIRE(row[3] == "acute");
    REQUIRE(row[4] == "occupancy");
    REQUIRE(row[5] == "beds");
    REQUIRE(row[6] == "2026-10-15");  // day 14 after 2026-10-01
    REQUIRE(row[7] == "14");
    REQUIRE(std::stod(row[8]) == first.series[0].values[0]);
  }
  // No temporary file is left beside the outputs.
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    REQUIRE(entry.path().filename().string().front() != '.');
  }
}

TEST_CASE("a sweep's variants share the three files, told apart by the variant column") {
  auto file = test::fake_file(8, 2);
  auto variant = file.variants.front();
  file.variants.clear();
  for (const char* label : {"600", "650"}) {
    variant.label = label;
    file.variants.push_back(variant);
  }
  const auto directory = test::scratch_path("csv_sweep");
  REQUIRE(results::export_csv(file, directory).size() == 3);
  const auto& scalars = variant.replications.front().scalars;
  const auto summary = lines_of(directory + "/summary.csv");
  REQUIRE(summary.size() == 1 + 2 * 2 * scalars.size());
  REQUIRE(fields_of(summary.back())[1] == "650");
  REQUIRE(lines_of(directory + "/statistics.csv").size() == 1 + 2 * scalars.size());
  REQUIRE(fields_of(lines_of(directory + "/timeseries.csv").back())[1] == "650");
}
