// Distributions against their analytic values: sample mean and variance, quantiles (the
// empirical cdf at analytic quantiles), cdf/quantile round trips, conditional sampling of the
// remaining time, and the fixed count of random numbers per draw.
//
// Tolerances come from sampling theory, not from guesses: with n draws, the sample mean has
// standard error sd / sqrt(n); the sample variance has standard error
// sqrt((mu4 - sigma^4) / n) (mu4 the fourth central moment, estimated from the same sample);
// the empirical cdf at a point has standard error sqrt(p (1 - p) / n). A check passes within
// kZ = 4.5 standard errors: the chance of a false alarm is below 1e-5 per check, so the ~150
// checks here stay quiet for any seed, while a wrong formula (a factor, a swapped parameter)
// is off by tens to hundreds of standard errors at these sample sizes.
#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/distribution.hpp"
#include "distribution_cases.hpp"

using namespace bedflow::engine;
using bedflow::engine::testing::distribution_cases;

namespace {

constexpr double kZ = 4.5;
constexpr std::size_t kDraws = 200'000;
constexpr double kProbabilities[] = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};

struct Moments {
  double mean = 0.0, variance = 0.0, fourth = 0.0;  // central moments; variance with n - 1
};

Moments moments_of(const std::vector<double>& xs) {
  Moments m;
  const double n = static_cast<double>(xs.size());
  for (double x : xs) m.mean += x;
  m.mean /= n;
  double s2 = 0.0, s4 = 0.0;
  for (double x : xs) {
    const double d = (x - m.mean) * (x - m.mean);
    s2 += d;
    s4 += d * d;
  }
  m.variance = s2 / (n - 1.0);
  m.fourth = s4 / n;
  return m;
}

double fraction_at_most(const std::vector<double>& sorted, double x) {
  return static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), x) - sorted.begin()) /
         static_cast<double>(sorted.size());
}

bool within_binomial(double observed, double p, std::size_t n) {
  const double se = std::sqrt(p * (1.0 - p) / static_cast<double>(n));
  return std::abs(observed - p) <= kZ * se + 1e-12;
}

}  // namespace

TEST_CASE("analytic mean and variance match the textbook values", "[distribution]") {
  for (const auto& c : distribution_cases()) {
    INFO(c.name);
    const Distribution d(c.params);
    CHECK(d.mean() == Approx(c.mean).epsilon(1e-12));
    CHECK(d.variance() == Approx(c.variance).epsilon(1e-12).margin(1e-14));
  }
}

TEST_CASE("sample mean and variance agree with the analytic values", "[distribution]") {
  for (const auto& c : distribution_cases()) {
    INFO(c.name);
    const Distribution d(c.params);
    RandomStream stream(11, 0, stream_id(c.name));
    std::vector<double> xs(kDraws);
    for (double& x : xs) x = d.sample(stream);
    CHECK(*std::min_element(xs.begin(), xs.end()) >= 0.0);
    const Moments m = moments_of(xs);
    if (c.variance == 0.0) {
      CHECK(m.variance == 0.0);
      CHECK(m.mean == c.mean);
      continue;
    }
    const double n = static_cast<double>(kDraws);
    const double se_mean = std::sqrt(c.variance / n);
    CHECK(std::abs(m.mean - c.mean) <= kZ * se_mean);
    const double se_variance = std::sqrt(std::max(m.fourth - m.variance * m.variance, 0.0) / n);
    CHECK(std::abs(m.variance - c.variance) <= kZ * se_variance);
  }
}

