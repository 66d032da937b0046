#include "bedflow/results/observed_window.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace bedflow::results {
namespace {

engine::Date date_after(const engine::Date& start, std::int64_t days) {
  return engine::civil_from_days(engine::days_from_civil(start) + days);
}

// Whole minutes since midnight of the start date, rounded: exact for any sampling step.
std::int64_t minutes_of(double days) {
  return static_cast<std::int64_t>(std::llround(days * 24.0 * 60.0));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

std::string window_first_date(const model::ObservedWindow& window) {
  return engine::to_iso_string(
      date_after(window.calendar_start, floor_div(minutes_of(window.from_days), 1440)));
}

std::string window_last_date(const model::ObservedWindow& window) {
  // The last instant is one minute before the end: a window ending at midnight ends the day
  // before; an empty window's last date is its first.
  const std::int64_t end = std::max(minutes_of(window.to_days) - 1, minutes_of(window.from_days));
  return engine::to_iso_string(date_after(window.calendar_start, floor_div(end, 1440)));
}

model::ObservedWindow month_part(const model::ObservedWindow& window, int year, int month) {
  const double origin = static_cast<double>(engine::days_from_civil(window.calendar_start));
  const engine::Date first{year, month, 1};
  const engine::Date next = month == 12 ? engine::Date{year + 1, 1, 1} : engine::Date{year, month + 1, 1};
  model::ObservedWindow part = window;
  part.from_days = std::max(static_cast<double>(engine::days_from_civil(first)) - origin,
                            window.from_days);
  part.to_days = std::min(static_cast<double>(engine::days_from_civil(next)) - origin,
                          window.to_days);
  if (part.to_days < part.from_days) part.to_days = part.from_days;
  return part;
}

std::string describe_window(const model::ObservedWindow& window) {
  const double days = window.days();
  const std::string length = std::floor(days) == days ? fmt::format("{:.0f}", days)
                                                      : fmt::format("{:.2f}", days);
  return fmt::format("{} to {} ({} day{})", window_first_date(window), window_last_date(window),
                     length, days == 1.0 ? "" : "s");
}

double per_day_factor(const model::ObservedWindow& window) noexcept {
  return window.days() > 0.0 ? 1.0 / window.days() : 0.0;
}

double per_year_factor(const model::ObservedWindow& window) noexcept {
  return window.days() > 0.0 ? kDaysPerYear / window.days() : 0.0;
}

std::string iso_instant(const engine::Date& calendar_start, double days) {
  const std::int64_t minutes = minutes_of(days);
  const std::int64_t day = floor_div(minutes, 1440);
  const std::int64_t minute_of_day = minutes - day * 1440;
  const std::string date = engine::to_iso_string(date_after(calendar_start, day));
  if (minute_of_day == 0) return date;
  return fmt::format("{}T{:02d}:{:02d}", date, minute_of_day / 60, minute_of_day % 60);
}

}  // namespace bedflow::results
