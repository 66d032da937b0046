// The replications' spread is the distribution of outcomes, not noise around a mean: in the
// shipped M/G/infinity network the occupancy of a service on a fixed day is Poisson with
// mean (arrival rate x mean stay), so the replication percentiles the results layer reports
// must sit on the Poisson quantiles, within the binomial uncertainty of a sample percentile.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>

#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/engine/statistics.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/scenario/load.hpp"

using namespace bedflow;

namespace {

// Smallest k with P(X <= k) >= q for X ~ Poisson(mean).
double poisson_quantile(double mean, double q) {
  const boost::math::poisson_distribution<double> poisson(mean);
  double k = 0.0;
  while (boost::math::cdf(poisson, k) < q) k += 1.0;
  return k;
}

std::vector<double> first_sample(const std::vector<model::ReplicationResult>& runs,
                                 const std::string& group, const std::string& measure) {
  std::vector<double> values;
  for (const auto& run : runs) {
    for (const auto& series : run.series) {
      if (series.group == group && series.measure == measure) values.push_back(series.values.at(0));
    }
  }
  REQUIRE(values.size() == runs.size());
  return values;
}

}  // namespace

TEST_CASE("replication percentiles of M/G/infinity occupancy match the Poisson quantiles") {
  constexpr std::uint32_t kReplications = 400;
  // The shipped analytic scenario, observed for one day after its 150-day warm-up: the
  // first series sample is the occupancy at the end of warm-up, one draw per replication.
  const auto loaded = scenario::load_scenario(
      std::string(BEDFLOW_SOURCE_DIR) + "/scenarios/analytic/mginf-network.yaml",
      {{"scenario.horizon_days", "151"}});
  const model::Scenario& scenario = loaded.scenario;
  const auto runs = engine::run_replications<model::ReplicationResult>(
      0, kReplications, 2, [&](std::size_t r) {
        return model::simulate_replication(scenario, scenario.run.seed,
                                           static_cast<std::uint32_t>(r));
      });
  // Offered loads from the scenario's opening comment: acute 30 x 4, care home 30 x 0.05 x 30.
  const std::vector<std::pair<std::string, double>> services{{"acute", 120.0},
                                                             {"care_home", 45.0}};
  // A sample p-quantile of n draws lies between the population quantiles at
  // p -/+ z sqrt(p (1 - p) / n), z for 99.9% two-sided, except with probability ~0.001.
  const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 0.9995);
  const double n = kReplications;
  for (const auto& [service, mean] : services) {
    const auto occupancy = first_sample(runs, service, "occupancy");
    for (const double p : {5.0, 50.0, 95.0}) {
      const double q = p / 100.0;
      const double spread = z * std::sqrt(q * (1.0 - q) / n);
      const double low = poisson_quantile(mean, q - spread);
      const double high = poisson_quantile(mean, q + spread);
      const double sample = engine::sample_percentile(occupancy, p);
      INFO(service << " P" << p << ": sample " << sample << ", Poisson(" << mean
                   << ") quantile " << poisson_quantile(mean, q) << ", bounds [" << low << ", "
                   << high << "]");
      REQUIRE(sample >= low);
      REQUIRE(sample <= high);
    }
  }
}
