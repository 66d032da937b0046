// Right-censoring: stays cut at a fixed date are fitted as censored and recover the
// parameters; dropping them instead biases the mean down (asserted, so the handling matters).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "bedflow/fitting/stay_fit.hpp"

using namespace bedflow::fitting;

TEST_CASE("a lognormal sample cut at a fixed date: censored fit recovers it, dropping biases") {
  const double mu = 1.5, sigma = 0.9;  // mean exp(mu + sigma^2/2) = 6.7 days
  const double true_mean = std::exp(mu + sigma * sigma / 2);
  const double cut = 60.0;             // admissions uniform over 60 days, extract ends at 60
  std::mt19937_64 rng(21);
  std::uniform_real_distribution<double> admitted(0.0, cut);
  std::lognormal_distribution<double> stay(mu, sigma);
  std::vector<Duration> all, completed;
  const std::size_t n = 30000;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = admitted(rng), t = stay(rng);
    if (a + t < cut) {
      all.push_back({t, false});
      completed.push_back({t, false});
    } else {
      all.push_back({cut - a, true});
    }
  }
  const double censored = static_cast<double>(n - completed.size());
  REQUIRE(censored > 0.05 * n);  // enough censoring for the bias to show

  const auto with = fit_family(Family::lognormal, all);
  // Standard errors with censoring are larger than without by at most sqrt(n / events).
  const double inflation = std::sqrt(double(n) / double(completed.size()));
  const double se_mu = sigma / std::sqrt(double(n)) * inflation;
  const double se_sigma = sigma / std::sqrt(2.0 * n) * inflation;
  CHECK(std::abs(with.a - mu) < 4 * se_mu);
  CHECK(std::abs(with.b - sigma) < 4 * se_sigma);

  const auto dropped = fit_family(Family::lognormal, completed);
  // Dropping censored rows keeps the short stays of late admissions and loses their long
  // ones: the mean is biased down by far more than the censored fit's error.
  const double se_mean = true_mean * std::sqrt(se_mu * se_mu + sigma * sigma * se_sigma * se_sigma);
  CHECK(dropped.mean() < true_mean - 8 * se_mean);
  CHECK(std::abs(with.mean() - true_mean) < 4 * se_mean);
  // And the full chooser also keeps the censored rows.
  const auto chosen = fit_durations(all);
  CHECK(chosen.censored == static_cast<std::size_t>(censored));
  CHECK(chosen.best().family == Family::lognormal);
}
