// The backtest page of the report library: its section, charts and numbers as given, and
// refusal of series that do not match the dates.
#include <catch2/catch.hpp>

#include <string>

#include "page_text.hpp"
#include "bedflow/report/backtest_report.hpp"
#include "bedflow/report/report_error.hpp"

using namespace bedflow;

using bedflow::report::testing::contains;

namespace {

report::BacktestReportInput three_days() {
  report::BacktestReportInput input;
  input.scenario_name = "fitted";
  input.scenario_path = "fitted.yaml";
  input.extract_path = "spells.csv";
  input.csv_path = "backtest.csv";
  input.dates = {"2026-11-01", "2026-11-02", "2026-11-03"};
  input.census_date = "2026-10-04";
  input.burn_in_days = 28;
  input.replications = 100;
  input.seed = 7;
  input.measures = {{"occupancy", "Patients in acute beds", {100, 104, 90}, {101.5, 102.25, 99},
                     {95, 96, 95.5}, {108, 109, 104}, 4.123, 2.0 / 3.0},
                    {"medically-fit", "Medically fit patients still in hospital", {20, 21, 22},
                     {20.5, 20.5, 20.5}, {18, 18, 18}, {23, 23, 23}, 3.35, 1.0}};
  return input;
}

}  // namespace

TEST_CASE("backtest page: section, charts, and the numbers it was given") {
  const auto page = report::build_backtest_report(three_days());
  CHECK(page.charts == 2);
  CHECK(contains(page.html, "<section id=\"backtest\">"));
  CHECK(contains(page.html, "data-charts-expected=\"2\""));
  CHECK(contains(page.html, "2026-11-01 to 2026-11-03 (3 days)"));
  CHECK(contains(page.html, "data-mape=\"4.1\">4.1%"));
  CHECK(contains(page.html, "data-mape=\"3.4\">3.4%"));  // 3.35 to one decimal, as fmt rounds
  CHECK(contains(page.html, "on 2 of 3 days (66.7%)"));
  CHECK(contains(page.html, "on 3 of 3 days (100.0%)"));
  // With 100 replications a right model is inside on 0.9 x 99 / 101 = 88.2% of days.
  CHECK(contains(page.html, "about 88% of days (100 replications)"));
  // The day outside the band is marked, the others not.
  CHECK(contains(page.html, "<td>2026-11-03</td><td>90</td><td>99.00</td><td>95.50</td>"
                            "<td>104.00</td><td><strong>no</strong></td>"));
  CHECK(contains(page.html, "<td>2026-11-01</td><td>100</td><td>101.50</td><td>95.00</td>"
                            "<td>108.00</td><td>yes</td>"));
}

TEST_CASE("backtest page refuses series that do not match the dates") {
  auto input = three_days();
  input.measures[1].p95.pop_back();
  CHECK_THROWS_AS(report::build_backtest_report(input), report::ReportError);
  input = three_days();
  input.dates.clear();
  CHECK_THROWS_AS(report::build_backtest_report(input), report::ReportError);
}
