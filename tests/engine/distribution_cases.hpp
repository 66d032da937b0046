#pragma once
// Distribution cases shared by the distribution tests: each with its mean and variance worked
// out here from textbook formulas (not read back from the engine), and, where one exists, a
// closed-form quantile computed independently of the engine's code path.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/normal.hpp>

#include "bedflow/engine/distribution.hpp"

namespace bedflow::engine::testing {

struct DistributionCase {
  std::string name;
  DistributionParams params;
  double mean;
  double variance;
  bool continuous;                                  // a cdf without jumps
  std::function<double(double)> closed_quantile;    // empty when there is none to compare
};

inline std::vector<DistributionCase> distribution_cases() {
  using P = DistributionParams;
  const auto lognormal_quantile = [](double mu, double sigma) {
    return [mu, sigma](double p) {
      return std::exp(mu + sigma * boost::math::quantile(boost::math::normal(), p));
    };
  };
  const auto gamma_quantile = [](double shape, double scale) {
    return [shape, scale](double p) {
      return boost::math::quantile(boost::math::gamma_distribution<>(shape, scale), p);
    };
  };
  const auto weibull_moments = [](double k, double lambda) {
    const double g1 = std::tgamma(1.0 + 1.0 / k), g2 = std::tgamma(1.0 + 2.0 / k);
    return std::pair{lambda * g1, lambda * lambda * (g2 - g1 * g1)};
  };
  const auto weibull_quantile = [](double k, double lambda) {
    return [k, lambda](double p) { return lambda * std::pow(-std::log(1.0 - p), 1.0 / k); };
  };
  // lognormal by mean 5 and sd 5: sigma^2 = ln(1 + 1) and mu = ln 5 - sigma^2 / 2.
  const double m1_sigma = std::sqrt(std::log(2.0));
  const double m1_mu = std::log(5.0) - 0.5 * std::log(2.0);
  const auto [w1_mean, w1_var] = weibull_moments(1.7, 3.0);
  const auto [w2_mean, w2_var] = weibull_moments(0.8, 2.0);
  const double ln_mean = std::exp(1.0 + 0.125), ln_var = std::expm1(0.25) * std::exp(2.0 + 0.25);
  return {
      {"fixed", P::fixed(3.5), 3.5, 0.0, false, [](double) { return 3.5; }},
      {"uniform", P::uniform(2.0, 7.0), 4.5, 25.0 / 12.0, true,
       [](double p) { return 2.0 + 5.0 * p; }},
      {"exponential", P::exponential(4.0), 4.0, 16.0, true,
       [](double p) { return -4.0 * std::log(1.0 - p); }},
      {"lognormal by meanlog/sdlog", P::lognormal_log(1.0, 0.5), ln_mean, ln_var, true,
       lognormal_quantile(1.0, 0.5)},
      {"lognormal by mean/sd", P::lognormal_mean_sd(5.0, 5.0), 5.0, 25.0, true,
       lognormal_quantile(m1_mu, m1_sigma)},
      {"gamma shape 2.5", P::gamma_shape_scale(2.5, 1.5), 3.75, 2.5 * 2.25, true,
       gamma_quantile(2.5, 1.5)},
      {"gamma shape 0.4", P::gamma_shape_scale(0.4, 3.0), 1.2, 0.4 * 9.0, true,
       gamma_quantile(0.4, 3.0)},
      {"gamma by mean/sd", P::gamma_mean_sd(6.0, 2.0), 6.0, 4.0, true, gamma_quantile(9.0, 6.0 / 9.0)},
      {"weibull shape 1.7", P::weibull(1.7, 3.0), w1_mean, w1_var, true, weibull_quantile(1.7, 3.0)},
      {"weibull shape 0.8", P::weibull(0.8, 2.0), w2_mean, w2_var, true, weibull_quantile(0.8, 2.0)},
      {"triangular", P::triangular(1.0, 2.0, 6.0), 3.0, 21.0 / 18.0, true,
       [](double p) {
         // split at F(mode) = (2 - 1) / (6 - 1)
         return p <= 0.2 ? 1.0 + std::sqrt(p * 5.0 * 1.0) : 6.0 - std::sqrt((1.0 - p) * 5.0 * 4.0);
       }},
      {"triangular mode at low", P::triangular(0.0, 0.0, 3.0), 1.0, 0.5, true,
       [](double p) { return 3.0 - std::sqrt((1.0 - p) * 9.0); }},
      // Population moments of a uniform pick from the list: mean 25.5 / 6, E[X^2] 174.25 / 6.
      {"empirical samples", P::empirical_samples({7.5, 2.0, 1.0, 10.0, 2.0, 3.0}), 4.25,
       174.25 / 6.0 - 4.25 * 4.25, false, {}},
      // Bin probabilities 2/8, 5/8, 0, 1/8; E[X^2] per bin (lo^2 + lo hi + hi^2) / 3.
      {"histogram", P::empirical_histogram({0.0, 1.0, 3.0, 6.0, 10.0}, {2.0, 5.0, 0.0, 1.0}), 2.375,
       (0.25 / 3.0 + 0.625 * 13.0 / 3.0 + 0.125 * 196.0 / 3.0) - 2.375 * 2.375, true, {}},
  };
}

}  // namespace bedflow::engine::testing
