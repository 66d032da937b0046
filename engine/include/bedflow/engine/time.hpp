#pragma once
// Simulation time.
//
// Invariants:
//  - Time is an integer count of seconds since the start of the simulation, so two events
//    scheduled for "the same moment" compare exactly equal (no floating-point near-ties).
//  - One second of resolution is far below anything the models measure (hours and days),
//    and int64 seconds span ~292 billion years, so no run can overflow.
#include <cmath>
#include <cstdint>
#include <limits>

namespace bedflow::engine {

using Time = std::int64_t;

inline constexpr Time kSecond = 1;
inline constexpr Time kMinute = 60;
inline constexpr Time kHour = 3600;
inline constexpr Time kDay = 86400;
inline constexpr Time kWeek = 7 * kDay;
inline constexpr Time kTimeNever = std::numeric_limits<Time>::max();

// Converts a duration in (fractional) days or hours to ticks, rounding to the nearest second.
// Negative durations are clamped to zero: a sampled stay can never move time backwards.
inline Time from_days(double days) noexcept {
  if (!(days > 0.0)) return 0;
  const double ticks = std::nearbyint(days * static_cast<double>(kDay));
  return ticks >= 9.0e18 ? kTimeNever / 2 : static_cast<Time>(ticks);
}
inline Time from_hours(double hours) noexcept { return from_days(hours / 24.0); }

inline constexpr double to_days(Time t) noexcept {
  return static_cast<double>(t) / static_cast<double>(kDay);
}
inline constexpr double to_hours(Time t) noexcept {
  return static_cast<double>(t) / static_cast<double>(kHour);
}

}  // namespace bedflow::engine
