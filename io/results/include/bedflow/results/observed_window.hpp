#pragma once
// The calendar period a set of replications covers, in the words and units a reader needs:
// first and last dates, length in days, and the factors that turn a window total into a rate.
//
// Invariants:
//  - Dates are ISO 8601. The first date is the day holding the window's first instant; the
//    last date is the day holding its last instant (the window is half-open, so a window
//    ending at midnight ends on the day before).
//  - per_day_factor() = 1 / days, per_year_factor() = 365 / days: a total over a 93-day
//    window times 365/93 is its annualised value (a year counted as 365 days).
//  - Throws nothing; a window of zero days gives factors of 0 (no rate can be formed).
#include <string>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::results {

inline constexpr double kDaysPerYear = 365.0;

std::string window_first_date(const model::ObservedWindow& window);
std::string window_last_date(const model::ObservedWindow& window);
// "2026-09-29 to 2026-12-31 (93 days)"
std::string describe_window(const model::ObservedWindow& window);
double per_day_factor(const model::ObservedWindow& window) noexcept;
// The part of `window` inside calendar month `year`-`month` (1..12): the same calendar,
// from_days and to_days clipped to the month; empty (from_days == to_days) when the window
// does not reach into it. A count over one month (ed_waits_over_<h>h_<yyyy>_<mm>) covers this.
model::ObservedWindow month_part(const model::ObservedWindow& window, int year, int month);
double per_year_factor(const model::ObservedWindow& window) noexcept;

// The calendar instant `days` after midnight of `calendar_start`: "2026-10-01" when it falls
// on a midnight, "2026-10-01T06:00" otherwise (minutes, rounded to the nearest).
std::string iso_instant(const engine::Date& calendar_start, double days);

}  // namespace bedflow::results
