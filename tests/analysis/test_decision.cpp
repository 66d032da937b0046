// The decision rule: a one-sided Student-t bound on the replication mean.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "bedflow/analysis/decision.hpp"
#include "bedflow/analysis/error.hpp"

using namespace bedflow::analysis;

namespace {

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}
double sd_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double s = 0.0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

}  // namespace

TEST_CASE("the bound is mean +- t_{n-1,c} sd / sqrt(n) on the side the target tests",
          "[decision]") {
  const std::vector<double> values{480.0, 510.0, 495.0, 470.0, 505.0, 490.0};
  const double n = static_cast<double>(values.size());
  const double t90 = boost::math::quantile(boost::math::students_t(n - 1.0), 0.9);
  const double t95 = boost::math::quantile(boost::math::students_t(n - 1.0), 0.95);
  const double se = sd_of(values) / std::sqrt(n);

  const Evidence low = weigh(values, parse_target("m <= 500"), 0.9);
  CHECK(low.mean == Approx(mean_of(values)));
  CHECK(low.bound == Approx(mean_of(values) + t90 * se));
  CHECK(low.half_width == Approx(t95 * se));  // two-sided interval at 90%
  CHECK(low.meets == (low.bound <= 500.0));

  const Evidence high = weigh(values, parse_target("m >= 480"), 0.9);
  CHECK(high.bound == Approx(mean_of(values) - t90 * se));
  CHECK(high.meets == (high.bound >= 480.0));
}

TEST_CASE("a mean on the right side is not enough when the interval straddles", "[decision]") {
  // Mean 495 <= 500, but the spread puts the 90% upper bound above 500.
  const std::vector<double> values{470.0, 520.0, 495.0, 480.0, 510.0};
  const Evidence e = weigh(values, parse_target("m <= 500"), 0.9);
  CHECK(e.mean < 500.0);
  CHECK(e.bound > 500.0);
  CHECK_FALSE(e.meets);
  // At confidence 0.5 the bound is the mean itself, so the same values meet.
  CHECK(weigh(values, parse_target("m <= 500"), 0.5).meets);
}

TEST_CASE("higher confidence never turns a miss into a meet", "[decision]") {
  const std::vector<double> values{1.0, 2.0, 3.0, 2.5, 1.5};
  const Target target = parse_target("m <= 2.6");
  bool met_before = true;
  for (double c : {0.5, 0.6, 0.75, 0.9, 0.95, 0.99}) {
    const bool meets = weigh(values, target, c).meets;
    CHECK((met_before || !meets));
    met_before = meets;
  }
  CHECK_FALSE(met_before);  // at 0.99 the bound is far above 2.6
}

TEST_CASE("bad confidence, too few or non-finite values are input errors", "[decision]") {
  const Target target = parse_target("m <= 1");
  const std::vector<double> two{0.5, 0.6};
  CHECK_THROWS_AS(weigh(two, target, 1.0), AnalysisError);
  CHECK_THROWS_AS(weigh(two, target, 0.3), AnalysisError);
  CHECK_THROWS_AS(weigh(two, target, std::nan("")), AnalysisError);
  const std::vector<double> one{0.5};
  CHECK_THROWS_WITH(weigh(one, target, 0.9), Catch::Contains("at least 2"));
  const std::vector<double> bad{0.5, std::nan("")};
  CHECK_THROWS_WITH(weigh(bad, target, 0.9), Catch::Contains("non-finite"));
}
