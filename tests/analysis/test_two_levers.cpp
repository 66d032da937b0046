// Two levers: the cheapest combination that meets a target, checked against a full grid.
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/two_levers.hpp"
#include "bedflow/engine/random_stream.hpp"

using namespace bedflow::analysis;

namespace {

constexpr std::size_t kLeverReplications = 6;

// Delays fall with acute beds (a) and reablement packages (b); the running cost rises with
// both, at different prices, with replication noise shared by every point.
MeasureSamples surface(std::int64_t a, std::int64_t b, double noise_scale) {
  MeasureSamples s;
  for (std::size_t r = 0; r < kLeverReplications; ++r) {
    bedflow::engine::RandomStream stream(42, r, bedflow::engine::stream_id("surface"));
    const double noise = noise_scale * (stream.uniform01() - 0.5);
    const double x = static_cast<double>(a);
    const double y = static_cast<double>(b);
    s["delayed_bed_days_per_week"].push_back(3000.0 * std::exp(-x / 40.0 - y / 25.0) + noise);
    s["cost_total"].push_back(307.0 * x + 171.0 * y + 0.01 * x * y + 50.0 * noise);
  }
  return s;
}

struct GridAnswer {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double cost = 0.0;
};

std::optional<GridAnswer> brute_force(const Lever& first, const Lever& second,
                                      const Target& target, double confidence,
                                      const CostSource& cost, const Evaluator& evaluate) {
  std::optional<GridAnswer> best;
  for (std::size_t i = 0; i < first.count(); ++i) {
    for (std::size_t j = 0; j < second.count(); ++j) {
      const std::int64_t a = first.value(i);
      const std::int64_t b = second.value(j);
      const MeasureSamples s = evaluate({{first.path, a}, {second.path, b}});
      if (!weigh(s.at(target.measure), target, confidence).meets) continue;
      double c = 0.0;
      if (cost.per_unit.empty()) {
        for (double v : s.at(cost.measure)) c += v;
        c /= static_cast<double>(s.at(cost.measure).size());
      } else {
        c = static_cast<double>(a) * cost.per_unit.at(first.path) +
            static_cast<double>(b) * cost.per_unit.at(second.path);
      }
      if (!best || c < best->cost) best = GridAnswer{a, b, c};
    }
  }
  return best;
}

}  // namespace

TEST_CASE("the cheapest combination matches a brute-force scan of the grid", "[two_levers]") {
  const Lever beds = make_lever("services.acute.capacity", "0:120:4");
  const Lever packages = make_lever("services.reablement.capacity", "0:100");
  const double noise = GENERATE(0.0, 30.0);
  const Target target = parse_target(GENERATE(as<std::string>{},
      "delayed_bed_days_per_week <= 100", "delayed_bed_days_per_week <= 20"));
  const CostSource cost = GENERATE(
      CostSource{"cost_total", {}},
      CostSource{"", {{"services.acute.capacity", 250.0}, {"services.reablement.capacity", 90.0}}});
  std::size_t calls = 0;
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    ++calls;
    return surface(setting.at(beds.path), setting.at(packages.path), noise);
  };

  const auto expected = brute_force(beds, packages, target, 0.9, cost, evaluate);
  REQUIRE(expected.has_value());

  calls = 0;
  const TwoLeverResult result = size_two_levers(beds, packages, target, 0.9, cost, evaluate);
  REQUIRE(result.cheapest.has_value());
  const EvaluatedPoint& cheapest = result.points[*result.cheapest];
  CHECK(cheapest.setting.at(beds.path) == expected->a);
  CHECK(cheapest.setting.at(packages.path) == expected->b);
  CHECK(cheapest.cost->mean == Approx(expected->cost).epsilon(1e-12));
  CHECK(cheapest.target.meets);
  CHECK(result.status == SizingStatus::found);
  CHECK(result.monotone);
  CHECK(result.cost_monotone);

  // Far fewer evaluations than the grid, each distinct point evaluated once.
  CHECK(calls == result.points.size());
  CHECK(result.points.size() * 4 < beds.count() * packages.count());

  // Each frontier row holds the smallest second-lever value that meets, per a full column scan.
  REQUIRE(result.frontier.size() == beds.count());
  for (const auto& row : result.frontier) {
    std::optional<std::int64_t> smallest;
    for (std::size_t j = 0; j < packages.count() && !smallest; ++j) {
      const MeasureSamples s = surface(row.first, packages.value(j), noise);
      if (weigh(s.at(target.measure), target, 0.9).meets) smallest = packages.value(j);
    }
    CHECK(row.second == smallest);
  }
}

TEST_CASE("two levers with no combination meeting the target give no answer",
          "[two_levers]") {
  const Lever beds = make_lever("a", "0:20:5");
  const Lever packages = make_lever("b", "0:20:5");
  const Target target = parse_target("delayed_bed_days_per_week <= 1");
  const TwoLeverResult result = size_two_levers(
      beds, packages, target, 0.9, CostSource{},
      [](const LeverSetting& s) { return surface(s.at("a"), s.at("b"), 5.0); });
  CHECK(result.status == SizingStatus::none_meets);
  CHECK_FALSE(result.cheapest.has_value());
  for (const auto& row : result.frontier) CHECK_FALSE(row.second.has_value());
  for (const auto& point : result.points) CHECK_FALSE(point.target.meets);
}

TEST_CASE("two levers on the same path are rejected", "[two_levers]") {
  const Lever a = make_lever("a", "0:2");
  CHECK_THROWS_AS(size_two_levers(a, a, parse_target("m <= 1"), 0.9, CostSource{},
                                  [](const LeverSetting&) { return MeasureSamples{}; }),
                  AnalysisError);
}
