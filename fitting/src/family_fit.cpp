// Maximum-likelihood fits of the four families to right-censored durations.
#include <algorithm>
#include <cmath>
#include <limits>
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

// What the event rows contribute, once: the likelihoods of all four families need only
// these, plus each censored duration.
struct Sums {
  double events = 0, sum = 0, sum_log = 0, sum_log2 = 0, total = 0;
  std::vector<double> censored;
};

Sums sums_of(const std::vector<Duration>& durations) {
  Sums s;
  for (const auto& d : durations) {
    const double t = std::max(d.days, kMinimumDuration);
    s.total += t;
    if (d.censored) {
      s.censored.push_back(t);
    } else {
      const double l = std::log(t);
      s.events += 1, s.sum += t, s.sum_log += l, s.sum_log2 += l * l;
    }
  }
  if (s.events == 0) throw std::invalid_argument("no completed durations to fit");
  return s;
}

double lognormal_log_likelihood(const Sums& s, double mu, double sigma) {
  double ll = -s.sum_log - s.events * (std::log(sigma) + 0.5 * kLogTwoPi) -
              (s.sum_log2 - 2 * mu * s.sum_log + s.events * mu * mu) / (2 * sigma * sigma);
  for (const double t : s.censored) {
    ll += std::log(std::max(0.5 * boost::math::erfc((std::log(t) - mu) / (sigma * M_SQRT2)), kTiny));
  }
  return ll;
}

double gamma_log_likelihood(const Sums& s, double k, double theta) {
  double ll = (k - 1) * s.sum_log - s.sum / theta - s.events * (std::lgamma(k) + k * std::log(theta));
  for (const double t : s.censored) {
    ll += std::log(std::max(boost::math::gamma_q(k, t / theta), kTiny));
  }
  return ll;
}

FamilyFit fit_exponential(const Sums& s) {
  FamilyFit f{Family::exponential};
  f.a = s.total / s.events;
  f.log_likelihood = -s.events * std::log(f.a) - s.events;
  return f;
}

FamilyFit fit_lognormal(const Sums& s) {
  const double mu0 = s.sum_log / s.events;
  const double sd0 = std::sqrt(std::max(s.sum_log2 / s.events - mu0 * mu0, 1e-6));
  const auto nll = [&](const Point2& p) {
    return -lognormal_log_likelihood(s, p[0], std::exp(p[1]));
  };
  const auto p = nelder_mead(nll, {mu0, std::log(sd0)}, {0.1 * sd0 + 0.01, 0.1});
  FamilyFit f{Family::lognormal, p[0], std::exp(p[1])};
  f.log_likelihood = -nll(p);
  return f;
}

FamilyFit fit_gamma(const Sums& s) {
  // Start: the uncensored closed-form approximation (Minka 2002, "Estimating a Gamma
  // distribution"), then the censored likelihood.
  const double mean = s.sum / s.events;
  const double spread = std::max(std::log(mean) - s.sum_log / s.events, 1e-8);
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

FamilyFit fit_weibull(const std::vector<Duration>& durations, const Sums& s) {
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

FamilyFit fit_family(Family family, const std::vector<Duration>& durations) {
  const auto s = sums_of(durations);
  FamilyFit f;
  switch (family) {
    case Family::exponential: f = fit_exponential(s); break;
    case Family::lognormal: f = fit_lognormal(s); break;
    case Family::gamma: f = fit_gamma(s); break;
    case Family::weibull: f = fit_weibull(durations, s); break;
  }
  f.aic = 2.0 * (family == Family::exponential ? 1 : 2) - 2.0 * f.log_likelihood;
  return f;
}

}  // namespace bedflow::fitting
