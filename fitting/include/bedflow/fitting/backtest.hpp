#pragma once
// Comparing a fitted scenario's runs with what the extract says happened, day by day.
//
// Invariants:
//  - `occupancy[r][d]` and `medically_fit[r][d]` are replication r's patients in acute beds
//    and medically fit patients still in them at midnight starting day d (the model's daily
//    series `acute/occupancy` and `system/delayed_total`); `actual[d]` is the extract's count
//    at the same midnight (daily_counts()). Every series is as long as `actual`; else
//    std::invalid_argument.
//  - One definition of "at midnight m" for both (docs/fitting.md): admitted < m < discharged,
//    medically fit when also ready <= m. The model samples after everything due at m has
//    happened, and its census holds the spells admitted before its start.
//  - The model's band on a day is its replications' 5th to 95th percentile (Hyndman and Fan
//    definition 7, engine::sample_percentile): "inside" means actual within it, inclusive.
//  - MAPE = mean over days with an actual count above 0 of |model mean - actual| / actual,
//    as a percentage.
#include <string>
#include <vector>

#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/fold_problems.hpp"

namespace bedflow::fitting {

struct BandedValue {
  double actual = 0, mean = 0, p5 = 0, p95 = 0;
  bool inside() const { return actual >= p5 && actual <= p95; }
};

struct BacktestDay {
  std::string date;
  BandedValue occupancy;
  BandedValue medically_fit;
};

struct BacktestSummary {
  std::vector<BacktestDay> days;
  double occupancy_mape = 0, medically_fit_mape = 0;              // percent
  double occupancy_inside_share = 0, medically_fit_inside_share = 0;  // 0..1
};

BacktestSummary compare_backtest(const std::vector<DailyCount>& actual,
                                 const std::vector<std::vector<double>>& occupancy,
                                 const std::vector<std::vector<double>>& medically_fit);

// The census patients whose cohort the fitted scenario lacks (an extract other than the one
// fitted, or relabelled): one Problem each, placed at its admission date, so that folded
// they read as one line per cohort with its count.
std::vector<Problem> unknown_census_cohorts(const FittedSystem& census,
                                            const std::vector<std::string>& scenario_cohorts,
                                            const std::string& scenario_file);

// One row per day: date, then actual, model mean, p5, p95 and inside (0/1) for occupancy and
// for medically fit patients.
std::string backtest_csv(const BacktestSummary& summary);

}  // namespace bedflow::fitting
