#pragma once
// A lever: one integer capacity, named by its scenario path, tried over a range.
//
// Invariants:
//  - low <= high, step > 0, and (high - low) is a whole number of steps: the candidate values
//    are low, low + step, ..., high, and index i <-> value low + i * step.
//  - make_lever() enforces all of that and throws AnalysisError naming the lever otherwise.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bedflow::analysis {

struct Lever {
  std::string path;  // e.g. "services.reablement.capacity"
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::int64_t step = 1;

  std::size_t count() const noexcept {
    return static_cast<std::size_t>((high - low) / step) + 1;
  }
  std::int64_t value(std::size_t index) const noexcept {
    return low + static_cast<std::int64_t>(index) * step;
  }
};

// `range` is "LOW:HIGH" or "LOW:HIGH:STEP"; `step` (if given) must agree with a STEP in the
// text. Values must be non-negative integers.
Lever make_lever(std::string path, std::string_view range,
                 std::optional<std::int64_t> step = std::nullopt);

}  // namespace bedflow::analysis
