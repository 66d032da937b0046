// `bedflow backtest ... --report PAGE.html`: the page holds the backtest section with both
// charts, and its numbers (MAPE, days inside the band, every day's values) are those of the
// CSV written beside it; a page that cannot be written leaves neither file.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::vector<std::string> row;
    for (std::string field; std::getline(fields, field, ',');) row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// The number in attribute `name` of the element carrying data-measure="measure".
double attribute_after(const std::string& html, const std::string& measure, const std::string& name) {
  const auto card = html.find(fmt::format("data-measure=\"{}\"", measure));
  REQUIRE(card != std::string::npos);
  const auto at = html.find(name + "=\"", card);
  REQUIRE(at != std::string::npos);
  return std::stod(html.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("backtest --report writes a page whose numbers are the CSV's") {
  const auto directory = scratch_directory("fit_backtest_report");
  SyntheticSystem truth;
  truth.rate_per_day = 60;
  truth.cohorts = {{"adult", 1.0, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.days = 150;
  truth.seed = 5;
  const auto extract = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", extract, "-o", fitted}).exit_status == 0);
  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const auto page = (fs::path(directory) / "backtest.html").string();
  const auto run = run_bedflow({"backtest", fitted, extract, "--from", "2025-03-03", "--to",
                                "2025-05-25", "-o", csv, "--report", page, "-n", "20"},
                               "", 300);
  INFO(run.out << run.err);
  REQUIRE(run.exit_status == 0);
  REQUIRE(fs::exists(csv));
  REQUIRE(fs::exists(page));
  const auto html = read_text(page);
  const auto rows = csv_rows(csv);
  REQUIRE(rows.size() == 84);

  CHECK(html.find("<section id=\"backtest\">") != std::string::npos);
  CHECK(html.find("data-charts-expected=\"2\"") != std::string::npos);
  CHECK(html.find("2025-03-03 to 2025-05-25 (84 days)") != std::string::npos);
  CHECK(html.find("<td>20 (seed") != std::string::npos);
  // Offline: the report's strict policy, and no web address in what the page shows (the
  // charting library's own licence and code, inline, may mention one).
  CHECK(html.find("content=\"default-src 'none'") != std::string::npos);
  const auto main_start = html.find("<main>"), main_end = html.find("</main>");
  REQUIRE(main_end != std::string::npos);
  const auto shown = html.substr(main_start, main_end - main_start);
  CHECK(shown.find("http:") == std::string::npos);
  CHECK(shown.find("https:") == std::string::npos);

  // MAPE and days inside, recomputed from the CSV (to its two decimals), agree with the
  // page's to the one decimal it prints.
  for (const auto& [measure, first] : {std::pair{"occupancy", 1u}, std::pair{"medically-fit", 6u}}) {
    INFO(measure);
    double ape = 0, counted = 0, inside = 0;
    for (const auto& row : rows) {
      const double actual = std::stod(row[first]), mean = std::stod(row[first + 1]);
      if (actual > 0) ape += std::abs(mean - actual) / actual, ++counted;
      inside += std::stod(row[first + 4]);
    }
    REQUIRE(counted > 0);
    CHECK(std::abs(attribute_after(html, measure, "data-mape") - 100 * ape / counted) <= 0.05 + 1e-3);
    CHECK(std::abs(attribute_after(html, measure, "data-inside") -
                   100 * inside / static_cast<double>(rows.size())) <= 0.05 + 1e-9);
  }
  // Every day's row of the page's table is the CSV's row, value for value.
  for (const auto& row : rows) {
    INFO(row[0]);
    const auto cells = [](const std::vector<std::string>& r, std::size_t first) {
      return fmt::format("<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                         r[0], r[first], r[first + 1], r[first + 2], r[first + 3],
                         r[first + 4] == "1" ? "yes" : "<strong>no</strong>");
    };
    CHECK(html.find(cells(row, 1)) != std::string::npos);
    CHECK(html.find(cells(row, 6)) != std::string::npos);
  }
}

TEST_CASE("backtest --report to a folder that does not exist writes neither file") {
  const auto directory = scratch_directory("fit_backtest_report_fails");
  SyntheticSystem truth;
  truth.rate_per_day = 40;
  truth.cohorts = {{"adult", 1.0, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.days = 90;
  const auto extract = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", extract, "-o", fitted}).exit_status == 0);
  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const auto page = (fs::path(directory) / "missing" / "backtest.html").string();
  const auto run = run_bedflow({"backtest", fitted, extract, "--from", "2025-02-10", "--to",
                                "2025-03-01", "-o", csv, "--report", page, "-n", "4"});
  INFO(run.err);
  CHECK(run.exit_status == 1);
  CHECK(run.err.find("bedflow backtest: error:") != std::string::npos);
  CHECK_FALSE(fs::exists(csv));
  CHECK(files_in(directory).size() == 2);  // the extract and the fitted scenario

  // The same file named twice is refused before anything runs.
  const auto same = run_bedflow({"backtest", fitted, extract, "--from", "2025-02-10", "--to",
                                 "2025-03-01", "-o", csv, "--report", csv, "-n", "4"});
  CHECK(same.exit_status == 2);
  CHECK_FALSE(fs::exists(csv));
}
