#include "bedflow/engine/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <limits>
#include <numeric>
#include <sstream>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace bedflow::engine {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

[[noreturn]] void fail(const std::string& what) { throw DistributionError(what); }

void require_finite(double value, const char* name) {
  if (!std::isfinite(value)) fail(std::string(name) + " must be a finite number");
}
void require_positive(double value, const char* name) {
  require_finite(value, name);
  if (!(value > 0.0)) fail(std::string(name) + " must be greater than 0");
}
void require_non_negative(double value, const char* name) {
  require_finite(value, name);
  if (value < 0.0) fail(std::string(name) + " must not be negative");
}

double normal_cdf(double z) { return 0.5 * boost::math::erfc(-z / std::numbers::sqrt2); }
double normal_quantile(double p) {
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p);
}

}  // namespace

std::string to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::fixed: return "fixed";
    case DistributionKind::uniform: return "uniform";
    case DistributionKind::exponential: return "exponential";
    case DistributionKind::lognormal: return "lognormal";
    case DistributionKind::gamma: return "gamma";
    case DistributionKind::weibull: return "weibull";
    case DistributionKind::triangular: return "triangular";
    case DistributionKind::empirical_samples: return "empirical";
    case DistributionKind::empirical_histogram: return "histogram";
  }
  return "unknown";
}

DistributionParams DistributionParams::fixed(double value) {
  return {DistributionKind::fixed, value, 0, 0, {}, {}};
}
DistributionParams DistributionParams::uniform(double low, double high) {
  return {DistributionKind::uniform, low, high, 0, {}, {}};
}
DistributionParams DistributionParams::exponential(double mean) {
  return {DistributionKind::exponential, mean, 0, 0, {}, {}};
}
DistributionParams DistributionParams::lognormal_log(double meanlog, double sdlog) {
  return {DistributionKind::lognormal, meanlog, sdlog, 0, {}, {}};
}
DistributionParams DistributionParams::lognormal_mean_sd(double mean, double sd) {
  require_positive(mean, "lognormal mean");
  require_positive(sd, "lognormal sd");
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  return lognormal_log(std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2));
}
DistributionParams DistributionParams::gamma_shape_scale(double shape, double scale) {
  return {DistributionKind::gamma, shape, scale, 0, {}, {}};
}
DistributionParams DistributionParams::gamma_mean_sd(double mean, double sd) {
  require_positive(mean, "gamma mean");
  require_positive(sd, "gamma sd");
  const double shape = (mean * mean) / (sd * sd);
  return gamma_shape_scale(shape, mean / shape);
}
DistributionParams DistributionParams::weibull(double shape, double scale) {
  return {DistributionKind::weibull, shape, scale, 0, {}, {}};
}
DistributionParams DistributionParams::triangular(double low, double mode, double high) {
  return {DistributionKind::triangular, low, mode, high, {}, {}};
}
DistributionParams DistributionParams::empirical_samples(std::vector<double> observations) {
  return {DistributionKind::empirical_samples, 0, 0, 0, std::move(observations), {}};
}
DistributionParams DistributionParams::empirical_histogram(std::vector<double> edges,
                                                           std::vector<double> weights) {
  return {DistributionKind::empirical_histogram, 0, 0, 0, std::move(edges), std::move(weights)};
}

