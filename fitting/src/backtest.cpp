// The day-by-day comparison of a backtest: bands, MAPE and the share of days inside.
#include "bedflow/fitting/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/fitting/extract.hpp"

namespace bedflow::fitting {
namespace {

BandedValue band(double actual, const std::vector<std::vector<double>>& runs, std::size_t day) {
  std::vector<double> values;
  double sum = 0;
  for (const auto& run : runs) {
    values.push_back(run[day]);
    sum += run[day];
  }
  return {actual, sum / static_cast<double>(runs.size()), engine::sample_percentile(values, 5),
          engine::sample_percentile(values, 95)};
}

}  // namespace

BacktestSummary compare_backtest(const std::vector<DailyCount>& actual,
                                 const std::vector<std::vector<double>>& occupancy,
                                 const std::vector<std::vector<double>>& medically_fit) {
  if (occupancy.empty() || occupancy.size() != medically_fit.size()) {
    throw std::invalid_argument("a backtest needs the same replications of both series");
  }
  for (std::size_t r = 0; r < occupancy.size(); ++r) {
    if (occupancy[r].size() < actual.size() || medically_fit[r].size() < actual.size()) {
      throw std::invalid_argument("a model series is shorter than the days compared");
    }
  }
  BacktestSummary s;
  double occupancy_days = 0, fit_days = 0;
  for (std::size_t d = 0; d < actual.size(); ++d) {
    BacktestDay day{actual[d].date, band(actual[d].occupancy, occupancy, d),
                    band(actual[d].medically_fit, medically_fit, d)};
    if (day.occupancy.actual > 0) {
      s.occupancy_mape += std::abs(day.occupancy.mean - day.occupancy.actual) / day.occupancy.actual;
      ++occupancy_days;
    }
    if (day.medically_fit.actual > 0) {
      s.medically_fit_mape +=
          std::abs(day.medically_fit.mean - day.medically_fit.actual) / day.medically_fit.actual;
      ++fit_days;
    }
    s.occupancy_inside_share += day.occupancy.inside() ? 1 : 0;
    s.medically_fit_inside_share += day.medically_fit.inside() ? 1 : 0;
    s.days.push_back(day);
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, s.days.size()));
  s.occupancy_mape = occupancy_days > 0 ? 100 * s.occupancy_mape / occupancy_days : 0;
  s.medically_fit_mape = fit_days > 0 ? 100 * s.medically_fit_mape / fit_days : 0;
  s.occupancy_inside_share /= n;
  s.medically_fit_inside_share /= n;
  return s;
}

std::vector<Problem> unknown_census_cohorts(const FittedSystem& census,
                                            const std::vector<std::string>& scenario_cohorts,
                                            const std::string& scenario_file) {
  std::string names;
  for (const auto& name : scenario_cohorts) names += (names.empty() ? "" : ", ") + name;
  const double day = census.census_date ? parse_date_time(*census.census_date) : 0.0;
  std::vector<Problem> problems;
  for (const auto& row : census.census) {
    if (std::find(scenario_cohorts.begin(), scenario_cohorts.end(), row.cohort) != scenario_cohorts.end()) {
      continue;
    }
    problems.push_back(
        {fmt::format("admitted {}", format_date(day - row.days_in_service)),
         fmt::format("the extract's cohort '{}' (in hospital on {}) is not a cohort of {} ({}): "
                     "was the scenario fitted to another extract?",
                     row.cohort, census.census_date.value_or("?"), scenario_file, names)});
  }
  return problems;
}

std::string backtest_csv(const BacktestSummary& summary) {
  std::string csv =
      "date,occupancy_actual,occupancy_model_mean,occupancy_model_p5,occupancy_model_p95,"
      "occupancy_inside,medically_fit_actual,medically_fit_model_mean,medically_fit_model_p5,"
      "medically_fit_model_p95,medically_fit_inside\n";
  for (const auto& d : summary.days) {
    const auto row = [](const BandedValue& v) {
      return fmt::format("{},{:.2f},{:.2f},{:.2f},{}", v.actual, v.mean, v.p5, v.p95, v.inside() ? 1 : 0);
    };
    csv += d.date + "," + row(d.occupancy) + "," + row(d.medically_fit) + "\n";
  }
  return csv;
}

}  // namespace bedflow::fitting