TEST_CASE("quantiles: the empirical cdf at analytic quantiles", "[distribution]") {
  for (const auto& c : distribution_cases()) {
    INFO(c.name);
    const Distribution d(c.params);
    RandomStream stream(12, 0, stream_id(c.name));
    std::vector<double> xs(kDraws);
    for (double& x : xs) x = d.sample(stream);
    std::sort(xs.begin(), xs.end());
    for (const double p : kProbabilities) {
      INFO("p = " << p);
      const double q = d.quantile(p);
      if (c.closed_quantile) CHECK(q == Approx(c.closed_quantile(p)).epsilon(1e-9).margin(1e-12));
      // For a step cdf the probability mass at or below the quantile is cdf(q), not p.
      const double target = c.continuous ? p : d.cdf(q);
      if (target >= 1.0) {
        CHECK(fraction_at_most(xs, q) == 1.0);
      } else {
        CHECK(within_binomial(fraction_at_most(xs, q), target, kDraws));
      }
    }
  }
}

TEST_CASE("cdf and quantile invert each other", "[distribution]") {
  for (const auto& c : distribution_cases()) {
    INFO(c.name);
    const Distribution d(c.params);
    if (c.continuous) {
      for (double p = 0.001; p < 0.9995; p += 0.0125) {
        INFO("p = " << p);
        CHECK(d.cdf(d.quantile(p)) == Approx(p).epsilon(1e-9).margin(1e-12));
      }
    }
    // Every value the quantile function produces maps back to itself (for step cdfs too:
    // the quantile is the left-continuous inverse).
    for (double p = 0.02; p < 0.99; p += 0.06) {
      const double x = d.quantile(p);
      INFO("x = " << x);
      CHECK(d.quantile(d.cdf(x)) == Approx(x).epsilon(1e-8).margin(1e-12));
    }
  }
  SECTION("cdf is 0 below the support and 1 above bounded ones") {
    CHECK(Distribution(DistributionParams::exponential(2.0)).cdf(-1.0) == 0.0);
    CHECK(Distribution(DistributionParams::uniform(1.0, 2.0)).cdf(0.5) == 0.0);
    CHECK(Distribution(DistributionParams::uniform(1.0, 2.0)).cdf(2.5) == 1.0);
    CHECK(Distribution(DistributionParams::triangular(1.0, 2.0, 3.0)).cdf(3.0) == 1.0);
    CHECK(Distribution(DistributionParams::fixed(4.0)).cdf(3.999) == 0.0);
    CHECK(Distribution(DistributionParams::fixed(4.0)).cdf(4.0) == 1.0);
  }
}

// Conditional draws invert the cdf on the upper tail, which is slow for gamma (an incomplete
// gamma inverse per draw), hence fewer draws than above.
constexpr std::size_t kRemainingDraws = 40'000;

TEST_CASE("sample_remaining follows the distribution conditional on the time already spent",
          "[distribution]") {
  for (const auto& c : distribution_cases()) {
    if (!c.continuous) continue;
    INFO(c.name);
    const Distribution d(c.params);
    for (const double elapsed_p : {0.3, 0.8}) {
      const double elapsed = d.quantile(elapsed_p);
      const double tail = 1.0 - d.cdf(elapsed);
      INFO("elapsed " << elapsed);
      RandomStream stream(13, 0, stream_id(c.name));
      std::vector<double> ys(kRemainingDraws);
      for (double& y : ys) y = d.sample_remaining(stream, elapsed);
      std::sort(ys.begin(), ys.end());
      CHECK(ys.front() >= 0.0);
      // P(X - e <= y | X > e) = (F(e + y) - F(e)) / (1 - F(e)), on a grid set by the sd.
      const double step = std::sqrt(c.variance) / 3.0;
      for (int k = 1; k <= 8; ++k) {
        const double y = step * k;
        const double conditional = (d.cdf(elapsed + y) - d.cdf(elapsed)) / tail;
        INFO("y = " << y);
        if (conditional >= 1.0) {
          CHECK(fraction_at_most(ys, y) == Approx(1.0).margin(1e-12));
        } else {
          CHECK(within_binomial(fraction_at_most(ys, y), conditional, kRemainingDraws));
        }
      }
    }
  }
}

