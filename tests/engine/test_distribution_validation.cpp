// Parameters that do not describe a distribution are rejected with a message naming the
// parameter; a Distribution that exists is always valid.
#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

#include "bedflow/engine/distribution.hpp"

using namespace bedflow::engine;
using Catch::Matchers::Contains;
using P = DistributionParams;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void require_rejected(const P& params, const char* fragment) {
  INFO(to_string(params.kind) << " expecting '" << fragment << "'");
  CHECK_THROWS_MATCHES(Distribution(params), DistributionError, Catch::Matchers::Predicate<DistributionError>(
      [fragment](const DistributionError& e) { return std::string(e.what()).find(fragment) != std::string::npos; },
      std::string("message names ") + fragment));
}
}  // namespace

TEST_CASE("invalid parameters are rejected with the parameter named", "[distribution]") {
  require_rejected(P::fixed(-1.0), "fixed value");
  require_rejected(P::fixed(kNaN), "fixed value");
  require_rejected(P::uniform(3.0, 2.0), "uniform high");
  require_rejected(P::uniform(2.0, 2.0), "uniform high");
  require_rejected(P::uniform(-1.0, 2.0), "uniform low");
  require_rejected(P::uniform(0.0, kInf), "uniform high");
  require_rejected(P::exponential(0.0), "exponential mean");
  require_rejected(P::exponential(-2.0), "exponential mean");
  require_rejected(P::exponential(kNaN), "exponential mean");
  require_rejected(P::lognormal_log(0.0, 0.0), "sdlog");
  require_rejected(P::lognormal_log(0.0, 11.0), "sdlog");
  require_rejected(P::lognormal_log(kInf, 1.0), "meanlog");
  require_rejected(P::gamma_shape_scale(0.0, 1.0), "gamma shape");
  require_rejected(P::gamma_shape_scale(1.0, -1.0), "gamma scale");
  require_rejected(P::weibull(-1.0, 1.0), "weibull shape");
  require_rejected(P::weibull(1.0, 0.0), "weibull scale");
  require_rejected(P::triangular(0.0, 5.0, 4.0), "triangular");
  require_rejected(P::triangular(1.0, 1.0, 1.0), "triangular");
  require_rejected(P::triangular(2.0, 1.0, 3.0), "triangular");
  require_rejected(P::triangular(-1.0, 0.0, 1.0), "triangular low");
  require_rejected(P::empirical_samples({}), "empirical");
  require_rejected(P::empirical_samples({1.0, -0.5}), "empirical sample");
  require_rejected(P::empirical_samples({1.0, kNaN}), "empirical sample");
  require_rejected(P::empirical_histogram({1.0}, {}), "bin edges");
  require_rejected(P::empirical_histogram({0.0, 1.0, 2.0}, {1.0}), "one weight per bin");
  require_rejected(P::empirical_histogram({0.0, 2.0, 1.0}, {1.0, 1.0}), "edges must increase");
  require_rejected(P::empirical_histogram({0.0, 1.0, 1.0}, {1.0, 1.0}), "edges must increase");
  require_rejected(P::empirical_histogram({0.0, 1.0, 2.0}, {0.0, 0.0}), "weights");
  require_rejected(P::empirical_histogram({0.0, 1.0, 2.0}, {1.0, -1.0}), "histogram weight");
  require_rejected(P::empirical_histogram({-1.0, 1.0}, {1.0}), "histogram edge");
}

TEST_CASE("the planner-friendly forms validate before converting", "[distribution]") {
  CHECK_THROWS_WITH(P::lognormal_mean_sd(0.0, 1.0), Contains("lognormal mean"));
  CHECK_THROWS_WITH(P::lognormal_mean_sd(5.0, -1.0), Contains("lognormal sd"));
  CHECK_THROWS_AS(P::lognormal_mean_sd(kNaN, 1.0), DistributionError);
  CHECK_THROWS_WITH(P::gamma_mean_sd(-1.0, 1.0), Contains("gamma mean"));
  CHECK_THROWS_WITH(P::gamma_mean_sd(1.0, 0.0), Contains("gamma sd"));
}

TEST_CASE("valid edge cases are accepted", "[distribution]") {
  CHECK_NOTHROW(Distribution(P::fixed(0.0)));
  CHECK_NOTHROW(Distribution(P::triangular(0.0, 0.0, 1.0)));
  CHECK_NOTHROW(Distribution(P::triangular(0.0, 1.0, 1.0)));
  CHECK_NOTHROW(Distribution(P::empirical_samples({0.0})));
  CHECK_NOTHROW(Distribution(P::empirical_histogram({0.0, 1.0, 2.0}, {0.0, 3.0})));
  CHECK_NOTHROW(Distribution(P::gamma_shape_scale(0.05, 10.0)));
}
