// Round trip through the simulator itself: a known scenario is run by `bedflow run --events`,
// its patient event log converted to an extract by tools/events_to_extract.py, and the
// extract fitted. The fit gives back the arrival rate, weekday and hour factors, cohort mix,
// pathway shares and each cohort's stay parameters within their confidence intervals (4
// standard errors: counts' Poisson and binomial errors, and for stays the inverse observed
// information of the censored likelihood at the fit), and AIC picks each cohort's generating
// family (tens of thousands of stays); each pathway's delay has the scenario's mean.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using namespace bedflow::test;

namespace {

constexpr double kEventLogZ = 4.0;
constexpr double kRate = 150.0;  // emergency admissions a day, before profiles
constexpr std::array<double, 7> kWeekday{1.10, 1.05, 1.00, 1.00, 1.00, 0.95, 0.90};
constexpr double kFrailShare = 0.3;
constexpr std::array<double, 4> kFrailPathways{0.4, 0.3, 0.2, 0.1};
constexpr std::array<double, 4> kAdultPathways{0.7, 0.2, 0.1, 0.0};
constexpr std::array<double, 4> kDelayMean{0.5, 2.0, 5.0, 9.0};  // ready to leaving, days

double hour_factor(std::size_t h) { return h < 8 ? 0.5 : h < 16 ? 1.5 : 1.0; }

// The known scenario, in the format `bedflow fit` writes: one emergency stream, a lognormal
// and a gamma cohort, each pathway to its own place so the log tells them apart.
std::string known_scenario() {
  std::string hours;
  for (std::size_t h = 0; h < 24; ++h) hours += fmt::format("{}{}", h ? ", " : "", hour_factor(h));
  std::string y =
      "schema: 1\n"
      "scenario: { name: round-trip, start: 2025-01-06, horizon_days: 365, warmup_days: 0, "
      "replications: 1, seed: 11 }\n"
      "profiles:\n"
      "  emergency_weekday: { weekly: [1.10, 1.05, 1.00, 1.00, 1.00, 0.95, 0.90] }\n";
  y += fmt::format("  emergency_hour: {{ daily: [{}] }}\n", hours);
  y += "cohorts:\n"
       "  frail:\n"
       "    acute_los_days: { lognormal: { meanlog: 1.8, sdlog: 0.9 } }\n"
       "    discharge_pathway: { P0: 0.4, P1: 0.3, P2: 0.2, P3: 0.1 }\n"
       "  adult:\n"
       "    acute_los_days: { gamma: { shape: 2, scale: 2 } }\n"
       "    discharge_pathway: { P0: 0.7, P1: 0.2, P2: 0.1, P3: 0.0 }\n"
       "arrivals:\n"
       "  emergency:\n"
       "    rate_per_day: 150\n"
       "    profiles: [emergency_weekday, emergency_hour]\n"
       "    cohort_mix: { frail: 0.3, adult: 0.7 }\n"
       "services:\n"
       "  acute: { kind: acute, capacity: unlimited }\n"
       "  community_P1: { kind: caseload, capacity: unlimited, los_days: 5 }\n"
       "  community_P2: { kind: caseload, capacity: unlimited, los_days: 5 }\n"
       "  community_P3: { kind: caseload, capacity: unlimited, los_days: 5 }\n"
       "discharge_pathways:\n"
       "  P0: { to: home, assessment_days: { exponential: { mean: 0.5 } } }\n"
       "  P1: { to: community_P1, assessment_days: { exponential: { mean: 2 } } }\n"
       "  P2: { to: community_P2, assessment_days: { exponential: { mean: 5 } } }\n"
       "  P3: { to: community_P3, assessment_days: { exponential: { mean: 9 } } }\n";
  return y;
}

double binomial_se(double p, double n) { return std::sqrt(p * (1 - p) / n); }

// A cohort's stays as the fitter sees them: admission to ready, else to discharge, else
// censored at the extract's end; at least one minute.
std::vector<Duration> stays_of(const Extract& e, std::size_t cohort) {
  std::vector<Duration> out;
  for (const auto& s : e.spells) {
    if (s.cohort != cohort) continue;
    Duration d{e.end - s.admitted, true};
    if (s.ready != kMissing) d = {s.ready - s.admitted, false};
    else if (s.discharged != kMissing) d = {s.discharged - s.admitted, false};
    d.days = std::max(d.days, kMinimumDuration);
    out.push_back(d);
  }
  return out;
}

// Censored log-likelihood of a two-parameter family at (a, b).
double log_likelihood(Family family, double a, double b, const std::vector<Duration>& stays) {
  double sum = 0;
  const auto add = [&](const auto& dist) {
    for (const auto& d : stays) {
      sum += d.censored ? std::log(boost::math::cdf(boost::math::complement(dist, d.days)))
                        : std::log(boost::math::pdf(dist, d.days));
    }
  };
  if (family == Family::lognormal) add(boost::math::lognormal_distribution<double>(a, b));
  else add(boost::math::gamma_distribution<double>(a, b));
  return sum;
}

// Standard errors of (a, b) from the inverse of the observed information: the negative
// Hessian of the log-likelihood at the fit, by central differences.
std::array<double, 2> standard_errors(Family family, double a, double b,
                                      const std::vector<Duration>& stays) {
  const double ha = 1e-3 * std::abs(a), hb = 1e-3 * std::abs(b);
  const auto l = [&](double x, double y) { return log_likelihood(family, x, y, stays); };
  const double l0 = l(a, b);
  const double faa = (l(a + ha, b) - 2 * l0 + l(a - ha, b)) / (ha * ha);
  const double fbb = (l(a, b + hb) - 2 * l0 + l(a, b - hb)) / (hb * hb);
  const double fab =
      (l(a + ha, b + hb) - l(a + ha, b - hb) - l(a - ha, b + hb) + l(a - ha, b - hb)) / (4 * ha * hb);
  const double det = faa * fbb - fab * fab;  // of the Hessian; information = -Hessian
  return {std::sqrt(-fbb / det), std::sqrt(-faa / det)};
}

}  // namespace

