// Maximum-likelihood fits of the four families to right-censored durations.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>
#include <stdexcept>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/tools/minima.hpp>

#include "bedflow/fitting/stay_fit.hpp"
#include "nelder_mead.hpp"

namespace bedflow::fitting {
namespace {

constexpr double kLogTwoPi = 1.8378770664093453;
constexpr double kTiny = 1e-300;

// Durations known only to lie in [lo, hi), with how many share those bounds: dates without
// times give few distinct intervals, so a likelihood costs one term per distinct interval.
struct Interval {
  double lo, hi, n;
};

// What the event rows contribute, once: the likelihoods of all four families need only
// these, plus each censored duration and each distinct interval.
struct Sums {
  double events = 0, sum = 0, sum_log = 0, sum_log2 = 0, total = 0;
  std::vector<double> censored;
  std::vector<Interval> intervals;
  std::vector<std::pair<double, double>> recorded;  // whole days between dates, how many
  bool closed_form() const { return intervals.empty() && recorded.empty(); }
};

// A stay recorded as d = 0 whole days lasted under a day: 1/3 is its mean under the kernel
// (density 2(1 - t)), the numerical fits' start for it.
constexpr double kSameDayStart = 1.0 / 3.0;

// G(x) = x F(x) - E[T; T <= x], from each family's partial expectation: exponential m P(2,
// x/m); lognormal e^(mu + s^2/2) Phi((ln x - mu - s^2) / s); gamma k theta P(k + 1, x/theta);
// Weibull lambda Gamma(1 + 1/k) P(1 + 1/k, (x/lambda)^k) (P: the regularised lower gamma).
double integrated_cdf(Family family, double a, double b, double x) {
  if (x <= 0) return 0;
  switch (family) {
    case Family::exponential:
      return x * -std::expm1(-x / a) - a * boost::math::gamma_p(2.0, x / a);
    case Family::lognormal: {
      const double z = (std::log(x) - a) / (b * M_SQRT2);
      const double F = 0.5 * boost::math::erfc(-z);
      return x * F - std::exp(a + b * b / 2) * 0.5 * boost::math::erfc(-(z - b / M_SQRT2));
    }
    case Family::gamma:
      return x * boost::math::gamma_p(a, x / b) - a * b * boost::math::gamma_p(a + 1, x / b);
    case Family::weibull: {
      const double z = std::pow(x / b, a);
      return x * -std::expm1(-z) - b * std::tgamma(1 + 1 / a) * boost::math::gamma_p(1 + 1 / a, z);
    }
  }
  return 0;
}

// n log(G(d + 1) - 2 G(d) + G(d - 1)) for each count of whole days recorded between dates.
double recorded_terms(const Sums& s, Family family, double a, double b) {
  double ll = 0;
  for (const auto& [d, n] : s.recorded) {
    const double mass = integrated_cdf(family, a, b, d + 1) - 2 * integrated_cdf(family, a, b, d) +
                        integrated_cdf(family, a, b, d - 1);
    ll += n * std::log(std::max(mass, kTiny));
  }
  return ll;
}

// With `midpoints`, an interval-censored duration counts as exact at its interval's middle:
// the start of the numerical fits, never their answer.
Sums sums_of(const std::vector<Duration>& durations, bool midpoints = false) {
  Sums s;
  std::map<std::pair<double, double>, double> intervals;
  std::map<double, double> recorded;
  for (const auto& d : durations) {
    if (d.interval() && !midpoints) {
      intervals[{std::max(d.days, 0.0), d.until}] += 1;
      continue;
    }
    if (d.between_dates && !d.censored && !midpoints) {
      recorded[std::max(d.days, 0.0)] += 1;
      continue;
    }
    double t = d.interval() ? 0.5 * (d.days + d.until) : d.days;
    if (d.between_dates && !d.censored && t < 1) t = kSameDayStart;
    t = std::max(t, kMinimumDuration);
    s.total += t;
    if (d.censored) {
      s.censored.push_back(t);
    } else {
      const double l = std::log(t);
      s.events += 1, s.sum += t, s.sum_log += l, s.sum_log2 += l * l;
    }
  }
  for (const auto& [bounds, n] : intervals) s.intervals.push_back({bounds.first, bounds.second, n});
  s.recorded.assign(recorded.begin(), recorded.end());
  if (s.events == 0 && s.closed_form()) throw std::invalid_argument("no completed durations to fit");
  return s;
}

// n log(F(hi) - F(lo)) for each interval, from `tails(t)` = {F(t), S(t)}: the difference is
// taken in the tail where it is not lost to rounding.
template <class Tails>
double interval_terms(const Sums& s, Tails tails) {
  double ll = 0;
  for (const auto& i : s.intervals) {
    const auto [f_lo, s_lo] = i.lo > 0 ? tails(i.lo) : std::pair<double, double>{0.0, 1.0};
    const auto [f_hi, s_hi] = tails(i.hi);
    const double mass = f_hi < 0.5 ? f_hi - f_lo : s_lo - s_hi;
    ll += i.n * std::log(std::max(mass, kTiny));
  }
  return ll;
}

double lognormal_log_likelihood(const Sums& s, double mu, double sigma) {
  double ll = -s.sum_log - s.events * (std::log(sigma) + 0.5 * kLogTwoPi) -
              (s.sum_log2 - 2 * mu * s.sum_log + s.events * mu * mu) / (2 * sigma * sigma);
  for (const double t : s.censored) {
    ll += std::log(std::max(0.5 * boost::math::erfc((std::log(t) - mu) / (sigma * M_SQRT2)), kTiny));
  }
  return ll + interval_terms(s, [&](double t) {
    const double z = (std::log(t) - mu) / (sigma * M_SQRT2);
    return std::pair{0.5 * boost::math::erfc(-z), 0.5 * boost::math::erfc(z)};
  }) + recorded_terms(s, Family::lognormal, mu, sigma);
}

double gamma_log_likelihood(const Sums& s, double k, double theta) {
  double ll = (k - 1) * s.sum_log - s.sum / theta - s.events * (std::lgamma(k) + k * std::log(theta));
  for (const double t : s.censored) {
    ll += std::log(std::max(boost::math::gamma_q(k, t / theta), kTiny));
  }
  return ll + interval_terms(s, [&](double t) {
    return std::pair{boost::math::gamma_p(k, t / theta), boost::math::gamma_q(k, t / theta)};
  }) + recorded_terms(s, Family::gamma, k, theta);
}

double exponential_log_likelihood(const Sums& s, double mean) {
  // Exact and right-censored rows alike contribute -t / mean; exact ones also -log(mean).
  return -s.events * std::log(mean) - s.total / mean + interval_terms(s, [&](double t) {
    return std::pair{-std::expm1(-t / mean), std::exp(-t / mean)};
  }) + recorded_terms(s, Family::exponential, mean, 0.0);
}

double weibull_log_likelihood(const std::vector<Duration>& durations, const Sums& s, double k,
                              double scale) {
  double ll = 0;
  for (const auto& d : durations) {
    if (d.interval() || (d.between_dates && !d.censored)) continue;
    const double t = std::max(d.days, kMinimumDuration);
    const double z = std::pow(t / scale, k);
    ll += d.censored ? -z : std::log(k / scale) + (k - 1) * std::log(t / scale) - z;
  }
  return ll + interval_terms(s, [&](double t) {
    const double z = std::pow(t / scale, k);
    return std::pair{-std::expm1(-z), std::exp(-z)};
  }) + recorded_terms(s, Family::weibull, k, scale);
}

FamilyFit fit_exponential(const Sums& s, const Sums& start) {
  FamilyFit f{Family::exponential};
  if (s.closed_form()) {
    f.a = s.total / s.events;
    f.log_likelihood = -s.events * std::log(f.a) - s.events;
    return f;
  }
  // No closed form with intervals: Brent's method on log(mean), within a factor e^5 of the
  // midpoints' estimate.
  const double guess = std::log(start.total / start.events);
  const auto [log_mean, nll] = boost::math::tools::brent_find_minima(
      [&](double m) { return -exponential_log_likelihood(s, std::exp(m)); }, guess - 5, guess + 5, 40);
  f.a = std::exp(log_mean);
  f.log_likelihood = -nll;
  return f;
}

FamilyFit fit_lognormal(const Sums& s, const Sums& start) {
  const double mu0 = start.sum_log / start.events;
  const double sd0 = std::sqrt(std::max(start.sum_log2 / start.events - mu0 * mu0, 1e-6));
  const auto nll = [&](const Point2& p) {
    return -lognormal_log_likelihood(s, p[0], std::exp(p[1]));
  };
  const auto p = nelder_mead(nll, {mu0, std::log(sd0)}, {0.1 * sd0 + 0.01, 0.1});
  FamilyFit f{Family::lognormal, p[0], std::exp(p[1])};
  f.log_likelihood = -nll(p);
  return f;
}

FamilyFit fit_gamma(const Sums& s, const Sums& start) {
  // Start: the uncensored closed-form approximation (Minka 2002, "Estimating a Gamma
  // distribution"), then the censored likelihood.
  const double mean = start.sum / start.events;
  const double spread = std::max(std::log(mean) - start.sum_log / start.events, 1e-8);
  // Bounded: identical durations (spread 0) would otherwise start the shape near infinity.
  const double k0 = std::clamp(
      (3 - spread + std::sqrt((spread - 3) * (spread - 3) + 24 * spread)) / (12 * spread), 0.01, 1000.0);
  const auto nll = [&](const Point2& p) {
    return -gamma_log_likelihood(s, std::exp(p[0]), std::exp(p[1]));
  };
  const auto p = nelder_mead(nll, {std::log(k0), std::log(mean / k0)}, {0.1, 0.1});
  FamilyFit f{Family::gamma, std::exp(p[0]), std::exp(p[1])};
  f.log_likelihood = -nll(p);
  return f;
}

// Exact and right-censored durations only: the scale profiled out in closed form.
FamilyFit fit_weibull_profile(const std::vector<Duration>& durations, const Sums& s) {
  // Times scaled by their mean keep t^k finite for any shape tried; the scale is profiled
  // out: lambda^k = sum over all rows of t^k / events.
  const double g = s.total / static_cast<double>(durations.size());
  std::vector<double> scaled;
  scaled.reserve(durations.size());
  for (const auto& d : durations) scaled.push_back(std::max(d.days, kMinimumDuration) / g);
  const double sum_log_scaled = s.sum_log - s.events * std::log(g);
  const auto profile = [&](double log_k) {
    const double k = std::exp(log_k);
    double sum_pow = 0;
    for (const double t : scaled) sum_pow += std::pow(t, k);
    // -log L = -(d log k - d log(sum_pow / d) + (k - 1) sum log t - d)
    return -(s.events * std::log(k) - s.events * std::log(sum_pow / s.events) +
             (k - 1) * sum_log_scaled - s.events);
  };
  const auto [log_k, nll] =
      boost::math::tools::brent_find_minima(profile, std::log(0.05), std::log(50.0), 30);
  FamilyFit f{Family::weibull, std::exp(log_k)};
  double sum_pow = 0;
  for (const double t : scaled) sum_pow += std::pow(t, f.a);
  f.b = g * std::pow(sum_pow / s.events, 1.0 / f.a);
  f.log_likelihood = -nll - s.events * std::log(g);  // back to unscaled days
  return f;
}

FamilyFit fit_weibull(const std::vector<Duration>& durations, const Sums& s, const Sums& start) {
  if (s.closed_form()) return fit_weibull_profile(durations, s);
  // With intervals: the profile fit with each interval at its middle starts Nelder-Mead on
  // the whole likelihood.
  std::vector<Duration> middles = durations;
  for (auto& d : middles) {
    if (d.interval()) d = {0.5 * (d.days + d.until), false};
    if (d.between_dates && !d.censored) d = {std::max(d.days, kSameDayStart), false};
  }
  const auto guess = fit_weibull_profile(middles, start);
  const auto nll = [&](const Point2& p) {
    return -weibull_log_likelihood(durations, s, std::exp(p[0]), std::exp(p[1]));
  };
  const auto p = nelder_mead(nll, {std::log(guess.a), std::log(guess.b)}, {0.1, 0.1});
  FamilyFit f{Family::weibull, std::exp(p[0]), std::exp(p[1])};
  f.log_likelihood = -nll(p);
  return f;
}

}  // namespace

const char* family_name(Family family) {
  switch (family) {
    case Family::exponential: return "exponential";
    case Family::lognormal: return "lognormal";
    case Family::gamma: return "gamma";
    case Family::weibull: return "weibull";
  }
  return "?";
}

double FamilyFit::mean() const {
  switch (family) {
    case Family::exponential: return a;
    case Family::lognormal: return std::exp(a + b * b / 2);
    case Family::gamma: return a * b;
    case Family::weibull: return b * std::tgamma(1 + 1 / a);
  }
  return 0;
}

double FamilyFit::cdf(double days) const {
  if (days <= 0) return 0;
  switch (family) {
    case Family::exponential: return -std::expm1(-days / a);
    case Family::lognormal: return boost::math::cdf(boost::math::lognormal(a, b), days);
    case Family::gamma: return boost::math::gamma_p(a, days / b);
    case Family::weibull: return -std::expm1(-std::pow(days / b, a));
  }
  return 0;
}

double FamilyFit::integrated_cdf(double days) const {
  return bedflow::fitting::integrated_cdf(family, a, b, days);
}

double FamilyFit::recorded_days_cdf(double days) const {
  return integrated_cdf(days + 1) - integrated_cdf(days);
}

FamilyFit fit_family(Family family, const std::vector<Duration>& durations) {
  const auto s = sums_of(durations);
  const auto start = s.closed_form() ? s : sums_of(durations, true);
  FamilyFit f;
  switch (family) {
    case Family::exponential: f = fit_exponential(s, start); break;
    case Family::lognormal: f = fit_lognormal(s, start); break;
    case Family::gamma: f = fit_gamma(s, start); break;
    case Family::weibull: f = fit_weibull(durations, s, start); break;
  }
  f.aic = 2.0 * (family == Family::exponential ? 1 : 2) - 2.0 * f.log_likelihood;
  return f;
}

}  // namespace bedflow::fitting
