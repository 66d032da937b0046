#pragma once
// The cheapest combination of two levers that meets a target.
//
// Assumptions: (1) more of either lever never makes the target harder to meet (the set of
// combinations that meet it is closed upwards in both levers); (2) for a fixed value of the
// first lever, cost does not fall as the second lever grows (more capacity costs more), so
// the cheapest combination on that row is the one with the smallest second lever that meets
// the target.
//
// Method: for each value a of the first lever (ascending), bisection on the second lever
// (one_lever.hpp) gives b*(a), the smallest second-lever value that meets the target. By
// (1) b*(a) never rises with a, so each row searches only up to the previous row's b*,
// falling back to the full range if that narrower search finds nothing. The answer is the
// frontier point (a, b*(a)) of least mean cost; ties go to the smaller first lever.
//
// Invariants:
//  - Every frontier point was evaluated and met the target; its one-step-below neighbour
//    on the second lever (when in range) was evaluated and missed it.
//  - status is none_meets (no cheapest point) exactly when no row has a point that meets.
//  - `monotone` / `cost_monotone` report whether the evaluated points contradicted
//    assumption (1) along the second lever, or (2) along a row, so that the caller can warn.
#include <cstdint>
#include <optional>
#include <vector>

#include "bedflow/analysis/evaluation.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/analysis/target.hpp"

namespace bedflow::analysis {

struct FrontierRow {
  std::int64_t first = 0;
  std::optional<std::int64_t> second;  // b*(a); empty when no value in range meets
  std::optional<std::size_t> point;    // index into points of (a, b*(a))
};

struct TwoLeverResult {
  SizingStatus status = SizingStatus::none_meets;
  std::optional<std::size_t> cheapest;  // index into points
  std::vector<FrontierRow> frontier;    // one row per value of the first lever
  std::vector<EvaluatedPoint> points;   // in evaluation order
  bool monotone = true;
  bool cost_monotone = true;
};

TwoLeverResult size_two_levers(const Lever& first, const Lever& second, const Target& target,
                               double confidence, const CostSource& cost, Evaluator evaluator);

}  // namespace bedflow::analysis
