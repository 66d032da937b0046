// Dates without times: stays known to the day only are fitted by interval censoring and
// recover the parameters; taking the whole days as exact biases the mean (asserted, so the
// handling matters). The spread of the estimates over independent samples gives the
// tolerances. A date-only extract through `bedflow fit` says so in the scenario's comments
// and writes no hour-of-day profile.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/stay_fit.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;

namespace {

constexpr double kMu = 1.0, kSigma = 0.8;  // mean exp(1.32) = 3.7 days; 11% same-day stays

// n stays floored to whole days: [d, d + 1) with interval censoring, or d taken as exact.
std::vector<Duration> floored(std::uint64_t seed, std::size_t n, bool as_intervals) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> stay(kMu, kSigma);
  std::vector<Duration> out;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = std::floor(stay(rng));
    out.push_back(as_intervals ? Duration{d, false, d + 1} : Duration{d, false});
  }
  return out;
}

struct Spread {
  double mean = 0, sd = 0;
};
Spread spread(const std::vector<double>& x) {
  Spread s;
  for (const double v : x) s.mean += v;
  s.mean /= static_cast<double>(x.size());
  for (const double v : x) s.sd += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(s.sd / static_cast<double>(x.size() - 1));
  return s;
}

// The lognormal fitted to `samples` independent samples, make(seed) each: the spread of
// meanlog, sdlog and mean over them, and each sample's values.
struct SampleFits {
  std::vector<double> mu, sigma, mean;
  Spread m, s, e;
};
template <class Make>
SampleFits fit_samples(std::size_t samples, std::uint64_t first_seed, Make make) {
  SampleFits out;
  for (std::size_t r = 0; r < samples; ++r) {
    const auto f = fit_family(Family::lognormal, make(first_seed + r));
    out.mu.push_back(f.a), out.sigma.push_back(f.b), out.mean.push_back(f.mean());
  }
  out.m = spread(out.mu), out.s = spread(out.sigma), out.e = spread(out.mean);
  INFO("meanlog " << out.m.mean << " +- " << out.m.sd << ", sdlog " << out.s.mean << " +- "
                  << out.s.sd << ", mean " << out.e.mean << " +- " << out.e.sd);
  // The average of the samples' estimates within 4 standard errors of the truth.
  const double root = std::sqrt(static_cast<double>(samples));
  CHECK(std::abs(out.m.mean - kMu) < 4 * out.m.sd / root);
  CHECK(std::abs(out.s.mean - kSigma) < 4 * out.s.sd / root);
  CHECK(std::abs(out.e.mean - std::exp(kMu + kSigma * kSigma / 2)) < 4 * out.e.sd / root);
  return out;
}

}  // namespace

TEST_CASE("stays floored to whole days: interval censoring recovers the lognormal, exact biases") {
  const double true_mean = std::exp(kMu + kSigma * kSigma / 2);
  const std::size_t n = 4000;
  const auto fits = fit_samples(30, 100, [&](std::uint64_t seed) { return floored(seed, n, true); });
  const auto& e = fits.e;
  // Each sample's estimate within 4 of its standard errors (the spread over samples).
  CHECK(std::abs(fits.mu.front() - kMu) < 4 * fits.m.sd);
  CHECK(std::abs(fits.sigma.front() - kSigma) < 4 * fits.s.sd);

  // The same floored days taken as exact (same-day stays as one minute): the mean is off by
  // far more than the interval fit's error.
  const auto exact = fit_family(Family::lognormal, floored(100, n, false));
  INFO("exact-taken mean " << exact.mean() << " vs true " << true_mean);
  CHECK(std::abs(exact.mean() - true_mean) > 8 * e.sd);

  // The chooser keeps the intervals, measures the fit at the intervals' ends, and picks the
  // generating family.
  const auto chosen = fit_durations(floored(100, n, true));
  CHECK(chosen.interval_censored == n);
  CHECK(chosen.best().family == Family::lognormal);
  CHECK(chosen.fits);
}

// n stays admitted at a uniform time of day and recorded as whole days between the two
// dates: d = floor(u + T). As between_dates, or read as the interval [d, d + 1).
std::vector<Duration> between_dates(std::uint64_t seed, std::size_t n, bool as_kernel) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> stay(kMu, kSigma);
  std::uniform_real_distribution<double> time_of_day(0.0, 1.0);
  std::vector<Duration> out;
  for (std::size_t i = 0; i < n; ++i) {
    const double u = time_of_day(rng);
    const double d = std::floor(u + stay(rng));
    out.push_back(as_kernel ? Duration{d, false, 0.0, true} : Duration{d, false, d + 1});
  }
  return out;
}