TEST_CASE("fit recovers the scenario that made its extract through the patient event log") {
  const auto directory = scratch_directory("fit_round_trip_event_log");
  const auto scenario = (fs::path(directory) / "known.yaml").string();
  std::ofstream(scenario) << known_scenario();
  const auto results = (fs::path(directory) / "known.h5").string();
  const auto run = run_bedflow({"run", scenario, "-n", "1", "--events", "-o", results});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  const auto csv = (fs::path(directory) / "extract.csv").string();
  const auto converted = run_program(
      "/usr/bin/python3", {source_path("tools/events_to_extract.py"), results, csv});
  INFO(converted.err);
  REQUIRE(converted.exit_status == 0);

  const auto extract = read_extract(csv);
  const auto fit = fit_extract(extract);
  REQUIRE(fit.streams.size() == 1);
  const auto& s = fit.streams[0];
  const double n = static_cast<double>(s.admissions);
  INFO("admissions " << n << " on " << fit.window_days << " days");
  // Poisson count: the rate's standard error is sqrt(N) / days.
  CHECK(std::abs(s.rate_per_day - kRate) < kEventLogZ * std::sqrt(n) / fit.window_days);
  const double weeks = fit.window_days / 7;
  for (std::size_t w = 0; w < 7; ++w) {
    INFO("weekday " << w << ": " << s.weekday[w]);
    const double count = kWeekday[w] * s.rate_per_day * weeks;
    CHECK(std::abs(s.weekday[w] - kWeekday[w]) < kEventLogZ * std::sqrt(count) / weeks / s.rate_per_day);
  }
  REQUIRE(s.hour.has_value());
  for (std::size_t h = 0; h < 24; ++h) {
    INFO("hour " << h << ": " << (*s.hour)[h]);
    CHECK(std::abs((*s.hour)[h] - hour_factor(h)) < kEventLogZ * 24 * binomial_se(hour_factor(h) / 24, n));
  }

  REQUIRE(fit.cohorts.size() == 2);
  for (std::size_t c = 0; c < 2; ++c) {
    const auto& cohort = fit.cohorts[c];
    const bool frail = cohort.name == "frail";
    INFO("cohort " << cohort.name);
    const double share = frail ? kFrailShare : 1 - kFrailShare;
    CHECK(std::abs(static_cast<double>(s.cohort_counts[c]) / n - share) < kEventLogZ * binomial_se(share, n));
    const auto& truth = frail ? kFrailPathways : kAdultPathways;
    double known = 0;
    for (const auto k : cohort.pathway_counts) known += static_cast<double>(k);
    for (std::size_t k = 0; k < 4; ++k) {
      INFO("P" << k << ": " << cohort.pathway_counts[k] << " of " << known);
      const double p = static_cast<double>(cohort.pathway_counts[k]) / known;
      CHECK(std::abs(p - truth[k]) < kEventLogZ * binomial_se(std::max(truth[k], 1.0 / known), known));
    }

    REQUIRE(cohort.stay.has_value());
    const auto& best = cohort.stay->best();
    INFO(cohort.stay->count << " stays, " << cohort.stay->censored << " censored; AIC "
                            << family_name(best.family) << " a " << best.a << " b " << best.b);
    // Tens of thousands of stays: AIC picks the family that generated them.
    CHECK(best.family == (frail ? Family::lognormal : Family::gamma));
    CHECK(cohort.stay->count > 10000);
    const auto se = standard_errors(best.family, best.a, best.b, stays_of(extract, c));
    INFO("standard errors " << se[0] << ", " << se[1]);
    CHECK(std::abs(best.a - (frail ? 1.8 : 2.0)) < kEventLogZ * se[0]);
    CHECK(std::abs(best.b - (frail ? 0.9 : 2.0)) < kEventLogZ * se[1]);
  }
  // Each pathway's delay from ready to leaving: exponential, of the scenario's mean (no queue:
  // every destination has unlimited places); the mean's standard error is mean / sqrt(events).
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("P" << k);
    REQUIRE(fit.delays[k].has_value());
    const auto& d = *fit.delays[k];
    const auto exponential = std::find_if(d.families.begin(), d.families.end(),
                                          [](const FamilyFit& f) { return f.family == Family::exponential; });
    REQUIRE(exponential != d.families.end());
    const double events = static_cast<double>(d.count - d.censored);
    INFO("fitted mean " << exponential->a << " of " << kDelayMean[k] << " from " << events << " delays");
    CHECK(std::abs(exponential->a - kDelayMean[k]) < kEventLogZ * kDelayMean[k] / std::sqrt(events));
  }
}
