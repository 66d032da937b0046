#pragma once
// Escalation beds opened as acute pressure rises and closed as it eases, with hysteresis.
//
// Invariants:
//  - Levels open in order and close in reverse order: level k is open only if every level
//    below it is open.
//  - Occupancy is measured against the capacity open at that moment (base + open levels).
//  - Level k opens when occupancy / open capacity > open_above(k) and closes when it falls
//    below close_below(k); between the two thresholds nothing changes (hysteresis).
//  - update() makes at most one change per call, so a level whose opening would itself
//    satisfy its closing rule cannot flip back and forth within one instant.
#include <cstdint>
#include <vector>

#include "bedflow/models/scenario.hpp"

namespace bedflow::model {

class EscalationLadder {
 public:
  EscalationLadder() = default;
  explicit EscalationLadder(std::vector<EscalationLevel> levels) : levels_(std::move(levels)) {}

  // Re-evaluates after occupancy or base capacity changed. Returns +1 when a level opened,
  // -1 when one closed, 0 otherwise.
  int update(std::int64_t occupancy, std::int64_t base_capacity) noexcept {
    const double open_capacity = static_cast<double>(base_capacity + beds_open_);
    const double share = open_capacity > 0.0 ? static_cast<double>(occupancy) / open_capacity
                                             : (occupancy > 0 ? 2.0 : 0.0);
    if (levels_open_ > 0 && share < levels_[levels_open_ - 1].close_below) {
      --levels_open_;
      beds_open_ -= levels_[levels_open_].beds;
      return -1;
    }
    if (levels_open_ < levels_.size() && share > levels_[levels_open_].open_above) {
      beds_open_ += levels_[levels_open_].beds;
      ++levels_open_;
      return +1;
    }
    return 0;
  }

  std::int64_t beds_open() const noexcept { return beds_open_; }
  std::size_t levels_open() const noexcept { return levels_open_; }
  bool empty() const noexcept { return levels_.empty(); }

 private:
  std::vector<EscalationLevel> levels_;
  std::size_t levels_open_ = 0;
  std::int64_t beds_open_ = 0;
};

}  // namespace bedflow::model
