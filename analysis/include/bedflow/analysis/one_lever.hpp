#pragma once
// The smallest value of one lever that meets a target: bisection under monotonicity.
//
// Assumption: whether a value meets the target moves one way with the lever - once enough
// capacity meets it, more capacity meets it too (the measure is monotone in capacity, and the
// points share common random numbers, so noise does not reorder them).
//
// Invariants:
//  - The search evaluates the lowest value first: if it meets the target the answer is that
//    value (status smallest_meets - the range may start too high). Otherwise it evaluates the
//    highest: if that misses, no value in the range meets the target (status none_meets) and
//    there is no answer. Otherwise it keeps a bracket (misses at i, meets at j) and halves
//    it until j = i + 1, so it asks for at most 2 + ceil(log2(count - 1)) points and the
//    answer's "one step below" point has always been evaluated and seen to miss.
//  - `monotone` is false when the target measure's means at the evaluated points do not move
//    one way with the lever: the answer then rests on a broken assumption and says so.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "bedflow/analysis/evaluation.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/target.hpp"

namespace bedflow::analysis {

enum class SizingStatus {
  found,           // the answer meets, the value one step below misses
  smallest_meets,  // even the lowest value of the range meets the target
  none_meets,      // not even the highest value meets the target: no answer in the range
};

std::string_view to_string(SizingStatus status) noexcept;

struct BisectionOutcome {
  SizingStatus status = SizingStatus::none_meets;
  std::optional<std::size_t> answer;  // index into PointEvaluator::points()
  std::optional<std::size_t> below;   // the point one step below the answer
  std::size_t evaluations = 0;        // points this search asked for (memoised or not)
};

// Bisection over `lever` with the other levers held at `fixed`.
BisectionOutcome bisect(PointEvaluator& evaluator, const Lever& lever,
                        const LeverSetting& fixed = {});

// True when the values, ordered by key, never go up or never go down.
bool moves_one_way(std::vector<std::pair<std::int64_t, double>> key_value);

struct OneLeverResult {
  SizingStatus status = SizingStatus::none_meets;
  std::optional<std::int64_t> answer;
  std::optional<std::size_t> answer_point;  // index into points
  std::optional<std::size_t> below_point;
  std::vector<EvaluatedPoint> points;       // in evaluation order
  bool monotone = true;
};

OneLeverResult size_one_lever(const Lever& lever, const Target& target, double confidence,
                              Evaluator evaluator, std::optional<CostSource> cost = std::nullopt);

}  // namespace bedflow::analysis
