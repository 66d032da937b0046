// Survival functions and draws from the upper tail (remaining stay given time already spent).
//
// Why a separate path from cdf/quantile: at ages far in the tail the cdf rounds to 1, so
// inverting it on [F(t), 1] loses every digit. Here each family works with its survival
// function S(x) = P(X > x) (Boost.Math complements, closed forms) and, where even S(t)
// underflows, with log S on a log scale solved by Newton's method.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "bedflow/engine/distribution.hpp"

namespace bedflow::engine {
namespace {

// Below this, S is computed and inverted on a log scale (well above the smallest normal double).
constexpr double kSmallestDirect = 1e-290;
constexpr int kNewtonSteps = 100;

// log P(Z > z) for a standard normal. For z >= 5 through the Mills ratio R(z) = S(z) / phi(z),
// evaluated by its continued fraction (Lentz), so it holds wherever z is finite.
double normal_log_survival(double z) {
  if (z < 5.0) return std::log(0.5 * boost::math::erfc(z / std::numbers::sqrt2));
  // R(z) = 1 / (z + 1 / (z + 2 / (z + 3 / (z + ...)))), evaluated from a fixed depth.
  double tail = z;
  for (int k = 60; k >= 1; --k) tail = z + k / tail;
  return -0.5 * z * z - 0.5 * std::log(2.0 * std::numbers::pi) - std::log(tail);
}

// log Q(a, y), Q the regularised upper incomplete gamma function. When Q underflows, through
// its continued fraction (Numerical Recipes' gcf, modified Lentz): Q = e^-y y^a / Gamma(a) * CF.
double gamma_log_survival(double a, double y) {
  const double q = boost::math::gamma_q(a, y);
  if (q > kSmallestDirect) return std::log(q);
  constexpr double tiny = 1e-300;
  double b = y + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 500; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-16) break;
  }
  return -y + a * std::log(y) - std::lgamma(a) + std::log(h);
}

// Solves g(x) = target for a decreasing log-survival g with derivative -hazard, from x0 at or
// beyond the age (where g >= target). log S is concave or convex on the ranges used here, so
// Newton's steps converge monotonically after at most one overshoot.
template <typename LogSurvival, typename Hazard>
double solve_log_survival(double x0, double floor, double target, LogSurvival g, Hazard hazard) {
  double x = x0;
  for (int i = 0; i < kNewtonSteps; ++i) {
    const double h = hazard(x);
    if (!(h > 0.0) || !std::isfinite(h)) break;
    const double next = std::max(floor, x + (g(x) - target) / h);
    if (std::abs(next - x) <= 1e-15 * std::abs(x)) return next;
    x = next;
  }
  return x;
}

}  // namespace

double Distribution::survival(double x) const {
  const double a = params_.a, b = params_.b, c = params_.c;
  switch (params_.kind) {
    case DistributionKind::exponential: return x <= 0 ? 1.0 : std::exp(-x / a);
    case DistributionKind::lognormal:
      return x <= 0 ? 1.0 : 0.5 * boost::math::erfc((std::log(x) - a) / (b * std::numbers::sqrt2));
    case DistributionKind::gamma: return x <= 0 ? 1.0 : boost::math::gamma_q(a, x / b);
    case DistributionKind::weibull: return x <= 0 ? 1.0 : std::exp(-std::pow(x / b, a));
    case DistributionKind::triangular:
      if (x <= a) return 1.0;
      if (x >= c) return 0.0;
      if (x <= b) return 1.0 - (x - a) * (x - a) / ((c - a) * (b - a));
      return (c - x) * (c - x) / ((c - a) * (c - b));
    default: return 1.0 - cdf(x);
  }
}

double Distribution::sample_remaining(RandomStream& stream, double elapsed) const {
  const double u = stream.uniform01();
  if (!(elapsed > 0.0)) return quantile(u);
  const double a = params_.a, b = params_.b, c = params_.c;
  const double t = elapsed;
  double x = t;
  switch (params_.kind) {
    case DistributionKind::fixed: x = std::max(a, t); break;
    case DistributionKind::uniform: {
      if (t >= b) return 0.0;
      const double low = std::max(a, t);
      x = low + u * (b - low);
      break;
    }
    case DistributionKind::exponential: return -a * std::log(u);  // memoryless
    case DistributionKind::weibull:
      // S(x) / S(t) = u  <=>  (x / b)^k = (t / b)^k - log u.
      x = b * std::pow(std::pow(t / b, a) - std::log(u), 1.0 / a);
      break;
    case DistributionKind::lognormal: {
      // In z = (log x - mu) / sigma: log S(z) = log S(z_t) + log u.
      const double zt = (std::log(t) - a) / b;
      const double target = normal_log_survival(zt) + std::log(u);
      double z;
      if (target > std::log(kSmallestDirect)) {
        z = std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * std::exp(target));
      } else {
        const auto hazard = [](double w) { return 1.0 / std::exp(
            normal_log_survival(w) + 0.5 * w * w + 0.5 * std::log(2.0 * std::numbers::pi)); };
        z = solve_log_survival(zt - std::log(u) / std::max(zt, 1.0), zt, target,
                               normal_log_survival, hazard);
      }
      x = std::exp(a + b * std::max(z, zt));
      break;
    }
    case DistributionKind::gamma: {
      const double yt = t / b;
      const double target = gamma_log_survival(a, yt) + std::log(u);
      double y;
      if (target > std::log(kSmallestDirect)) {
        y = boost::math::gamma_q_inv(a, std::exp(target));
      } else {
        const auto g = [a](double w) { return gamma_log_survival(a, w); };
        const auto hazard = [a](double w) {
          return std::exp((a - 1.0) * std::log(w) - w - std::lgamma(a) - gamma_log_survival(a, w));
        };
        y = solve_log_survival(yt - std::log(u), yt, target, g, hazard);
      }
      x = b * std::max(y, yt);
      break;
    }
    case DistributionKind::triangular: {
      const double tail = survival(t);
      if (!(tail > 0.0)) return 0.0;
      const double q = u * tail;  // P(X > x) = q, from the side where q is accurate
      if (q <= (c - b) / (c - a)) x = c - std::sqrt(q * (c - a) * (c - b));
      else x = a + std::sqrt((1.0 - q) * (c - a) * (b - a));
      break;
    }
    case DistributionKind::empirical_samples: {
      // A uniform choice among the observations beyond the time spent.
      const auto first = std::upper_bound(sorted_.begin(), sorted_.end(), t);
      const auto beyond = static_cast<std::size_t>(sorted_.end() - first);
      if (beyond == 0) return 0.0;
      const auto k = std::min(static_cast<std::size_t>(u * static_cast<double>(beyond)), beyond - 1);
      x = first[static_cast<std::ptrdiff_t>(k)];
      break;
    }
    case DistributionKind::empirical_histogram: {
      const double tail = survival(t);
      if (!(tail > 0.0)) return 0.0;
      x = quantile(1.0 - u * tail);
      break;
    }
  }
  return std::isfinite(x) && x > t ? x - t : 0.0;
}

}  // namespace bedflow::engine