Distribution::Distribution(DistributionParams params) : params_(std::move(params)) {
  const double a = params_.a, b = params_.b, c = params_.c;
  switch (params_.kind) {
    case DistributionKind::fixed:
      require_non_negative(a, "fixed value");
      mean_ = a;
      variance_ = 0.0;
      break;
    case DistributionKind::uniform:
      require_non_negative(a, "uniform low");
      require_finite(b, "uniform high");
      if (!(b > a)) fail("uniform high must be greater than low");
      mean_ = 0.5 * (a + b);
      variance_ = (b - a) * (b - a) / 12.0;
      break;
    case DistributionKind::exponential:
      require_positive(a, "exponential mean");
      mean_ = a;
      variance_ = a * a;
      break;
    case DistributionKind::lognormal:
      require_finite(a, "lognormal meanlog");
      require_positive(b, "lognormal sdlog");
      if (b > 10.0) fail("lognormal sdlog must be at most 10");
      mean_ = std::exp(a + 0.5 * b * b);
      variance_ = std::expm1(b * b) * std::exp(2.0 * a + b * b);
      break;
    case DistributionKind::gamma:
      require_positive(a, "gamma shape");
      require_positive(b, "gamma scale");
      mean_ = a * b;
      variance_ = a * b * b;
      break;
    case DistributionKind::weibull:
      require_positive(a, "weibull shape");
      require_positive(b, "weibull scale");
      {
        const double g1 = std::tgamma(1.0 + 1.0 / a);
        const double g2 = std::tgamma(1.0 + 2.0 / a);
        mean_ = b * g1;
        variance_ = b * b * (g2 - g1 * g1);
      }
      break;
    case DistributionKind::triangular:
      require_non_negative(a, "triangular low");
      require_finite(b, "triangular mode");
      require_finite(c, "triangular high");
      if (!(a <= b && b <= c && a < c)) fail("triangular needs low <= mode <= high and low < high");
      mean_ = (a + b + c) / 3.0;
      variance_ = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
      break;
    case DistributionKind::empirical_samples: {
      if (params_.values.empty()) fail("empirical samples must not be empty");
      for (double v : params_.values) require_non_negative(v, "empirical sample");
      sorted_ = params_.values;
      std::sort(sorted_.begin(), sorted_.end());
      const double n = static_cast<double>(sorted_.size());
      mean_ = std::accumulate(sorted_.begin(), sorted_.end(), 0.0) / n;
      double ss = 0.0;
      for (double v : sorted_) ss += (v - mean_) * (v - mean_);
      variance_ = ss / n;  // the distribution of a uniform draw from the list
      break;
    }
    case DistributionKind::empirical_histogram: {
      const auto& edges = params_.values;
      const auto& weights = params_.weights;
      if (edges.size() < 2) fail("histogram needs at least two bin edges");
      if (weights.size() != edges.size() - 1) fail("histogram needs one weight per bin");
      for (double e : edges) require_non_negative(e, "histogram edge");
      for (std::size_t i = 1; i < edges.size(); ++i) {
        if (!(edges[i] > edges[i - 1])) fail("histogram edges must increase");
      }
      double total = 0.0;
      for (double w : weights) {
        require_non_negative(w, "histogram weight");
        total += w;
      }
      if (!(total > 0.0)) fail("histogram weights must not all be zero");
      cumulative_.resize(weights.size());
      double running = 0.0, m1 = 0.0, m2 = 0.0;
      for (std::size_t i = 0; i < weights.size(); ++i) {
        const double p = weights[i] / total;
        running += p;
        cumulative_[i] = running;
        const double lo = edges[i], hi = edges[i + 1];
        m1 += p * 0.5 * (lo + hi);
        m2 += p * (lo * lo + lo * hi + hi * hi) / 3.0;
      }
      cumulative_.back() = 1.0;
      mean_ = m1;
      variance_ = m2 - m1 * m1;
      break;
    }
  }
}

