// Choosing the family (AIC), measuring its fit against the Kaplan-Meier estimate, and the
// empirical fallback when no family fits.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "bedflow/fitting/stay_fit.hpp"

namespace bedflow::fitting {
namespace {

constexpr std::size_t kMaxComparisonPoints = 5000;
constexpr std::size_t kEmpiricalBins = 20;

// The Kaplan-Meier estimate of F as steps: F after each distinct event time.
struct Step {
  double days;
  double before;  // F just before `days`
  double after;   // F at `days`
};

std::vector<Step> kaplan_meier(std::vector<Duration>& d) {
  // A duration known to the day only has surely ended by its interval's upper end: placed
  // there, the estimate at those ends is the empirical CDF. Whole days recorded between
  // dates stay as recorded: their estimate is of the recorded days' distribution.
  for (auto& x : d) x = {std::max(x.interval() ? x.until : x.days, kMinimumDuration), x.censored};
  // Events before censorings at the same time: a patient censored at t was at risk at t.
  std::sort(d.begin(), d.end(), [](const Duration& x, const Duration& y) {
    return x.days < y.days || (x.days == y.days && !x.censored && y.censored);
  });
  std::vector<Step> steps;
  double survival = 1.0;
  std::size_t at_risk = d.size();
  for (std::size_t i = 0; i < d.size();) {
    std::size_t j = i, events = 0;
    while (j < d.size() && d[j].days == d[i].days) events += d[j].censored ? 0 : 1, ++j;
    if (events > 0) {
      const double before = 1 - survival;
      survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
      steps.push_back({d[i].days, before, 1 - survival});
    }
    at_risk -= j - i;
    i = j;
  }
  return steps;
}

// `ends_only`: with interval-censored durations the estimate is known at the steps' own
// times only (just before a step it still lacks the durations ending inside the interval).
// `recorded_days`: the steps are whole days recorded between dates, compared with the
// distribution of recorded days the family implies (FamilyFit::recorded_days_cdf).
double ks_distance(const FamilyFit& f, const std::vector<Step>& steps, bool ends_only,
                   bool recorded_days) {
  // Both CDFs rise, so the largest gap is at a step; with many steps a grid every
  // 1/5000 of them errs by at most that share of one step's spacing.
  const std::size_t stride = std::max<std::size_t>(1, steps.size() / kMaxComparisonPoints);
  double d = 0;
  for (std::size_t i = 0; i < steps.size(); i += stride) {
    // A same-day stay was placed at one minute; as recorded it is 0 whole days.
    const double F = recorded_days
                         ? f.recorded_days_cdf(steps[i].days <= kMinimumDuration ? 0.0 : steps[i].days)
                         : f.cdf(steps[i].days);
    d = std::max({d, ends_only ? 0.0 : std::abs(F - steps[i].before), std::abs(F - steps[i].after)});
  }
  return d;
}

EmpiricalFit binned(const std::vector<Step>& steps) {
  EmpiricalFit e;
  e.edges.push_back(0.0);
  double covered = 0.0;
  std::size_t next = 1;
  for (const auto& s : steps) {
    const double target = static_cast<double>(next) / kEmpiricalBins;
    if (s.after + 1e-12 >= target || &s == &steps.back()) {
      if (s.days > e.edges.back()) {
        e.edges.push_back(s.days);
        e.weights.push_back(s.after - covered);
        covered = s.after;
      }
      while (next < kEmpiricalBins && static_cast<double>(next) / kEmpiricalBins <= s.after + 1e-12) ++next;
    }
  }
  // What the estimate leaves beyond the last event (censored tail) goes to the last bin.
  double total = 0;
  for (const double w : e.weights) total += w;
  if (!e.weights.empty()) e.weights.back() += 1.0 - total;
  return e;
}

}  // namespace

StayFit fit_durations(std::vector<Duration> durations) {
  StayFit fit;
  fit.count = durations.size();
  std::size_t between_dates = 0;
  for (const auto& d : durations) {
    fit.censored += d.censored ? 1 : 0;
    fit.interval_censored += d.interval() || (d.between_dates && !d.censored) ? 1 : 0;
    between_dates += d.between_dates && !d.censored ? 1 : 0;
  }
  for (const auto family : {Family::exponential, Family::lognormal, Family::gamma, Family::weibull}) {
    // A family whose special functions fail on these data (overflow at an extreme shape)
    // simply loses: it cannot be chosen. The exponential's closed form always succeeds.
    FamilyFit f{family};
    try {
      f = fit_family(family, durations);
    } catch (const std::invalid_argument&) {
      throw;  // no completed durations: nothing to fit at all
    } catch (const std::exception&) {
      f.log_likelihood = -std::numeric_limits<double>::infinity();
    }
    if (!std::isfinite(f.log_likelihood) || !std::isfinite(f.a) || !std::isfinite(f.b)) {
      f.aic = std::numeric_limits<double>::infinity();
    }
    fit.families.push_back(f);
  }
  const auto steps = kaplan_meier(durations);
  double last = 0, survival = 1;
  for (const auto& s : steps) {
    fit.km_mean += survival * (s.days - last);
    last = s.days;
    survival = 1 - s.after;
  }
  for (auto& f : fit.families) {
    if (!std::isfinite(f.aic)) continue;
    try {
      f.ks = ks_distance(f, steps, fit.interval_censored > 0, between_dates > 0);
    } catch (const std::exception&) {
      f.aic = std::numeric_limits<double>::infinity();  // its CDF cannot be evaluated here
    }
  }
  std::sort(fit.families.begin(), fit.families.end(),
            [](const FamilyFit& x, const FamilyFit& y) { return x.aic < y.aic; });
  fit.fits = fit.best().ks <= kPoorFitDistance;
  if (!fit.fits) fit.empirical = binned(steps);
  return fit;
}

}  // namespace bedflow::fitting
