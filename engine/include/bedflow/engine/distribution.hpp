#pragma once
// Continuous distributions for durations and delays.
//
// Invariants:
//  - A Distribution is immutable once made; sample() draws from the caller's stream, so the
//    same stream gives the same numbers whichever distribution object is used.
//  - make_distribution() validates parameters and throws DistributionError with a message
//    naming the parameter; a Distribution that exists is always valid.
//  - Every kind can report its mean, variance, cdf and quantile, which the tests compare with
//    samples and which conditional sampling (remaining stay given time already spent) uses.
//  - Samples are never negative (all kinds here are supported on [0, inf) or on a bounded
//    interval the parameters fix).
//  - The numbers consumed per draw are fixed for every kind but gamma (rejection), so common
//    random numbers stay aligned between scenarios.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "bedflow/engine/random_stream.hpp"

namespace bedflow::engine {

enum class DistributionKind {
  fixed,
  uniform,
  exponential,
  lognormal,  // parameters meanlog (mu) and sdlog (sigma) of the underlying normal
  gamma,      // shape k and scale theta
  weibull,    // shape k and scale lambda
  triangular, // low, mode, high
  empirical_samples,    // resample a list of observed values uniformly
  empirical_histogram,  // bin edges and weights; uniform within a bin
};

std::string to_string(DistributionKind kind);

// Plain parameters, as a scenario states them. Use the named constructors: they convert
// planner-friendly forms (lognormal by mean and sd) into the canonical ones.
struct DistributionParams {
  DistributionKind kind = DistributionKind::fixed;
  double a = 0.0;  // fixed: value; uniform: low; exponential: mean; lognormal: meanlog;
                   // gamma/weibull: shape; triangular: low
  double b = 0.0;  // uniform: high; lognormal: sdlog; gamma/weibull: scale; triangular: mode
  double c = 0.0;  // triangular: high
  std::vector<double> values;   // empirical_samples: observations; histogram: bin edges
  std::vector<double> weights;  // histogram: one weight per bin (edges.size() - 1)

  static DistributionParams fixed(double value);
  static DistributionParams uniform(double low, double high);
  static DistributionParams exponential(double mean);
  static DistributionParams lognormal_log(double meanlog, double sdlog);
  static DistributionParams lognormal_mean_sd(double mean, double sd);
  static DistributionParams gamma_shape_scale(double shape, double scale);
  static DistributionParams gamma_mean_sd(double mean, double sd);
  static DistributionParams weibull(double shape, double scale);
  static DistributionParams triangular(double low, double mode, double high);
  static DistributionParams empirical_samples(std::vector<double> observations);
  static DistributionParams empirical_histogram(std::vector<double> edges,
                                                std::vector<double> weights);
};

class DistributionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class Distribution {
 public:
  // Throws DistributionError when the parameters do not describe a distribution.
  explicit Distribution(DistributionParams params);

  double sample(RandomStream& stream) const;
  // A draw of X given X > elapsed, minus elapsed: the time still to go for someone who has
  // already spent `elapsed` (days, or whatever unit the parameters use). One uniform number
  // per draw. Inverts the survival function S(x) = P(X > x) rather than the cdf, and on a log
  // scale where S(elapsed) underflows, so it stays accurate however far in the tail: the
  // exponential is exactly memoryless, the unbounded families never return 0. Returns 0 only
  // when the support has ended (fixed, uniform, triangular, empirical: elapsed >= the largest
  // possible value). Defined in distribution_tail.cpp.
  double sample_remaining(RandomStream& stream, double elapsed) const;
  // P(X > x), computed from the upper side (Boost.Math complements, closed forms) so that it
  // keeps its relative accuracy where the cdf rounds to 1.
  double survival(double x) const;

  double mean() const noexcept { return mean_; }
  double variance() const noexcept { return variance_; }
  double cdf(double x) const;
  double quantile(double p) const;  // p in [0, 1]
  const DistributionParams& params() const noexcept { return params_; }
  std::string describe() const;

 private:
  double sample_gamma(RandomStream& stream, double shape) const;
  double standard_normal(RandomStream& stream) const;

  DistributionParams params_;
  std::vector<double> cumulative_;  // histogram: cumulative weights normalised to 1
  std::vector<double> sorted_;      // empirical samples, sorted (for cdf and quantile)
  double mean_ = 0.0;
  double variance_ = 0.0;
};

}  // namespace bedflow::engine