double Distribution::standard_normal(RandomStream& stream) const {
  // Box-Muller, one normal per two uniforms and no cached spare: a fixed count of numbers
  // per draw keeps common random numbers aligned.
  const double u1 = stream.uniform01();
  const double u2 = stream.uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Distribution::sample_gamma(RandomStream& stream, double shape) const {
  // Marsaglia and Tsang (2000); shapes below 1 draw shape + 1 and scale by U^(1/shape).
  if (shape < 1.0) {
    const double u = stream.uniform01();
    return sample_gamma(stream, shape + 1.0) * std::pow(u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x, v;
    do {
      x = standard_normal(stream);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = stream.uniform01();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double Distribution::sample(RandomStream& stream) const {
  const double a = params_.a, b = params_.b;
  switch (params_.kind) {
    case DistributionKind::fixed: return a;
    case DistributionKind::uniform: return stream.uniform(a, b);
    case DistributionKind::exponential: return -a * std::log(stream.uniform01());
    case DistributionKind::lognormal: return std::exp(a + b * standard_normal(stream));
    case DistributionKind::gamma: return b * sample_gamma(stream, a);
    case DistributionKind::weibull: return b * std::pow(-std::log(stream.uniform01()), 1.0 / a);
    case DistributionKind::triangular:
    case DistributionKind::empirical_histogram: return quantile(stream.uniform01());
    case DistributionKind::empirical_samples:
      return params_.values[stream.below(params_.values.size())];
  }
  return 0.0;
}

double Distribution::cdf(double x) const {
  const double a = params_.a, b = params_.b, c = params_.c;
  switch (params_.kind) {
    case DistributionKind::fixed: return x >= a ? 1.0 : 0.0;
    case DistributionKind::uniform: return std::clamp((x - a) / (b - a), 0.0, 1.0);
    case DistributionKind::exponential: return x <= 0 ? 0.0 : -std::expm1(-x / a);
    case DistributionKind::lognormal: return x <= 0 ? 0.0 : normal_cdf((std::log(x) - a) / b);
    case DistributionKind::gamma: return x <= 0 ? 0.0 : boost::math::gamma_p(a, x / b);
    case DistributionKind::weibull: return x <= 0 ? 0.0 : -std::expm1(-std::pow(x / b, a));
    case DistributionKind::triangular:
      if (x <= a) return 0.0;
      if (x >= c) return 1.0;
      if (x <= b) return (x - a) * (x - a) / ((c - a) * (b - a));
      return 1.0 - (c - x) * (c - x) / ((c - a) * (c - b));
    case DistributionKind::empirical_samples:
      return static_cast<double>(std::upper_bound(sorted_.begin(), sorted_.end(), x) -
                                 sorted_.begin()) /
             static_cast<double>(sorted_.size());
    case DistributionKind::empirical_histogram: {
      const auto& edges = params_.values;
      if (x <= edges.front()) return 0.0;
      if (x >= edges.back()) return 1.0;
      const std::size_t bin = static_cast<std::size_t>(
          std::upper_bound(edges.begin(), edges.end(), x) - edges.begin() - 1);
      const double below = bin == 0 ? 0.0 : cumulative_[bin - 1];
      return below + (cumulative_[bin] - below) * (x - edges[bin]) / (edges[bin + 1] - edges[bin]);
    }
  }
  return 0.0;
}

double Distribution::quantile(double p) const {
  p = std::clamp(p, 0.0, 1.0);
  const double a = params_.a, b = params_.b, c = params_.c;
  switch (params_.kind) {
    case DistributionKind::fixed: return a;
    case DistributionKind::uniform: return a + p * (b - a);
    case DistributionKind::exponential: return p >= 1.0 ? kInfinity : -a * std::log1p(-p);
    case DistributionKind::lognormal:
      if (p <= 0.0) return 0.0;
      if (p >= 1.0) return kInfinity;
      return std::exp(a + b * normal_quantile(p));
    case DistributionKind::gamma:
      if (p <= 0.0) return 0.0;
      if (p >= 1.0) return kInfinity;
      return b * boost::math::gamma_p_inv(a, p);
    case DistributionKind::weibull:
      return p >= 1.0 ? kInfinity : b * std::pow(-std::log1p(-p), 1.0 / a);
    case DistributionKind::triangular: {
      const double split = (b - a) / (c - a);
      if (p <= split) return a + std::sqrt(p * (c - a) * (b - a));
      return c - std::sqrt((1.0 - p) * (c - a) * (c - b));
    }
    case DistributionKind::empirical_samples: {
      // The left-continuous inverse of the step cdf.
      const double n = static_cast<double>(sorted_.size());
      std::size_t index = static_cast<std::size_t>(std::ceil(p * n));
      index = index == 0 ? 0 : index - 1;
      return sorted_[std::min(index, sorted_.size() - 1)];
    }
    case DistributionKind::empirical_histogram: {
      const auto& edges = params_.values;
      const std::size_t bin = static_cast<std::size_t>(
          std::lower_bound(cumulative_.begin(), cumulative_.end(), p) - cumulative_.begin());
      const std::size_t k = std::min(bin, cumulative_.size() - 1);
      const double below = k == 0 ? 0.0 : cumulative_[k - 1];
      const double mass = cumulative_[k] - below;
      const double fraction = mass > 0.0 ? (p - below) / mass : 0.0;
      return edges[k] + std::clamp(fraction, 0.0, 1.0) * (edges[k + 1] - edges[k]);
    }
  }
  return 0.0;
}

std::string Distribution::describe() const {
  std::ostringstream out;
  out << to_string(params_.kind) << " (mean " << mean_ << ", sd " << std::sqrt(variance_) << ")";
  return out.str();
}

}  // namespace bedflow::engine
