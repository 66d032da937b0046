// Sizing on the hospital model: the shipped M/G/c/c scenario (a virtual ward that takes
// avoidable arrivals only when it has room; the others are admitted), loaded from YAML with
// overrides exactly as `bedflow size` loads it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/analysis/two_levers.hpp"
#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/scenario/load.hpp"

using namespace bedflow;
using namespace bedflow::analysis;

namespace {

constexpr double kArrivalsPerDay = 10.0;  // as set in loss_overrides()
constexpr double kMeanStayDays = 1.0;
constexpr double kObservedDays = 2000.0;
constexpr std::uint32_t kReplications = 10;

const std::string kScenario =
    std::string(BEDFLOW_SOURCE_DIR) + "/scenarios/analytic/mgcc-virtual-ward-loss.yaml";

// Offered load 10 Erlangs with lognormal stays (sd 1.5 x the mean), observed 2000 days.
std::vector<scenario::Override> loss_overrides() {
  return {
      {"arrivals.emergency.rate_per_day", "10"},
      {"services.virtual_ward.step_up.los_days", "{lognormal: {mean: 1, sd: 1.5}}"},
      {"scenario.warmup_days", "50"},
      {"scenario.horizon_days", "2050"},
      {"services.virtual_ward.costs_gbp", "{place_day: 170, occupied_day: 50}"},
      {"services.acute.costs_gbp.occupied_day", "395"},
  };
}

double erlang_b(std::int64_t servers, double offered_load) {
  double b = 1.0;
  for (std::int64_t k = 1; k <= servers; ++k) {
    b = offered_load * b / (static_cast<double>(k) + offered_load * b);
  }
  return b;
}

// The model at a lever setting: every measure, one value per replication, same seed.
MeasureSamples evaluate_model(const LeverSetting& setting) {
  std::vector<scenario::Override> overrides = loss_overrides();
  for (const auto& [path, value] : setting) overrides.push_back({path, std::to_string(value)});
  const model::Scenario scenario = scenario::load_scenario(kScenario, overrides).scenario;
  const auto runs = engine::run_replications<model::ReplicationResult>(
      0, kReplications, 2, [&](std::size_t r) {
        return model::simulate_replication(scenario, scenario.run.seed,
                                           static_cast<std::uint32_t>(r));
      });
  MeasureSamples samples;
  for (const auto& run : runs) {
    for (const auto& scalar : run.scalars) samples[scalar.name].push_back(scalar.value);
  }
  return samples;
}

}  // namespace

TEST_CASE("sizing the model's loss system for a blocking target gives the Erlang-B answer",
          "[model][erlang]") {
  // Blocked arrivals are admitted, so over the observed period the expected admissions are
  // B(c, a) x arrivals (arrivals see time averages): a blocking target of 4.5% is a target on
  // admissions_emergency.
  const double offered_load = kArrivalsPerDay * kMeanStayDays;
  const double expected_arrivals = kArrivalsPerDay * kObservedDays;
  const double blocking_target = 0.045;
  std::int64_t erlang_answer = 1;
  while (erlang_b(erlang_answer, offered_load) > blocking_target) ++erlang_answer;

  const Lever lever = make_lever("services.virtual_ward.capacity", "1:40");
  const Target target{"admissions_emergency", Comparison::less_equal,
                      blocking_target * expected_arrivals};
  const OneLeverResult result =
      size_one_lever(lever, target, 0.9, evaluate_model, CostSource{"cost_total", {}});

  REQUIRE(result.answer_point.has_value());
  REQUIRE(result.below_point.has_value());
  const std::int64_t answer = *result.answer;
  const Evidence& at_answer = result.points[*result.answer_point].target;
  const Evidence& below = result.points[*result.below_point].target;
  const auto standard_error = [](const Evidence& e) {
    return e.sd / std::sqrt(static_cast<double>(e.n));
  };
  const auto expected_admissions = [&](std::int64_t c) {
    return erlang_b(c, offered_load) * expected_arrivals;
  };
  // The model agrees with Erlang B at the answer and one step below (4 standard errors)...
  CHECK(std::abs(at_answer.mean - expected_admissions(answer)) <= 4.0 * standard_error(at_answer));
  CHECK(std::abs(below.mean - expected_admissions(answer - 1)) <= 4.0 * standard_error(below));
  // ...the threshold is clear of the Erlang values on both sides in this run's precision...
  REQUIRE(expected_admissions(erlang_answer) + 4.0 * standard_error(at_answer) < target.threshold);
  REQUIRE(expected_admissions(erlang_answer - 1) - 4.0 * standard_error(below) > target.threshold);
  // ...and the search lands on the Erlang-B answer after O(log n) points.
  CHECK(result.status == SizingStatus::found);
  CHECK(answer == erlang_answer);
  CHECK(result.points.size() <= 2 + static_cast<std::size_t>(std::ceil(std::log2(39.0))));
  CHECK(result.monotone);

  // The cost a sizing run weighs is the ward's commissioned places (paid whether used or
  // not) plus the activity of the ward and of the acute beds, for every replication of every
  // evaluated point (only these costs are set).
  for (const auto& point : result.points) {
    const auto& cost = point.samples.at("cost_total");
    const auto& ward = point.samples.at("occupancy_mean_virtual_ward");
    const auto& acute = point.samples.at("acute_mean_occupancy");
    const auto places = static_cast<double>(point.setting.at("services.virtual_ward.capacity"));
    for (std::size_t r = 0; r < cost.size(); ++r) {
      const double expected = 170.0 * places * kObservedDays + 50.0 * ward[r] * kObservedDays +
                              395.0 * acute[r] * kObservedDays;
      CHECK(expected > 0.0);  // the overrides did set the unit costs
      CHECK(cost[r] == Approx(expected).epsilon(1e-9));
    }
  }
}
