#include "discharge_window.hpp"

namespace bedflow::model {

using engine::kHour;
using engine::Time;

WindowPlan make_window_plan(const CalendarProfile* daily, const CalendarProfile* weekly,
                            const engine::Calendar& calendar) {
  WindowPlan plan;
  // Hour h of the week is evaluated at a time the calendar puts on that weekday and clock
  // hour: the first week of the run, shifted to start on a Monday.
  const int weekday_at_zero = calendar.weekday_at(0);
  for (int h = 0; h < kHoursPerWeek; ++h) {
    const Time t = static_cast<Time>((h - weekday_at_zero * 24 + kHoursPerWeek) % kHoursPerWeek) *
                   kHour;
    double factor = 1.0;
    if (daily != nullptr) factor *= daily->factor_at(t);
    if (weekly != nullptr) factor *= weekly->factor_at(t);
    plan.factor[static_cast<std::size_t>(h)] = factor;
  }
  for (int h = 0; h < kHoursPerWeek; ++h) {
    int gap = 0;
    while (gap < kHoursPerWeek &&
           !(plan.factor[static_cast<std::size_t>((h + gap) % kHoursPerWeek)] > 0.0)) {
      ++gap;
    }
    // All zero cannot pass the loader; should it reach here, step a week at a time (the
    // horizon ends the search).
    plan.to_open[static_cast<std::size_t>(h)] =
        static_cast<std::uint8_t>(gap < kHoursPerWeek ? gap : kHoursPerWeek - 1);
  }
  return plan;
}

Time window_departure(const WindowPlan& window, int week_hour_at_zero, Time now, Time horizon,
                      engine::RandomStream& stream) noexcept {
  Time hour = now / kHour;  // hours since time 0 of the current slot
  int h = static_cast<int>((week_hour_at_zero + hour) % kHoursPerWeek);
  Time slot = now;  // the current hour's slot is now itself
  // One uniform u for the whole wait, drawn at the first hour that may refuse: the patient
  // leaves in the first hour k whose chance of staying through every hour so far,
  // S(k) = product of (1 - factor), falls below u. P(leave in hour k) = S(k-1) - S(k): the
  // law of one draw per hour, for one draw.
  double u = -1.0;  // not drawn yet
  double stays = 1.0;
  while (slot <= horizon) {
    const double factor = window.factor[static_cast<std::size_t>(h)];
    int step = 1;
    if (factor >= 1.0) return slot;
    if (factor > 0.0) {
      if (u < 0.0) u = stream.uniform01();
      stays *= 1.0 - factor;
      if (u > stays) return slot;
    } else {
      step = window.to_open[static_cast<std::size_t>(h)];
      if (step == 0) step = 1;
    }
    hour += step;
    h = (h + step) % kHoursPerWeek;
    slot = hour * kHour;
  }
  return engine::kTimeNever;
}

}  // namespace bedflow::model
