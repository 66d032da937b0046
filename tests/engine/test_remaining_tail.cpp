// Remaining stays far in the tail: the mean of sample_remaining(t) against the exact
// conditional mean E[X - t | X > t] = integral over y >= 0 of S(t + y) / S(t), for every
// family, at ages where the cdf rounds to 1 (and, for gamma and lognormal, where even S(t)
// underflows a double: those references are integrated in long double).
//
// Tolerance: kTailZ standard errors of the sample mean, the standard error taken from the
// sample's own sd (the conditional distributions here have finite variance).
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <catch2/catch.hpp>

#include "bedflow/engine/distribution.hpp"

using namespace bedflow::engine;

namespace {

constexpr double kTailZ = 4.5;
constexpr std::size_t kTailDraws = 40'000;

struct TailCase {
  std::string name;
  DistributionParams params;
  double age;
  std::function<long double(long double)> survival;  // independent of the code under test
  double support_end = std::numeric_limits<double>::infinity();
};

// E[X - t | X > t] by quadrature of the survival ratio (exp_sinh on [0, inf), tanh_sinh on
// a bounded support).
double conditional_mean(const TailCase& c) {
  const long double t = static_cast<long double>(c.age);
  const long double st = c.survival(t);
  REQUIRE(st > 0.0L);
  const auto ratio = [&](long double y) { return c.survival(t + y) / st; };
  if (std::isfinite(c.support_end)) {
    boost::math::quadrature::tanh_sinh<long double> integrator;
    const long double end = static_cast<long double>(c.support_end);
    return static_cast<double>(integrator.integrate(ratio, 0.0L, end - t));
  }
  boost::math::quadrature::exp_sinh<long double> integrator;
  return static_cast<double>(integrator.integrate(ratio));
}

long double lognormal_sf(long double mu, long double sigma, long double x) {
  return 0.5L * boost::math::erfc((std::log(x) - mu) / (sigma * std::numbers::sqrt2_v<long double>));
}

void check_mean_remaining(const TailCase& c, double expected) {
  INFO(c.name << " at age " << c.age << ", exact mean remaining " << expected);
  const Distribution d(c.params);
  RandomStream stream(2026, 0, 7);
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < kTailDraws; ++i) {
    const double y = d.sample_remaining(stream, c.age);
    REQUIRE(y > 0.0);
    sum += y;
    sum2 += y * y;
  }
  const double n = static_cast<double>(kTailDraws);
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, (sum2 - n * mean * mean) / (n - 1.0)));
  INFO("sample mean " << mean << ", sd " << sd);
  CHECK(std::abs(mean - expected) <= kTailZ * sd / std::sqrt(n));
}

}  // namespace

TEST_CASE("An exponential remaining stay is memoryless at any age", "[distribution][tail]") {
  for (const double age : {100.0, 1000.0, 1e6}) {
    const TailCase c{"exponential mean 3", DistributionParams::exponential(3.0), age,
                     [](long double x) { return std::exp(-x / 3.0L); }};
    check_mean_remaining(c, 3.0);
  }
}

TEST_CASE("A lognormal (mean 6, sd 9) after 36,500 days has its exact mean remaining stay",
          "[distribution][tail]") {
  const DistributionParams p = DistributionParams::lognormal_mean_sd(6.0, 9.0);
  const auto mu = static_cast<long double>(p.a);
  const auto sigma = static_cast<long double>(p.b);
  const TailCase c{"lognormal mean 6 sd 9", p, 36'500.0,
                   [=](long double x) { return lognormal_sf(mu, sigma, x); }};
  REQUIRE(Distribution(p).cdf(c.age) == 1.0);  // where the cdf can no longer tell
  const double exact = conditional_mean(c);
  // The same from the closed form E[X; X > t] = e^(mu + sigma^2 / 2) Q((ln t - mu - sigma^2) / sigma),
  // Q the standard normal's survival function: about 5,131 days.
  const long double t = static_cast<long double>(c.age);
  const long double partial = std::exp(mu + sigma * sigma / 2) *
                              lognormal_sf(mu + sigma * sigma, sigma, t);
  const double closed_form = static_cast<double>(partial / lognormal_sf(mu, sigma, t) - t);
  CHECK(exact == Approx(closed_form).epsilon(1e-9));
  check_mean_remaining(c, exact);
}

