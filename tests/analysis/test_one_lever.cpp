// One lever: bisection on synthetic monotone responses, checked against a full scan.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/engine/random_stream.hpp"

using namespace bedflow::analysis;

namespace {

constexpr std::size_t kReplications = 8;

// A response that falls with capacity, plus replication noise that depends only on the
// replication (common random numbers: every capacity sees the same noise draws).
MeasureSamples synthetic(double capacity, double noise_scale, std::uint64_t seed) {
  MeasureSamples samples;
  auto& delayed = samples["delayed_bed_days_per_week"];
  auto& cost = samples["cost_total"];
  for (std::size_t r = 0; r < kReplications; ++r) {
    bedflow::engine::RandomStream stream(seed, r, bedflow::engine::stream_id("noise"));
    const double noise = noise_scale * (stream.uniform01() - 0.5);
    delayed.push_back(2000.0 * std::exp(-capacity / 300.0) + noise);
    cost.push_back(1000.0 * capacity);
  }
  return samples;
}

// The smallest value the decision rule accepts, found by evaluating every value.
std::optional<std::int64_t> scan(const Lever& lever, const Target& target, double confidence,
                                 const Evaluator& evaluate) {
  for (std::size_t i = 0; i < lever.count(); ++i) {
    const MeasureSamples s = evaluate({{lever.path, lever.value(i)}});
    if (weigh(s.at(target.measure), target, confidence).meets) return lever.value(i);
  }
  return std::nullopt;
}

std::size_t bisection_budget(std::size_t count) {
  return 2 + static_cast<std::size_t>(std::ceil(std::log2(static_cast<double>(count - 1))));
}

}  // namespace

TEST_CASE("bisection finds the exact smallest value a full scan finds", "[one_lever]") {
  const Lever lever = make_lever("services.reablement.capacity", "0:1200");
  const double noise = GENERATE(0.0, 40.0, 150.0);
  const Target target = parse_target(GENERATE(as<std::string>{},
      "delayed_bed_days_per_week <= 500", "delayed_bed_days_per_week < 250.5",
      "delayed_bed_days_per_week <= 150"));
  const double confidence = GENERATE(0.5, 0.9, 0.99);
  std::size_t calls = 0;
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    ++calls;
    return synthetic(static_cast<double>(setting.at(lever.path)), noise, 7);
  };
  const auto expected = scan(lever, target, confidence, evaluate);
  REQUIRE(expected.has_value());
  REQUIRE(*expected > lever.low);  // an interior answer, so both sides are exercised

  calls = 0;
  const OneLeverResult result = size_one_lever(lever, target, confidence, evaluate);
  CHECK(result.status == SizingStatus::found);
  REQUIRE(result.answer.has_value());
  CHECK(*result.answer == *expected);
  // O(log n) evaluations: each distinct point once, and no more than the bisection budget.
  CHECK(calls == result.points.size());
  CHECK(result.points.size() <= bisection_budget(lever.count()));
  CHECK(result.monotone);

  // Evidence: the answer meets, the value one step below was evaluated and misses.
  REQUIRE(result.answer_point.has_value());
  REQUIRE(result.below_point.has_value());
  const auto& answer = result.points[*result.answer_point];
  const auto& below = result.points[*result.below_point];
  CHECK(answer.setting.at(lever.path) == *expected);
  CHECK(answer.target.meets);
  CHECK(below.setting.at(lever.path) == *expected - lever.step);
  CHECK_FALSE(below.target.meets);
}

TEST_CASE("bisection honours the step and counts log2 of the grid, not of the span",
          "[one_lever]") {
  const Lever lever = make_lever("x", "400:1200", 10);
  const Target target = parse_target("delayed_bed_days_per_week <= 100");
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    return synthetic(static_cast<double>(setting.at("x")), 20.0, 3);
  };
  const auto expected = scan(lever, target, 0.9, evaluate);
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate);
  REQUIRE(result.answer.has_value());
  CHECK(*result.answer == *expected);
  CHECK((*result.answer - 400) % 10 == 0);
  CHECK(result.points.size() <= bisection_budget(lever.count()));
}

TEST_CASE("a range where nothing meets the target says so and gives no answer",
          "[one_lever]") {
  const Lever lever = make_lever("x", "0:300");
  // At capacity 300 the response is ~736 > 500: no value meets.
  const Target target = parse_target("delayed_bed_days_per_week <= 500");
  std::size_t calls = 0;
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    ++calls;
    return synthetic(static_cast<double>(setting.at("x")), 10.0, 1);
  };
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate);
  CHECK(result.status == SizingStatus::none_meets);
  CHECK_FALSE(result.answer.has_value());
  CHECK_FALSE(result.answer_point.has_value());
  CHECK(calls == 2);  // the lowest and the highest value settle it
  for (const auto& point : result.points) CHECK_FALSE(point.target.meets);
}