TEST_CASE("sample_remaining of step distributions keeps only values beyond the time spent",
          "[distribution]") {
  // Observations 1, 2, 2, 3, 7.5, 10 after 2.5 days: 3, 7.5 and 10 remain, equally likely.
  const Distribution d(DistributionParams::empirical_samples({1.0, 2.0, 2.0, 3.0, 7.5, 10.0}));
  RandomStream stream(17, 0, 1);
  std::size_t counts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < kRemainingDraws; ++i) {
    const double y = d.sample_remaining(stream, 2.5);
    if (y == 0.5) ++counts[0];
    else if (y == 5.0) ++counts[1];
    else if (y == 7.5) ++counts[2];
  }
  REQUIRE(counts[0] + counts[1] + counts[2] == kRemainingDraws);
  for (const std::size_t count : counts) {
    CHECK(within_binomial(static_cast<double>(count) / static_cast<double>(kRemainingDraws),
                          1.0 / 3.0, kRemainingDraws));
  }
  RandomStream other(18, 0, 1);
  CHECK(Distribution(DistributionParams::fixed(5.0)).sample_remaining(other, 1.5) == 3.5);
}

TEST_CASE("sample_remaining of an exponential is memoryless", "[distribution]") {
  const Distribution d(DistributionParams::exponential(3.0));
  RandomStream stream(14, 0, 1);
  double sum = 0.0;
  for (std::size_t i = 0; i < kRemainingDraws; ++i) sum += d.sample_remaining(stream, 10.0);
  const double mean = sum / static_cast<double>(kRemainingDraws);
  CHECK(std::abs(mean - 3.0) <= kZ * 3.0 / std::sqrt(static_cast<double>(kRemainingDraws)));
}

TEST_CASE("sample_remaining is 0 once the whole support has passed", "[distribution]") {
  RandomStream stream(15, 0, 1);
  CHECK(Distribution(DistributionParams::uniform(1.0, 2.0)).sample_remaining(stream, 2.0) == 0.0);
  CHECK(Distribution(DistributionParams::fixed(2.0)).sample_remaining(stream, 5.0) == 0.0);
  CHECK(Distribution(DistributionParams::triangular(0.0, 1.0, 2.0)).sample_remaining(stream, 3.0) ==
        0.0);
}

TEST_CASE("sample_remaining with nothing elapsed is an ordinary draw", "[distribution]") {
  const Distribution d(DistributionParams::uniform(2.0, 4.0));
  RandomStream a(16, 0, 1), b(16, 0, 1);
  for (int i = 0; i < 100; ++i) CHECK(d.sample_remaining(a, 0.0) == d.quantile(b.uniform01()));
}

TEST_CASE("each kind but gamma consumes a fixed count of random numbers per draw",
          "[distribution][crn]") {
  // Common random numbers stay aligned across scenarios only if a draw never consumes a
  // variable count of numbers.
  struct Consumption {
    DistributionParams params;
    int numbers;
  };
  const Consumption cases[] = {
      {DistributionParams::fixed(1.0), 0},
      {DistributionParams::uniform(0.0, 1.0), 1},
      {DistributionParams::exponential(1.0), 1},
      {DistributionParams::lognormal_log(0.0, 1.0), 2},
      {DistributionParams::weibull(2.0, 1.0), 1},
      {DistributionParams::triangular(0.0, 1.0, 2.0), 1},
      {DistributionParams::empirical_samples({1.0, 2.0, 3.0}), 1},
      {DistributionParams::empirical_histogram({0.0, 1.0, 2.0}, {1.0, 1.0}), 1},
  };
  for (const auto& c : cases) {
    INFO(to_string(c.params.kind));
    const Distribution d(c.params);
    RandomStream used(21, 3, 4), twin(21, 3, 4);
    for (int draw = 0; draw < 50; ++draw) {
      d.sample(used);
      for (int k = 0; k < c.numbers; ++k) twin.next_u64();
    }
    CHECK(used.next_u64() == twin.next_u64());
  }
}
