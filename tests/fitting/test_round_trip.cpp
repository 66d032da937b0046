// Round trip: an extract generated from known parameters, fitted, gives back the arrival
// rate, profile factors, cohort mix, pathway shares and stay parameters within their
// confidence intervals (4 standard errors, from the run's own counts); AIC picks each
// cohort's generating family; `bedflow fit` writes a scenario that `bedflow validate` loads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/math/special_functions/trigamma.hpp>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using namespace bedflow::test;

namespace {

constexpr double kRoundTripZ = 4.0;

SyntheticSystem known_system() {
  SyntheticSystem s;
  s.rate_per_day = 150;
  s.weekday = {1.10, 1.05, 1.00, 1.00, 1.00, 0.95, 0.90};
  for (std::size_t h = 0; h < 24; ++h) s.hour[h] = h < 8 ? 0.5 : h < 16 ? 1.5 : 1.0;
  s.cohorts = {{"frail", 0.3, false, 1.8, 0.9, {0.4, 0.3, 0.2, 0.1}},
               {"adult", 0.7, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  s.delay_mean_days = {0.5, 2.0, 5.0, 9.0};
  s.days = 364;  // 52 whole weeks
  s.seed = 2026;
  return s;
}

double binomial_se(double p, double n) { return std::sqrt(p * (1 - p) / n); }

}  // namespace

TEST_CASE("fit recovers a known system from its extract") {
  const auto directory = scratch_directory("fit_round_trip");
  const auto truth = known_system();
  const auto path = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, path);
  const auto extract = read_extract(path);
  const auto fit = fit_extract(extract);

  REQUIRE(fit.streams.size() == 1);
  const auto& s = fit.streams[0];
  const double n = static_cast<double>(s.admissions);
  CHECK(fit.window_days == 363);  // the last, partial, day is left out
  // Poisson count: se of the rate = sqrt(N) / days.
  CHECK(std::abs(s.rate_per_day - truth.rate_per_day) < kRoundTripZ * std::sqrt(n) / fit.window_days);
  for (std::size_t w = 0; w < 7; ++w) {
    INFO("weekday " << w);
    // About 52 days of each weekday: se of the factor = sqrt(count) / days / mean.
    const double count = s.weekday[w] * s.rate_per_day * 52;
    CHECK(std::abs(s.weekday[w] - truth.weekday[w]) < kRoundTripZ * std::sqrt(count) / 52 / s.rate_per_day);
  }
  REQUIRE(s.hour.has_value());
  for (std::size_t h = 0; h < 24; ++h) {
    INFO("hour " << h);
    const double p = truth.hour[h] / 24;
    CHECK(std::abs((*s.hour)[h] - truth.hour[h]) < kRoundTripZ * 24 * binomial_se(p, n));
  }
  for (const auto& [date, factor] : s.monthly) {
    INFO("month from " << date);
    CHECK(std::abs(factor - 1.0) < kRoundTripZ * std::sqrt(1.0 / (truth.rate_per_day * 28)) + 0.02);
  }

  REQUIRE(fit.cohorts.size() == 2);
  for (std::size_t index = 0; index < fit.cohorts.size(); ++index) {
    const auto& c = fit.cohorts[index];  // in order of first appearance in the extract
    INFO("cohort " << c.name);
    const auto& generating = truth.cohorts[c.name == "frail" ? 0 : 1];
    const double share = static_cast<double>(s.cohort_counts[index]) / n;
    CHECK(std::abs(share - generating.share) < kRoundTripZ * binomial_se(generating.share, n));
    double known = 0;
    for (const auto k : c.pathway_counts) known += static_cast<double>(k);
    for (std::size_t k = 0; k < 4; ++k) {
      const double p = generating.pathway[k];
      CHECK(std::abs(static_cast<double>(c.pathway_counts[k]) / known - p) <
            kRoundTripZ * binomial_se(std::max(p, 1.0 / known), known));
    }
    REQUIRE(c.stay.has_value());
    const auto& best = c.stay->best();
    const double m = static_cast<double>(c.stay->count);
    const double inflation = std::sqrt(m / static_cast<double>(c.stay->count - c.stay->censored));
    if (!generating.gamma) {
      REQUIRE(best.family == Family::lognormal);
      CHECK(std::abs(best.a - generating.a) < kRoundTripZ * inflation * generating.b / std::sqrt(m));
      CHECK(std::abs(best.b - generating.b) < kRoundTripZ * inflation * generating.b / std::sqrt(2 * m));
    } else {
      REQUIRE(best.family == Family::gamma);
      const double k = generating.a;
      const double se_k = std::sqrt(k / (m * (k * boost::math::trigamma(k) - 1)));
      CHECK(std::abs(best.a - k) < kRoundTripZ * inflation * se_k);
      CHECK(std::abs(best.mean() - k * generating.b) <
            kRoundTripZ * inflation * std::sqrt(k) * generating.b / std::sqrt(m));
    }
  }
  // Delays: exponential of known mean per pathway.
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("pathway P" << k);
    REQUIRE(fit.delays[k].has_value());
    const auto& d = *fit.delays[k];
    const double events = static_cast<double>(d.count - d.censored);
    const double mean = truth.delay_mean_days[k];
    const auto exponential = std::find_if(d.families.begin(), d.families.end(), [](const FamilyFit& f) {
      return f.family == Family::exponential;
    });
    CHECK(std::abs(exponential->a - mean) < kRoundTripZ * mean / std::sqrt(events));
  }
}

TEST_CASE("bedflow fit writes a scenario that validates, with a census that loads") {
  const auto directory = scratch_directory("fit_cli_round_trip");
  auto truth = known_system();
  truth.days = 120;
  truth.uk_dates = true;
  truth.elective_rate_per_day = 20;
  const auto extract = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract);
  const auto out = (fs::path(directory) / "fitted.yaml").string();
  const auto fitted = run_bedflow({"fit", extract, "-o", out, "--census-date", "2025-04-01"});
  INFO(fitted.err);
  REQUIRE(fitted.exit_status == 0);
  const auto census = (fs::path(directory) / "fitted-census-2025-04-01.csv").string();
  REQUIRE(fs::exists(census));
  const auto valid = run_bedflow({"validate", out});
  INFO(valid.err);
  CHECK(valid.exit_status == 0);
  CHECK(valid.out.find("2 arrival streams, 2 cohorts") != std::string::npos);
  // The census holds every patient in hospital at the start of the day, as the extract says.
  const auto e = read_extract(extract);
  const double day = parse_date_time("2025-04-01");
  std::size_t expected = 0;
  for (const auto& sp : e.spells) {
    if (sp.admitted < day && (sp.discharged == kMissing || sp.discharged > day)) ++expected;
  }
  std::ifstream in(census);
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  CHECK(rows == expected + 1);
  CHECK(expected > 500);  // ~170 a day staying several days
  // Writing again without --force is refused and leaves the files as they were.
  const auto again = run_bedflow({"fit", extract, "-o", out, "--census-date", "2025-04-01"});
  CHECK(again.exit_status == 2);
}
