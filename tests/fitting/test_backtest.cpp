// Backtest of a fitted scenario on its own synthetic extract: the actual daily counts fall
// inside the model's 90% band about as often as a new draw would, within binomial bounds
// that allow for day-to-day correlation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

// The `inside` column (0/1) at `column` of the backtest CSV, one value per day.
std::vector<double> inside_column(const std::string& path, std::size_t column) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::vector<double> values;
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string field;
    for (std::size_t i = 0; i <= column; ++i) std::getline(fields, field, ',');
    values.push_back(std::stod(field));
  }
  return values;
}

}  // namespace

TEST_CASE("backtest of a fitted scenario on its own extract: days inside the 90% band") {
  const auto directory = scratch_directory("fit_backtest");
  SyntheticSystem truth;
  truth.rate_per_day = 150;
  truth.weekday = {1.10, 1.05, 1.00, 1.00, 1.00, 0.95, 0.90};
  truth.cohorts = {{"frail", 0.3, false, 1.8, 0.9, {0.4, 0.3, 0.2, 0.1}},
                   {"adult", 0.7, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.days = 400;
  truth.seed = 77;
  const auto extract = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", extract, "-o", fitted}).exit_status == 0);
  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const auto run = run_bedflow({"backtest", fitted, extract, "--from", "2025-03-03", "--to",
                                "2026-01-04", "-o", csv, "--replications", "100"},
                               "", 600);
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  CHECK(run.out.find("MAPE") != std::string::npos);

  // A new draw falls between the order statistics at ranks 5.95 and 95.05 of 100 (the 5th
  // and 95th percentiles, definition 7) with probability (95.05 - 5.95) / 101.
  const double coverage = (95.05 - 5.95) / 101.0;
  for (const std::size_t column : {5u, 10u}) {
    INFO("column " << column);
    const auto inside = inside_column(csv, column);
    REQUIRE(inside.size() == 308);
    double share = 0;
    for (const double x : inside) share += x;
    const double n = static_cast<double>(inside.size());
    share /= n;
    // Days are correlated (a patient stays several days): the effective sample size of an
    // AR(1) series, n (1 - rho) / (1 + rho), with rho the indicator's lag-1 autocorrelation.
    double c0 = 0, c1 = 0;
    for (std::size_t d = 0; d < inside.size(); ++d) {
      c0 += (inside[d] - share) * (inside[d] - share);
      if (d > 0) c1 += (inside[d] - share) * (inside[d - 1] - share);
    }
    const double rho = c0 > 0 ? std::clamp(c1 / c0, 0.0, 0.95) : 0.0;
    const double effective = n * (1 - rho) / (1 + rho);
    const double bound = 3 * std::sqrt(coverage * (1 - coverage) / effective);
    CHECK(share >= coverage - bound);
  }
}

TEST_CASE("backtest refuses days the extract cannot cover, with exit 2 and nothing written") {
  const auto directory = scratch_directory("fit_backtest_refusals");
  SyntheticSystem truth;
  truth.cohorts = {{"adult", 1.0, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.days = 60;
  const auto extract = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", extract, "-o", fitted}).exit_status == 0);
  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const std::vector<std::pair<std::string, std::string>> periods = {
      {"2025-02-10", "2025-12-31"},  // --to after the extract's end (2025-03-07)
      {"2025-01-10", "2025-02-10"},  // --from less the 28-day burn-in before its start
      {"2025-02-20", "2025-02-10"},  // --to before --from
      {"2025-02-30", "2025-03-01"},  // no such date
  };
  for (const auto& [from, to] : periods) {
    INFO(from << " to " << to);
    const auto run = run_bedflow({"backtest", fitted, extract, "--from", from, "--to", to, "-o", csv});
    CHECK(run.exit_status == 2);
    CHECK(run.err.find("bedflow backtest: error:") != std::string::npos);
    CHECK_FALSE(fs::exists(csv));
  }
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(directory)) ++files;
  CHECK(files == 2);  // the extract and the fitted scenario: no census or partial left behind
}
