// A backtest whose scenario and extract disagree reports each problem once, with its count
// and first places, instead of once per census patient; and the folding itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/fold_problems.hpp"
#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using namespace bedflow::test;

TEST_CASE("repeated problems fold into one line each, with the count and the first places") {
  std::vector<Problem> problems;
  for (int i = 0; i < 100; ++i) problems.push_back({fmt::format("f.csv:{}:1", i + 2), "unknown cohort 'x'"});
  problems.insert(problems.begin() + 50, {"f.csv:9:3", "bad date"});
  problems.push_back({"f.csv:200:1", "unknown cohort 'y'"});
  problems.push_back({"f.csv:201:1", "unknown cohort 'y'"});
  const auto lines = fold_problems(problems);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "unknown cohort 'x' (100 times: f.csv:2:1, f.csv:3:1, f.csv:4:1, ...)");
  CHECK(lines[1] == "f.csv:9:3: bad date");  // once: as it was
  CHECK(lines[2] == "unknown cohort 'y' (2 times: f.csv:200:1, f.csv:201:1)");
  // Places repeated are named once.
  const auto same = fold_problems({{"2025-01-01", "p"}, {"2025-01-01", "p"}, {"2025-01-02", "p"}});
  REQUIRE(same.size() == 1);
  CHECK(same[0] == "p (3 times: 2025-01-01, 2025-01-02, ...)");
}

TEST_CASE("a backtest against an extract of other cohorts: one line per cohort with its count") {
  const auto directory = scratch_directory("fit_backtest_cohorts");
  SyntheticSystem truth;
  truth.cohorts = {{"frail", 0.3, false, 1.8, 0.9, {0.4, 0.3, 0.2, 0.1}},
                   {"adult", 0.7, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.days = 90;
  const auto fitted_extract = (fs::path(directory) / "fitted-from.csv").string();
  write_synthetic_extract(truth, fitted_extract);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", fitted_extract, "-o", fitted}).exit_status == 0);

  // Another system's extract: the same frail patients, the adults labelled otherwise.
  truth.cohorts[1].name = "adults";
  truth.seed = 2;
  const auto other = (fs::path(directory) / "other.csv").string();
  write_synthetic_extract(truth, other);
  // The census the backtest starts from (28 burn-in days before --from).
  const auto census = fit_extract(read_extract(other), std::string("2025-02-03")).census;
  std::size_t adults = 0;
  for (const auto& row : census) adults += row.cohort == "adults" ? 1 : 0;
  REQUIRE(adults > 20);

  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const auto run = run_bedflow({"backtest", fitted, other, "--from", "2025-03-03", "--to",
                                "2025-03-20", "-o", csv, "-n", "4"});
  INFO(run.err);
  CHECK(run.exit_status == 2);
  CHECK_FALSE(fs::exists(csv));
  std::istringstream lines(run.err);
  std::string line;
  std::size_t errors = 0, about_adults = 0;
  while (std::getline(lines, line)) {
    errors += line.find("error") != std::string::npos ? 1 : 0;
    about_adults += line.find("'adults'") != std::string::npos ? 1 : 0;
  }
  CHECK(errors == 1);
  CHECK(about_adults == 1);
  CHECK(run.err.find(fmt::format("({} times: admitted ", adults)) != std::string::npos);
}
