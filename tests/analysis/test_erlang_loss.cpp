// Sizing an M/G/c/c loss system for a blocking target gives the Erlang-B answer.
//
// The loss system is the engine's queueing station with the loss rule: Poisson arrivals, c
// servers, lognormal stays, no waiting room - an arrival that finds every server busy is lost.
// By Erlang's insensitivity the blocking probability depends on the stay distribution only
// through its mean, so Erlang B is the exact long-run answer.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/engine/queueing_station.hpp"
#include "bedflow/engine/replication_runner.hpp"

using namespace bedflow;
using namespace bedflow::analysis;

namespace {

constexpr double kArrivalsPerDay = 10.0;
constexpr double kMeanStayDays = 1.0;
constexpr double kStaySdDays = 1.5;  // lognormal, far from exponential
constexpr double kWarmupDays = 30.0;
constexpr double kHorizonDays = 1530.0;
constexpr std::uint32_t kLossReplications = 10;
constexpr std::uint64_t kSeed = 20261122;

double erlang_b(std::int64_t servers, double offered_load) {
  double b = 1.0;
  for (std::int64_t k = 1; k <= servers; ++k) {
    b = offered_load * b / (static_cast<double>(k) + offered_load * b);
  }
  return b;
}

// Share of arrivals after warm-up that found every server busy, in one replication.
double blocking_share(std::int64_t servers, std::uint32_t replication) {
  engine::QueueingStationConfig config;
  config.arrivals_per_day = kArrivalsPerDay;
  config.servers = servers;
  config.service = engine::DistributionParams::lognormal_mean_sd(kMeanStayDays, kStaySdDays);
  config.rule = engine::WaitingRule::loss;
  config.warmup = engine::from_days(kWarmupDays);
  config.horizon = engine::from_days(kHorizonDays);
  config.seed = kSeed;  // the same seed and replications for every server count
  config.replication = replication;
  const engine::QueueingStationResult result = engine::run_queueing_station(config);
  return result.window_arrived == 0 ? 0.0
                                    : static_cast<double>(result.window_blocked) /
                                          static_cast<double>(result.window_arrived);
}

MeasureSamples evaluate_loss_system(const LeverSetting& setting) {
  const std::int64_t servers = setting.at("servers");
  MeasureSamples samples;
  samples["blocking_share"] = engine::run_replications<double>(
      0, kLossReplications, 2, [&](std::size_t r) {
        return blocking_share(servers, static_cast<std::uint32_t>(r));
      });
  return samples;
}

}  // namespace

TEST_CASE("M/G/c/c sizing for a blocking target gives the Erlang-B answer", "[erlang]") {
  const double offered_load = kArrivalsPerDay * kMeanStayDays;
  const double threshold = 0.045;
  std::int64_t erlang_answer = 1;
  while (erlang_b(erlang_answer, offered_load) > threshold) ++erlang_answer;

  const Lever lever = make_lever("servers", "1:40");
  const Target target{"blocking_share", Comparison::less_equal, threshold};
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate_loss_system);

  REQUIRE(result.answer_point.has_value());
  REQUIRE(result.below_point.has_value());
  const Evidence& at_answer = result.points[*result.answer_point].target;
  const Evidence& below = result.points[*result.below_point].target;
  const auto standard_error = [](const Evidence& e) {
    return e.sd / std::sqrt(static_cast<double>(e.n));
  };

  // The simulation agrees with Erlang B where it matters (within 4 standard errors)...
  const std::int64_t answer = *result.answer;
  CHECK(std::abs(at_answer.mean - erlang_b(answer, offered_load)) <= 4.0 * standard_error(at_answer));
  CHECK(std::abs(below.mean - erlang_b(answer - 1, offered_load)) <= 4.0 * standard_error(below));
  // ...the threshold is well clear of the Erlang values on both sides of the answer, measured
  // in this run's standard errors, so the comparison below is a fair test...
  REQUIRE(erlang_b(erlang_answer, offered_load) + 4.0 * standard_error(at_answer) < threshold);
  REQUIRE(erlang_b(erlang_answer - 1, offered_load) - 4.0 * standard_error(below) > threshold);
  // ...and sizing finds the Erlang-B answer with O(log n) simulated points.
  CHECK(result.status == SizingStatus::found);
  CHECK(answer == erlang_answer);
  CHECK(result.points.size() <= 2 + static_cast<std::size_t>(std::ceil(std::log2(39.0))));
  CHECK(result.monotone);
}