TEST_CASE("a range whose lowest value already meets the target says so", "[one_lever]") {
  const Lever lever = make_lever("x", "900:1200");
  const Target target = parse_target("delayed_bed_days_per_week <= 500");
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    return synthetic(static_cast<double>(setting.at("x")), 10.0, 1);
  };
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate);
  CHECK(result.status == SizingStatus::smallest_meets);
  REQUIRE(result.answer.has_value());
  CHECK(*result.answer == 900);
  CHECK(result.points.size() == 1);
  CHECK_FALSE(result.below_point.has_value());
}

TEST_CASE("a 'greater than' target on a rising measure works the same way", "[one_lever]") {
  // A share that rises with capacity: min(1, c / 1000) with a little noise.
  const Lever lever = make_lever("services.ucr.capacity", "0:2000", 5);
  const Target target = parse_target("ucr_2h_share >= 70%");
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    MeasureSamples s;
    for (std::size_t r = 0; r < kReplications; ++r) {
      bedflow::engine::RandomStream stream(11, r, 5);
      const double c = static_cast<double>(setting.at(lever.path));
      s["ucr_2h_share"].push_back(std::min(1.0, c / 1000.0) + 0.02 * (stream.uniform01() - 0.5));
    }
    return s;
  };
  const auto expected = scan(lever, target, 0.9, evaluate);
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate);
  REQUIRE(expected.has_value());
  REQUIRE(result.answer.has_value());
  CHECK(*result.answer == *expected);
  // The bound, not the mean, decides: it clears 0.7 at the answer and not one step below.
  REQUIRE(result.below_point.has_value());
  CHECK(result.points[*result.answer_point].target.bound >= 0.7);
  CHECK(result.points[*result.below_point].target.bound < 0.7);
}

TEST_CASE("a response that does not move one way is flagged", "[one_lever]") {
  const Lever lever = make_lever("x", "0:64");
  const Target target = parse_target("m <= 0");
  // Meets only from 40 up, but wiggles below: the evaluated means go up and down.
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    const std::int64_t x = setting.at("x");
    const double v = x >= 40 ? -1.0 : (x % 4 == 0 ? 3.0 : 5.0);
    return MeasureSamples{{"m", {v, v}}};
  };
  const OneLeverResult result = size_one_lever(lever, target, 0.9, evaluate);
  CHECK(result.answer == std::optional<std::int64_t>(40));
  CHECK_FALSE(result.monotone);
}

TEST_CASE("an unknown target measure fails at the first evaluation with a suggestion",
          "[one_lever]") {
  const Lever lever = make_lever("x", "0:10");
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    return synthetic(static_cast<double>(setting.at("x")), 1.0, 1);
  };
  CHECK_THROWS_WITH(
      size_one_lever(lever, parse_target("delayed_bed_day_per_week <= 5"), 0.9, evaluate),
      Catch::Contains("did you mean 'delayed_bed_days_per_week'?"));
  CHECK_THROWS_WITH(
      size_one_lever(lever, parse_target("delayed_bed_days_per_week <= 5"), 0.9, evaluate,
                     CostSource{"cost_totl", {}}),
      Catch::Contains("unknown cost measure 'cost_totl' (did you mean 'cost_total'?)"));
}

TEST_CASE("a cost measure's scale turns a window total into a yearly figure", "[one_lever]") {
  // A window of 73 days: every replication's cost_total x 365 / 73 = x 5.
  const Lever lever = make_lever("x", "100:400:100");
  const Evaluator evaluate = [&](const LeverSetting& setting) {
    return synthetic(static_cast<double>(setting.at("x")), 40.0, 3);
  };
  const auto result = size_one_lever(lever, parse_target("delayed_bed_days_per_week <= 1000"),
                                     0.9, evaluate, CostSource{"cost_total", {}, 365.0 / 73.0});
  REQUIRE_FALSE(result.points.empty());
  for (const auto& point : result.points) {
    CHECK(point.cost->mean == Approx(5.0 * 1000.0 * static_cast<double>(point.setting.at("x"))));
    CHECK(point.cost->half_width == Approx(0.0).margin(1e-6));
  }
}