TEST_CASE("Every family's mean remaining stay at an extreme age matches its integral",
          "[distribution][tail]") {
  const double g_shape = 2.25, g_scale = 6.0 / 2.25;
  std::vector<TailCase> cases = {
      {"gamma shape 2.25 (cdf rounds to 1)", DistributionParams::gamma_shape_scale(g_shape, g_scale),
       300.0,
       [=](long double x) {
         const auto shape = static_cast<long double>(g_shape);
         return boost::math::gamma_q<long double>(shape, x / static_cast<long double>(g_scale));
       }},
      {"gamma shape 2 (S underflows a double)", DistributionParams::gamma_shape_scale(2.0, 1.0),
       800.0, [](long double x) { return std::exp(-x) * (1.0L + x); }},
      {"weibull shape 0.5", DistributionParams::weibull(0.5, 3.0), 4800.0,
       [](long double x) { return std::exp(-std::sqrt(x / 3.0L)); }},
      {"weibull shape 1.5", DistributionParams::weibull(1.5, 5.0), 80.0,
       [](long double x) { return std::exp(-std::pow(x / 5.0L, 1.5L)); }},
      {"lognormal sdlog 0.25 (S underflows a double)", DistributionParams::lognormal_log(0.0, 0.25),
       std::exp(10.0), [](long double x) { return lognormal_sf(0.0L, 0.25L, x); }},
      {"triangular 1, 3, 10", DistributionParams::triangular(1.0, 3.0, 10.0), 10.0 - 1e-7,
       [](long double x) { return x >= 10 ? 0.0L : (10 - x) * (10 - x) / (9.0L * 7.0L); }, 10.0},
      {"uniform 1 to 10", DistributionParams::uniform(1.0, 10.0), 10.0 - 1e-9,
       [](long double x) { return x >= 10 ? 0.0L : (10 - x) / 9.0L; }, 10.0},
      {"histogram 0-2-5-30", DistributionParams::empirical_histogram({0, 2, 5, 30}, {5, 4, 1e-9}),
       29.999,
       [](long double x) { return x >= 30 ? 0.0L : (1e-9L / (9.0L + 1e-9L)) * (30 - x) / 25; },
       30.0},
  };
  for (const TailCase& c : cases) {
    INFO(c.name);
    const Distribution d(c.params);
    // Past the old threshold (the cdf within 1e-12 of 1), where all of these used to leave at 0.
    if (c.name.rfind("uniform", 0) != 0) CHECK(d.cdf(c.age) > 1.0 - 1e-12);
    check_mean_remaining(c, conditional_mean(c));
  }
}

TEST_CASE("Empirical samples beyond the age remain, the largest at its exact distance",
          "[distribution][tail]") {
  const Distribution d(DistributionParams::empirical_samples({1.0, 2.0, 400.0}));
  RandomStream stream(2026, 0, 8);
  for (int i = 0; i < 100; ++i) CHECK(d.sample_remaining(stream, 399.5) == 0.5);
  CHECK(d.sample_remaining(stream, 400.0) == 0.0);
}

TEST_CASE("The survival function keeps its relative accuracy where the cdf rounds to 1",
          "[distribution][tail]") {
  const DistributionParams p = DistributionParams::lognormal_mean_sd(6.0, 9.0);
  const Distribution d(p);
  const long double exact =
      lognormal_sf(static_cast<long double>(p.a), static_cast<long double>(p.b), 36'500.0L);
  CHECK(std::abs(d.survival(36'500.0) / static_cast<double>(exact) - 1.0) < 1e-12);
  const Distribution g(DistributionParams::gamma_shape_scale(2.0, 1.0));
  CHECK(std::abs(g.survival(300.0) / (std::exp(-300.0) * 301.0) - 1.0) < 1e-12);
}
