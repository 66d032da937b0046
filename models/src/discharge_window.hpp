#pragma once
// Discharge windows resolved to the hour of the week, and the hour a patient ready to leave
// actually leaves (models/README.md, "Discharge windows").
//
// Invariants:
//  - factor[h] is the probability that a patient ready to leave goes in hour h of the week
//    (0 = Monday 00:00 .. 167 = Sunday 23:00): the daily profile's factor at that clock hour
//    times the weekly profile's on that weekday, each 1 when not given. Every factor is in
//    [0, 1] and at least one is not 0 (the loader refuses anything else).
//  - Law: the current hour accepts with its factor (leaving at once), each later hour with
//    its own (leaving at its start). Drawn by inversion, one uniform per wait at most: it is
//    drawn at the first hour whose factor is strictly between 0 and 1, so a 0/1 window (open
//    hours only) never touches its random stream, and hours that are shut are stepped over
//    in one go (`to_open`).
#include <array>
#include <cstdint>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/time.hpp"
#include "bedflow/models/rate_function.hpp"

namespace bedflow::model {

struct WindowPlan {
  std::array<double, kHoursPerWeek> factor{};
  // Hours from h to the next hour of the week whose factor is not 0 (0 when h's is not).
  std::array<std::uint8_t, kHoursPerWeek> to_open{};
};

// `daily` and `weekly` may be null (always 1).
WindowPlan make_window_plan(const CalendarProfile* daily, const CalendarProfile* weekly,
                            const engine::Calendar& calendar);

// The time a patient ready to leave at `now` (>= 0) leaves: `now` itself, or the start of a
// later hour; kTimeNever when that would be after `horizon`. `week_hour_at_zero` is the hour
// of the week of time 0 (midnight of the start date).
engine::Time window_departure(const WindowPlan& window, int week_hour_at_zero, engine::Time now,
                              engine::Time horizon, engine::RandomStream& stream) noexcept;

}  // namespace bedflow::model
