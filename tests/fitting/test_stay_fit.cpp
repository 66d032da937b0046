// Maximum likelihood against theory: each family recovers its parameters within the
// asymptotic standard errors of the MLE, AIC picks the generating family, and a shape no
// family has falls back to the empirical distribution.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <boost/math/special_functions/trigamma.hpp>

#include "bedflow/fitting/stay_fit.hpp"

using namespace bedflow::fitting;

namespace {

constexpr std::size_t kN = 20000;
constexpr double kStayFitZ = 4.0;  // standard errors allowed: a false failure about 1 in 15,000

template <class D>
std::vector<Duration> sample(D distribution, std::uint64_t seed, std::size_t n = kN) {
  std::mt19937_64 rng(seed);
  std::vector<Duration> d;
  for (std::size_t i = 0; i < n; ++i) d.push_back({distribution(rng), false});
  return d;
}

}  // namespace

TEST_CASE("lognormal: meanlog and sdlog within their standard errors, and AIC picks it") {
  const double mu = 1.2, sigma = 0.8;
  const auto fit = fit_durations(sample(std::lognormal_distribution<double>(mu, sigma), 11));
  REQUIRE(fit.best().family == Family::lognormal);
  // Fisher information of the normal on log t: se(mu) = sigma/sqrt(n), se(sigma) = sigma/sqrt(2n).
  CHECK(std::abs(fit.best().a - mu) < kStayFitZ * sigma / std::sqrt(double(kN)));
  CHECK(std::abs(fit.best().b - sigma) < kStayFitZ * sigma / std::sqrt(2.0 * kN));
  CHECK(fit.fits);
  CHECK(fit.best().ks < 0.02);
}

TEST_CASE("gamma: shape and scale within their standard errors, and AIC picks it") {
  const double k = 2.5, theta = 3.0;
  const auto fit = fit_durations(sample(std::gamma_distribution<double>(k, theta), 12));
  REQUIRE(fit.best().family == Family::gamma);
  // var(k^) = k / (n (k psi'(k) - 1)) (Choi & Wette 1969).
  const double se_k = std::sqrt(k / (kN * (k * boost::math::trigamma(k) - 1)));
  CHECK(std::abs(fit.best().a - k) < kStayFitZ * se_k);
  // The mean k*theta is estimated by the sample mean: se = sqrt(k) theta / sqrt(n).
  CHECK(std::abs(fit.best().mean() - k * theta) < kStayFitZ * std::sqrt(k) * theta / std::sqrt(double(kN)));
}

TEST_CASE("Weibull: shape and scale within their standard errors, and AIC picks it") {
  const double k = 1.6, lambda = 7.0;
  const auto fit = fit_durations(sample(std::weibull_distribution<double>(k, lambda), 13));
  REQUIRE(fit.best().family == Family::weibull);
  // var(k^) = 6 k^2 / (pi^2 n); var(lambda^) = lambda^2 (1 + 6 (1 - gamma_E)^2 / pi^2) / (k^2 n)
  // (Cohen 1965).
  const double pi2 = M_PI * M_PI, euler = 0.5772156649015329;
  CHECK(std::abs(fit.best().a - k) < kStayFitZ * std::sqrt(6 * k * k / (pi2 * kN)));
  CHECK(std::abs(fit.best().b - lambda) <
        kStayFitZ * lambda * std::sqrt((1 + 6 * (1 - euler) * (1 - euler) / pi2) / (k * k * kN)));
}

TEST_CASE("exponential: the mean within its standard error, and the two-parameter families find shape 1") {
  const double mean = 4.0;
  const auto fit = fit_durations(sample(std::exponential_distribution<double>(1 / mean), 14));
  const auto family = [&](Family f) {
    for (const auto& x : fit.families) if (x.family == f) return x;
    FAIL("family missing");
    return FamilyFit{};
  };
  CHECK(std::abs(family(Family::exponential).a - mean) < kStayFitZ * mean / std::sqrt(double(kN)));
  // Nested in gamma and Weibull: their extra parameter can buy at most a little likelihood,
  // so the exponential's AIC is within 2 of the best (the penalty of one parameter) unless
  // chance is extreme; their shapes are 1 within the standard error.
  CHECK(family(Family::exponential).aic <= fit.best().aic + 2 + 2 * kStayFitZ);
  CHECK(std::abs(family(Family::weibull).a - 1) < kStayFitZ * std::sqrt(6 / (M_PI * M_PI * kN)));
  CHECK(std::abs(family(Family::gamma).a - 1) <
        kStayFitZ * std::sqrt(1.0 / (kN * (boost::math::trigamma(1.0) - 1))));
}

TEST_CASE("a two-humped stay fits no family: empirical fallback from the Kaplan-Meier estimate") {
  std::mt19937_64 rng(15);
  std::vector<Duration> d;
  std::normal_distribution<double> short_stay(1.0, 0.1), long_stay(20.0, 1.0);
  for (std::size_t i = 0; i < kN; ++i) d.push_back({i % 2 ? short_stay(rng) : long_stay(rng), false});
  const auto fit = fit_durations(d);
  REQUIRE_FALSE(fit.fits);
  CHECK(fit.best().ks > kPoorFitDistance);
  const auto& e = fit.empirical;
  REQUIRE(e.weights.size() + 1 == e.edges.size());
  REQUIRE(e.edges.size() >= 5);
  double total = 0;
  for (std::size_t i = 0; i < e.weights.size(); ++i) {
    CHECK(e.edges[i + 1] > e.edges[i]);
    CHECK(e.weights[i] >= 0);
    total += e.weights[i];
  }
  CHECK(total == Approx(1.0).margin(1e-12));
  // Half the mass below 2 days, as generated (binomial: 4 se of 0.5 with n = 20000 is 0.014,
  // plus one bin's width of 1/20 for where the edge falls).
  double below = 0;
  for (std::size_t i = 0; i < e.weights.size(); ++i) if (e.edges[i + 1] <= 2.0) below += e.weights[i];
  CHECK(std::abs(below - 0.5) < 0.014 + 0.05);
  // The Kaplan-Meier mean of uncensored data is the sample mean: (1 + 20) / 2.
  CHECK(std::abs(fit.km_mean - 10.5) < kStayFitZ * 9.5 / std::sqrt(double(kN)) + 0.01);
}

TEST_CASE("degenerate durations (one stay, identical stays, all censored but one) still fit") {
  const std::vector<std::vector<Duration>> cases = {
      {{3.0, false}},
      std::vector<Duration>(500, Duration{1.0, false}),  // date-only data: whole days
      {{2.0, false}, {5.0, true}, {7.0, true}, {9.0, true}},
  };
  for (const auto& durations : cases) {
    INFO(durations.size() << " durations");
    const auto fit = fit_durations(durations);
    CHECK(std::isfinite(fit.best().aic));
    CHECK(fit.best().mean() > 0);
  }
  CHECK_THROWS_AS(fit_durations({{4.0, true}}), std::invalid_argument);  // nothing completed
}
