// Statistics: Welford's tally against a two-pass computation on data that defeats the naive
// sum-of-squares formula, exact time-weighted integration, Student-t critical values against
// published tables, and confidence intervals.
#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/statistics.hpp"

using namespace bedflow::engine;

namespace {
struct TwoPass {
  double mean, variance;
};
TwoPass two_pass(const std::vector<double>& xs) {
  long double sum = 0.0L;
  for (const double x : xs) sum += static_cast<long double>(x);
  const long double mean = sum / static_cast<long double>(xs.size());
  long double ss = 0.0L;
  for (const double x : xs) {
    const long double d = static_cast<long double>(x) - mean;
    ss += d * d;
  }
  return {static_cast<double>(mean), static_cast<double>(ss / static_cast<long double>(xs.size() - 1))};
}
}  // namespace

TEST_CASE("Welford's tally matches a two-pass computation on hard data", "[statistics]") {
  SECTION("a large offset with a small spread") {
    // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, variance 30. Summing squares in double loses it.
    const std::vector<double> xs{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    Tally tally;
    for (double x : xs) tally.add(x);
    CHECK(tally.count() == 4);
    CHECK(tally.mean() == 1e9 + 10);
    CHECK(tally.variance() == Approx(30.0).epsilon(1e-9));
    CHECK(tally.min() == 1e9 + 4);
    CHECK(tally.max() == 1e9 + 16);
  }
  SECTION("a million noisy values around 1e8") {
    RandomStream stream(3, 0, 0);
    std::vector<double> xs(1'000'000);
    for (double& x : xs) x = 1e8 + stream.uniform(-1.0, 1.0);
    Tally tally;
    for (double x : xs) tally.add(x);
    const TwoPass reference = two_pass(xs);
    CHECK(tally.mean() == Approx(reference.mean).epsilon(1e-12));
    CHECK(tally.variance() == Approx(reference.variance).epsilon(1e-6));
    CHECK(tally.variance() == Approx(1.0 / 3.0).epsilon(0.01));  // uniform(-1, 1)
  }
  SECTION("empty and single-value tallies") {
    Tally tally;
    CHECK(tally.count() == 0);
    CHECK(tally.mean() == 0.0);
    CHECK(tally.variance() == 0.0);
    tally.add(-2.5);
    CHECK(tally.mean() == -2.5);
    CHECK(tally.variance() == 0.0);
    CHECK(tally.min() == -2.5);
    CHECK(tally.max() == -2.5);
    tally.reset();
    CHECK(tally.count() == 0);
  }
}

TEST_CASE("TimeWeighted integrates a step function exactly", "[statistics]") {
  TimeWeighted level(10, 3.0);  // starts at t = 10 with level 3
  level.set(20, 5.0);           // 3 x 10
  level.add(25, -4.0);          // 5 x 5, then 1
  level.set(25, 7.0);           // zero-length step at 25
  CHECK(level.area(40) == 30.0 + 25.0 + 0.0 + 7.0 * 15.0);
  CHECK(level.mean(40) == 160.0 / 30.0);
  CHECK(level.level() == 7.0);
  level.reset(40);
  CHECK(level.area(40) == 0.0);
  CHECK(level.mean(40) == 7.0);  // no time observed yet: the current level
  level.set(50, 0.0);
  CHECK(level.mean(60) == 3.5);
  // Large integer areas stay exact (customer-seconds over years).
  TimeWeighted big(0, 0.0);
  big.set(1, 1000.0);
  big.set(Time{1} << 40, 0.0);
  CHECK(big.area(Time{1} << 41) == 1000.0 * static_cast<double>((Time{1} << 40) - 1));
}

TEST_CASE("Student-t critical values match published tables", "[statistics]") {
  // Two-sided 95% (t_{0.975}) and 99% (t_{0.995}) values, as printed in standard tables.
  CHECK(student_t_critical(1) == Approx(12.706205).epsilon(1e-6));
  CHECK(student_t_critical(2) == Approx(4.302653).epsilon(1e-6));
  CHECK(student_t_critical(5) == Approx(2.570582).epsilon(1e-6));
  CHECK(student_t_critical(9) == Approx(2.262157).epsilon(1e-6));
  CHECK(student_t_critical(19) == Approx(2.093024).epsilon(1e-6));
  CHECK(student_t_critical(29) == Approx(2.045230).epsilon(1e-6));
  CHECK(student_t_critical(120) == Approx(1.979930).epsilon(1e-6));
  CHECK(student_t_critical(9, 0.99) == Approx(3.249836).epsilon(1e-6));
  CHECK(student_t_critical(1'000'000) == Approx(1.959964).epsilon(1e-5));
  CHECK(std::isinf(student_t_critical(0)));
}

TEST_CASE("confidence intervals of replication values", "[statistics]") {
  const std::vector<double> values{1.0, 2.0, 3.0, 4.0, 5.0};
  const ConfidenceInterval ci = confidence_interval(values);
  CHECK(ci.n == 5);
  CHECK(ci.mean == 3.0);
  CHECK(ci.sd == Approx(std::sqrt(2.5)).epsilon(1e-12));
  // t_{0.975, 4} = 2.776445 from the tables; half-width t sd / sqrt(n).
  CHECK(ci.half_width == Approx(2.776445 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-6));
  CHECK(ci.lower() == Approx(3.0 - ci.half_width));
  CHECK(ci.upper() == Approx(3.0 + ci.half_width));
  CHECK(ci.level == 0.95);

  const ConfidenceInterval wider = confidence_interval(values, 0.99);
  CHECK(wider.half_width > ci.half_width);

  const std::vector<double> one{7.0};
  const ConfidenceInterval single = confidence_interval(one);
  CHECK(single.n == 1);
  CHECK(single.mean == 7.0);
  CHECK(single.half_width == 0.0);

  const std::vector<double> same{2.0, 2.0, 2.0};
  CHECK(confidence_interval(same).half_width == 0.0);
}

TEST_CASE("sample percentiles interpolate between order statistics (Hyndman-Fan 7)") {
  // numpy.percentile([4, 1, 3, 2], p) and R's quantile(type = 7) give these values.
  const std::vector<double> values{4.0, 1.0, 3.0, 2.0};
  REQUIRE(bedflow::engine::sample_percentile(values, 0.0) == 1.0);
  REQUIRE(bedflow::engine::sample_percentile(values, 25.0) == Approx(1.75));
  REQUIRE(bedflow::engine::sample_percentile(values, 50.0) == Approx(2.5));
  REQUIRE(bedflow::engine::sample_percentile(values, 90.0) == Approx(3.7));
  REQUIRE(bedflow::engine::sample_percentile(values, 100.0) == 4.0);
  const std::vector<double> one{7.0};
  REQUIRE(bedflow::engine::sample_percentile(one, 95.0) == 7.0);
  REQUIRE(std::isnan(bedflow::engine::sample_percentile(std::vector<double>{}, 50.0)));
}