TEST_CASE("stays between two dates: the kernel recovers the lognormal, read as whole-day intervals they lengthen") {
  const double true_mean = std::exp(kMu + kSigma * kSigma / 2);
  const std::size_t n = 4000;
  const auto e =
      fit_samples(30, 300, [&](std::uint64_t seed) { return between_dates(seed, n, true); }).e;

  // Read as [d, d + 1), the same records lengthen the stays (by 0.38 days on this sample).
  const auto interval = fit_family(Family::lognormal, between_dates(300, n, false));
  INFO("interval-read mean " << interval.mean() << " vs true " << true_mean);
  CHECK(interval.mean() - true_mean > 8 * e.sd);

  // The chooser picks the generating family, and the recorded days fit its implied
  // distribution of whole days.
  const auto chosen = fit_durations(between_dates(300, n, true));
  INFO("KS " << chosen.best().ks);
  CHECK(chosen.interval_censored == n);
  CHECK(chosen.best().family == Family::lognormal);
  CHECK(chosen.fits);
  // G is the integral of the CDF: its difference quotient is the CDF (checked at 2.5 days).
  const auto& best = chosen.best();
  CHECK((best.integrated_cdf(2.5 + 1e-4) - best.integrated_cdf(2.5 - 1e-4)) / 2e-4 ==
        Approx(best.cdf(2.5)).epsilon(1e-6));
}

TEST_CASE("interval censoring mixes with right censoring") {
  // Floored stays of admissions uniform over 60 days, the extract ending at day 60: those
  // still in hospital are right-censored at whole days.
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int> admitted(0, 59);
  std::lognormal_distribution<double> stay(kMu, kSigma);
  std::vector<Duration> all;
  std::size_t censored = 0;
  for (std::size_t i = 0; i < 20000; ++i) {
    const int a = admitted(rng);
    const double t = stay(rng);
    if (a + t < 60) {
      const double d = std::floor(a + t) - a;  // dates: whole days between them
      all.push_back({d, false, d + 1});
    } else {
      all.push_back({60.0 - a, true});
      ++censored;
    }
  }
  REQUIRE(censored > 100);
  const auto f = fit_family(Family::lognormal, all);
  // Standard errors of the complete-data MLE, inflated for the censoring and for knowing
  // each stay to the day only (at most by sqrt(n / events) and a factor 2).
  const double n = static_cast<double>(all.size());
  const double inflation = 2 * std::sqrt(n / (n - static_cast<double>(censored)));
  CHECK(std::abs(f.a - kMu) < 4 * inflation * kSigma / std::sqrt(n));
  CHECK(std::abs(f.b - kSigma) < 4 * inflation * kSigma / std::sqrt(2 * n));
}

TEST_CASE("a date-only extract: interval censoring said in the comment, no hour profile") {
  const auto directory = bedflow::test::scratch_directory("fit_date_only");
  const auto extract = (fs::path(directory) / "extract.csv").string();
  {
    std::ofstream out(extract);
    out << "spell_id,admitted,discharged,admission_method,cohort,pathway\n";
    std::mt19937_64 rng(9);
    std::lognormal_distribution<double> stay(kMu, kSigma);
    std::poisson_distribution<int> admissions(40);
    int id = 0;
    for (int day = 0; day < 120; ++day) {
      for (int k = admissions(rng); k > 0; --k) {
        const int d = day + static_cast<int>(std::floor(stay(rng)));
        const auto date = [](int offset) { return format_date(20094.0 + offset); };  // 2025-01-06
        out << "S" << ++id << "," << date(day) << "," << (d < 120 ? date(d) : std::string())
            << ",emergency,adult,P0\n";
      }
    }
  }
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  const auto run = bedflow::test::run_bedflow({"fit", extract, "-o", fitted});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  std::ifstream in(fitted);
  std::string text, line;
  while (std::getline(in, line)) text += line + "\n";
  CHECK(text.find("known to the day only: fitted by interval censoring") != std::string::npos);
  CHECK(text.find("emergency: no hour-of-day profile: the admissions are dates without times") !=
        std::string::npos);
  CHECK(text.find("emergency_hour") == std::string::npos);
}

TEST_CASE("delays all recorded as the same whole days between dates: a warning that the spread is not known") {
  const auto directory = bedflow::test::scratch_directory("fit_same_day_delays");
  const auto path = (fs::path(directory) / "extract.csv").string();
  {
    std::ofstream out(path);
    out << "spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge\n";
    for (int i = 0; i < 200; ++i) {
      const int admitted = i / 4, stay = 1 + i % 5;  // ready and discharged the same day
      const auto date = [](int offset) { return format_date(20094.0 + offset); };
      out << "S" << i << "," << date(admitted) << "," << date(admitted + stay)
          << ",emergency,adult,P0," << date(admitted + stay) << "\n";
    }
  }
  const auto fitted = fit_extract(read_extract(path));
  std::string all;
  for (const auto& w : fitted.warnings) all += w + "\n";
  INFO(all);
  CHECK(all.find("recorded as 0 whole days between dates: its spread cannot be estimated") !=
        std::string::npos);
  // The stays, which differ, draw no such warning.
  CHECK(all.find("recorded as 1 whole days") == std::string::npos);
}
